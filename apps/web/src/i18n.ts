import { createContext, useContext } from 'react';
import { en } from './messages-en.js';
import { ja, type Catalogue, type MessageKey } from './messages-ja.js';

/** Japanese first (the app's customers), English on request; the choice is kept in localStorage. */
export type Lang = 'ja' | 'en';
export const LANG_STORAGE_KEY = 'kyodo.lang';

/** One catalogue per language (messages-ja.ts, messages-en.ts); test/i18n.test.ts fails on a key without Japanese text. */
export const catalogues: Record<Lang, Catalogue> = { ja, en };

export type { MessageKey };

/** The enum types the app shows as words, each with the prefix of its catalogue keys (courseSTANDARD...). */
export type EnumPrefix = 'ticket' | 'priority' | 'status' | 'course' | 'cycle' | 'contract' | 'locale' | 'mail' | 'policy' | 'product' | 'deployment' | 'price' | 'invoiceKind' | 'via';

/** A label for an enum value the schema sends in capitals (TicketStatus, TicketPriority...), or the value itself. */
export function enumLabel(lang: Lang, prefix: EnumPrefix, value: string): string {
  const key = `${prefix}${value}`;
  return key in catalogues[lang] ? translate(lang, key as MessageKey) : value;
}

/** A1: an audit action as words ('member.add' -> メンバーの追加), or the action itself when new. */
export function actionLabel(lang: Lang, action: string): string {
  const key = `audit:${action}`;
  return key in catalogues[lang] ? translate(lang, key as MessageKey) : action;
}

/** The message in `lang`, `{name}` placeholders filled from `values`. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** I1: the API's Locale for a language of the app, and back (null: the user chose none). */
export function localeOfLang(lang: Lang): 'JA' | 'EN' {
  return lang === 'en' ? 'EN' : 'JA';
}

export function langOfLocale(locale: string | null | undefined): Lang | null {
  return locale === 'EN' ? 'en' : locale === 'JA' ? 'ja' : null;
}

export function initialLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  return storage?.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'ja', t: (key, values) => translate('ja', key, values), setLang: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A1: every audit action the app has words for (the audit filter offers them all, whatever the page loaded). */
export function knownAuditActions(): string[] {
  return Object.keys(catalogues.ja)
    .filter((key) => key.startsWith('audit:'))
    .map((key) => key.slice('audit:'.length));
}
