import { describe, expect, it } from 'vitest';
import { invoicePageLink, receivesInvoiceMail } from '../src/domain/invoice-mail.js';
import { Locale } from '../src/entities/enums.js';
import { invoiceIssuedMail } from '../src/mail-templates.js';

describe('Q1: who gets the invoice mail', () => {
  const admin = { kind: 'MEMBER', isAdmin: true, removedAt: null };
  it('an active administrator does; a member, a guest and a removed administrator do not', () => {
    expect(receivesInvoiceMail(admin)).toBe(true);
    expect(receivesInvoiceMail({ ...admin, isAdmin: false })).toBe(false);
    expect(receivesInvoiceMail({ ...admin, kind: 'GUEST' })).toBe(false);
    expect(receivesInvoiceMail({ ...admin, removedAt: new Date('2027-01-01T00:00:00Z') })).toBe(false);
  });
});

describe('Q1: the invoice mail', () => {
  const facts = { name: '経理 花子', tenantName: 'デモ株式会社', number: 'KY-2027-000123', issuedOn: '2027-03-01', total: 1234567, creditNote: false, link: invoicePageLink('https://kyodo.example/', 'inv-1') };
  it("links the web app's invoice page under PUBLIC_URL, never the PDF", () => {
    expect(facts.link).toBe('https://kyodo.example/app/licences?invoice=inv-1');
    expect(invoicePageLink('https://kyodo.example', 'a/b')).toBe('https://kyodo.example/app/licences?invoice=a%2Fb');
  });
  it('is Japanese first with the English after it; an EN tenant gets the English alone', () => {
    const ja = invoiceIssuedMail(Locale.JA, facts);
    expect(ja.subject).toBe('【Kyodo】請求書 KY-2027-000123 を発行しました（デモ株式会社） / [Kyodo] Invoice KY-2027-000123 issued to デモ株式会社');
    const text = ja.paragraphs.join('\n');
    expect(text).toContain('ご請求金額（税込）: 1,234,567円');
    expect(text.indexOf('発行日: 2027-03-01')).toBeLessThan(text.indexOf('Issued on: 2027-03-01'));
    const en = invoiceIssuedMail(Locale.EN, facts);
    expect(en.subject).toBe('[Kyodo] Invoice KY-2027-000123 issued to デモ株式会社');
    expect(en.paragraphs.join('\n')).toContain('Amount due (tax included): JPY 1,234,567');
    expect(en.paragraphs.join('\n')).not.toContain('請求書');
  });
  it('names a credit note as one, with its negative amount', () => {
    const note = invoiceIssuedMail(Locale.EN, { ...facts, creditNote: true, total: -1100 });
    expect(note.subject).toBe('[Kyodo] Credit note KY-2027-000123 issued to デモ株式会社');
    expect(note.paragraphs.join('\n')).toContain('Amount corrected (tax included): JPY -1,100');
  });
});
