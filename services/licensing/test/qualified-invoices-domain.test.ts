import { describe, expect, it } from 'vitest';
import { creditNoteOf, invoiceNumberOf, taxByRateOf, totalsOf } from '../src/domain/invoices.js';
import { corporateNumberCheckDigit, isValidRegistrationNumber, registrationNumberProblem } from '../src/domain/registration-numbers.js';
import { DEMO_INVOICE_ISSUER, invoiceEnvSchema, invoiceIssuerOf } from '../src/invoice-settings.js';
import { licensingSubgraph } from '../src/index.js';

describe('Q1 registration numbers (T + corporate number with its check digit)', () => {
  // published corporate numbers (the National Tax Agency's corporate-number site): the first digit is the check digit
  const published = [
    ['7000012050002', 'National Tax Agency (国税庁)'],
    ['1180301018771', 'Toyota Motor Corporation'],
    ['4011001098993', 'FoundingBase, Inc.'],
    ['2120901007402', 'a company from a tax accountant\'s worked example'],
  ] as const;

  it.each(published)('Q1: %s (%s) has a valid check digit, and T%s is a valid registration number', (digits) => {
    expect(corporateNumberCheckDigit(digits.slice(1))).toBe(Number(digits[0]));
    expect(isValidRegistrationNumber(`T${digits}`)).toBe(true);
    expect(registrationNumberProblem(`T${digits}`)).toBeNull();
  });

  it('Q1: the ordinance\'s worked example: base 123456789012 gives check digit 7 (sum 74, 74 mod 9 = 2, 9 - 2 = 7)', () => {
    expect(corporateNumberCheckDigit('123456789012')).toBe(7);
  });

  it('Q1: any other first digit, a missing T, a wrong length or other characters are refused, each with a reason', () => {
    for (const digit of '123456789'.replace('7', '')) expect(isValidRegistrationNumber(`T${digit}000012050002`)).toBe(false);
    expect(registrationNumberProblem('T8000012050002')).toMatch(/check digit.*should be 7/);
    for (const bad of ['7000012050002', 't7000012050002', 'T700001205000', 'T70000120500021', 'T70000120500O2', ' T7000012050002', '']) {
      expect(isValidRegistrationNumber(bad), bad).toBe(false);
      expect(registrationNumberProblem(bad), bad).toMatch(/T" followed by 13 digits/);
    }
  });

  it('Q1: the demo issuer is valid (the same code path runs in development) and plainly a demo', () => {
    expect(isValidRegistrationNumber(DEMO_INVOICE_ISSUER.registrationNumber)).toBe(true);
    expect(DEMO_INVOICE_ISSUER.name).toMatch(/デモ.*Demo/);
  });
});

describe('Q1 issuer settings (INVOICE_ISSUER_NAME, INVOICE_REGISTRATION_NUMBER)', () => {
  it('Q1: production requires both; a wrong check digit is refused anywhere; development falls back to the demo issuer', () => {
    const production = invoiceEnvSchema.safeParse({ NODE_ENV: 'production' });
    expect(production.success).toBe(false);
    expect(production.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['INVOICE_ISSUER_NAME', 'INVOICE_REGISTRATION_NUMBER']);
    expect(invoiceEnvSchema.safeParse({ NODE_ENV: 'production', INVOICE_ISSUER_NAME: '共同株式会社', INVOICE_REGISTRATION_NUMBER: 'T7000012050002' }).success).toBe(true);
    const wrong = invoiceEnvSchema.safeParse({ INVOICE_REGISTRATION_NUMBER: 'T8000012050002' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toMatch(/check digit/);
    expect(invoiceIssuerOf({})).toEqual(DEMO_INVOICE_ISSUER);
    expect(invoiceIssuerOf({ INVOICE_ISSUER_NAME: ' 共同株式会社 ', INVOICE_REGISTRATION_NUMBER: 'T7000012050002' })).toEqual({ name: '共同株式会社', registrationNumber: 'T7000012050002' });
    expect(() => invoiceIssuerOf({ NODE_ENV: 'production' })).toThrow(/INVOICE_ISSUER_NAME/);
    // the schema the subgraph's main checks at start (runSubgraphMain intersects it with the common one)
    expect(licensingSubgraph.envSchema).toBe(invoiceEnvSchema);
  });
});

describe('Q1 tax per rate and invoice numbers', () => {
  it('Q1: tax is rounded down once per rate per invoice, never per line (335 + 335 at 10 %: 67, not 33 + 33)', () => {
    const lines = [{ amount: 335 }, { amount: 335 }];
    expect(taxByRateOf(lines)).toEqual([{ rate: 10, taxableAmount: 670, tax: 67 }]);
    expect(totalsOf(lines)).toEqual({ subtotal: 670, tax: 67, total: 737 });
  });

  it('Q1: each rate is summed and rounded on its own, highest rate first', () => {
    const lines = [{ amount: 999, taxRatePercent: 8 }, { amount: 1005 }, { amount: 1, taxRatePercent: 8 }];
    expect(taxByRateOf(lines)).toEqual([
      { rate: 10, taxableAmount: 1005, tax: 100 },
      { rate: 8, taxableAmount: 1000, tax: 80 },
    ]);
    expect(totalsOf(lines)).toEqual({ subtotal: 2005, tax: 180, total: 2185 });
  });

  it('Q1: invoice numbers are KY-<year issued>-<sequence, 6 digits or more>', () => {
    expect(invoiceNumberOf('2027-04-01', 123)).toBe('KY-2027-000123');
    expect(invoiceNumberOf('2028-01-01', 1234567)).toBe('KY-2028-1234567');
    expect(() => invoiceNumberOf('2027-04-01', 0)).toThrow();
  });
});

describe('Q1 credit notes', () => {
  const invoice = { number: 'KY-2027-000007', subtotal: 15600, kind: 'INVOICE' };
  const lines = [
    { amount: 12000, periodFrom: '2027-04-01', periodTo: '2027-04-30' },
    { amount: 3600, periodFrom: '2027-04-01', periodTo: '2027-04-30' },
  ];

  it('Q1: a credit note is one negative line naming the invoice, its tax rounded toward zero at the invoice rate', () => {
    const note = creditNoteOf(invoice, lines, 0, { amount: 1505, reason: ' 二重請求 double billing ' });
    expect(note.totals).toEqual({ subtotal: -1505, tax: -150, total: -1655 });
    expect(note.lines).toEqual([
      { description: '訂正 Correction of KY-2027-000007: 二重請求 double billing', quantity: 1, unitPrice: -1505, periodFrom: '2027-04-01', periodTo: '2027-04-30', amount: -1505, taxRatePercent: 10 },
    ]);
  });

  it('Q1: never more than what remains after earlier credit notes; never zero, a fraction or without a reason; never a credit note of a credit note', () => {
    expect(creditNoteOf(invoice, lines, 15000, { amount: 600, reason: 'x' }).totals.subtotal).toBe(-600);
    expect(() => creditNoteOf(invoice, lines, 15000, { amount: 601, reason: 'x' })).toThrow(/600 yen/);
    expect(() => creditNoteOf(invoice, lines, 0, { amount: 15601, reason: 'x' })).toThrow(/remains/);
    for (const amount of [0, -5, 1.5]) expect(() => creditNoteOf(invoice, lines, 0, { amount, reason: 'x' })).toThrow(/at least 1/);
    expect(() => creditNoteOf(invoice, lines, 0, { amount: 1, reason: '  ' })).toThrow(/reason/);
    expect(() => creditNoteOf({ ...invoice, kind: 'CREDIT_NOTE' }, lines, 0, { amount: 1, reason: 'x' })).toThrow(/not another credit note/);
    expect(() => creditNoteOf(invoice, lines, 0, { amount: 1, reason: 'x', taxRatePercent: 8 })).toThrow(/tax rates/);
  });
});
