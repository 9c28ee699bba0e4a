import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, catalogues, enumLabel, translate } from '../src/i18n.js';

const SCHEMA = readFileSync(join(import.meta.dirname, '..', '..', '..', 'packages', 'client', 'schema.graphql'), 'utf8');

/** The values of an enum in the clients' schema (codegen writes it from the supergraph). */
function enumValues(name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(SCHEMA)![1]!;
  return body
    .split('\n')
    .map((line) => line.trim().split(/\s/)[0]!)
    .filter((word) => /^[A-Z][A-Z_]+$/.test(word));
}

describe('the catalogues: Japanese first, one per language', () => {
  it('every key has Japanese text, and English text, and neither has a key the other lacks', () => {
    const ja = Object.keys(catalogues.ja).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(en).toEqual(ja);
    const noJapanese = ja.filter((key) => !(catalogues.ja as Record<string, string>)[key]?.trim());
    expect(noJapanese).toEqual([]);
    expect(ja.filter((key) => !(catalogues.en as Record<string, string>)[key]?.trim())).toEqual([]);
  });

  it('the placeholders of each message are the same in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogues.ja) as (keyof typeof catalogues.ja)[]) {
      expect({ key, names: names(catalogues.en[key]) }).toEqual({ key, names: names(catalogues.ja[key]) });
    }
  });

  it('shows every value of the enums the consoles print as words, never the raw value', () => {
    const shown = [
      ['course', 'Course'],
      ['cycle', 'BillingCycle'],
      ['contract', 'ContractStatus'],
      ['locale', 'Locale'],
      ['mail', 'MailFormat'],
      ['policy', 'GuestPolicy'],
      ['product', 'ServiceProduct'],
      ['deployment', 'Deployment'],
      ['status', 'GuestLicenseStatus'],
      ['ticket', 'TicketStatus'],
      ['priority', 'TicketPriority'],
      ['invoiceKind', 'InvoiceKind'],
    ] as const;
    for (const [prefix, name] of shown) {
      for (const value of enumValues(name)) {
        for (const lang of ['ja', 'en'] as const) {
          const label = enumLabel(lang, prefix, value);
          // HTML stays HTML in both languages; anything else must be a word, not the capitals
          if (value !== 'HTML') expect({ name, value, lang, label }).not.toEqual({ name, value, lang, label: value });
        }
      }
    }
    expect(enumLabel('ja', 'course', 'STANDARD')).toBe('スタンダード');
    expect(enumLabel('en', 'course', 'STANDARD')).toBe('Standard');
    expect(enumLabel('ja', 'cycle', 'MONTHLY')).toBe('月額');
    expect(enumLabel('en', 'cycle', 'MONTHLY')).toBe('Monthly');
    // an unknown value (a later schema) is shown as it came, not hidden
    expect(enumLabel('ja', 'course', 'PREMIUM')).toBe('PREMIUM');
  });

  it('A1: every audit action the subgraphs record has words in both languages', () => {
    const services = join(import.meta.dirname, '..', '..', '..', 'services');
    const actions = new Set<string>();
    for (const file of readdirSync(services, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || !file.includes('src') || file.includes('node_modules')) continue;
      const text = readFileSync(join(services, file), 'utf8');
      for (const m of text.matchAll(/action: '([a-zA-Z.]+)'/g)) actions.add(m[1]!);
      // back-office.resolver.ts: `serviceContract.${mode}` with mode 'create' | 'update'
      if (text.includes('`serviceContract.${mode}`')) ['serviceContract.create', 'serviceContract.update'].forEach((a) => actions.add(a));
    }
    expect(actions.size).toBeGreaterThan(20);
    for (const action of actions) {
      for (const lang of ['ja', 'en'] as const) expect({ action, lang, label: actionLabel(lang, action) }).not.toEqual({ action, lang, label: action });
    }
    expect(actionLabel('ja', 'member.add')).toBe('メンバーの追加');
  });

  it('fills placeholders', () => {
    expect(translate('ja', 'seatsLine', { seats: 5, active: 3 })).toBe('契約中のメンバー席: 5 席（有効なメンバー 3 人）');
  });
});

describe('I1: the app\'s language and the user\'s own (setMyLocale, viewer.locale)', () => {
  it('maps each language to the API\'s Locale and back; no locale chosen keeps the app\'s choice', async () => {
    const { langOfLocale, localeOfLang, knownAuditActions } = await import('../src/i18n.js');
    expect(localeOfLang('ja')).toBe('JA');
    expect(localeOfLang('en')).toBe('EN');
    expect(langOfLocale('EN')).toBe('en');
    expect(langOfLocale('JA')).toBe('ja');
    expect(langOfLocale(null)).toBeNull();
    expect(langOfLocale(undefined)).toBeNull();
    // A1: the audit filter offers every action the app has words for
    expect(knownAuditActions()).toEqual(expect.arrayContaining(['member.add', 'priceRow.add', 'tenant.create']));
  });
});
