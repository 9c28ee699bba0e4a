import { grouped } from './refusal.js';
import { licensingRefusals } from '../refusals/refusals.js';

/** Consumption tax: 10 % (the standard rate), rounded down once per rate per invoice (never per line; Q1). */
export const TAX_RATE_PERCENT = 10;

export interface InvoiceLineData {
  description: string;
  quantity: number;
  unitPrice: number;
  periodFrom: string | null;
  periodTo: string | null;
  amount: number;
  /** Q1: the consumption tax rate of the line in percent; the standard rate when absent. */
  taxRatePercent?: number;
}

export interface InvoiceTotals {
  subtotal: number;
  tax: number;
  total: number;
}

/** Q1: one tax rate of an invoice: the lines' amounts at that rate, and the tax on them, rounded down once. */
export interface TaxByRate {
  rate: number;
  taxableAmount: number;
  tax: number;
}

/** Rounds toward zero, so a credit note's tax is the invoice's tax on the same amount with the sign turned. */
function taxAt(amount: number, rate: number): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`an amount is an integer number of yen, got ${amount}`);
  const tax = Math.floor((Math.abs(amount) * rate) / 100);
  return amount < 0 ? -tax : tax;
}

export function taxOn(subtotal: number): number {
  if (!Number.isSafeInteger(subtotal) || subtotal < 0) throw new Error(`a subtotal is a non-negative integer number of yen, got ${subtotal}`);
  return taxAt(subtotal, TAX_RATE_PERCENT);
}

/** Q1: the taxable amount and tax per rate (highest rate first): tax rounded down once per rate, never per line. */
export function taxByRateOf(lines: readonly Pick<InvoiceLineData, 'amount' | 'taxRatePercent'>[]): TaxByRate[] {
  const byRate = new Map<number, number>();
  for (const line of lines) {
    const rate = line.taxRatePercent ?? TAX_RATE_PERCENT;
    byRate.set(rate, (byRate.get(rate) ?? 0) + line.amount);
  }
  return [...byRate.entries()].sort(([a], [b]) => b - a).map(([rate, taxableAmount]) => ({ rate, taxableAmount, tax: taxAt(taxableAmount, rate) }));
}

export function totalsOf(lines: readonly Pick<InvoiceLineData, 'amount' | 'taxRatePercent'>[]): InvoiceTotals {
  const rates = taxByRateOf(lines);
  const subtotal = rates.reduce((sum, r) => sum + r.taxableAmount, 0);
  const tax = rates.reduce((sum, r) => sum + r.tax, 0);
  return { subtotal, tax, total: subtotal + tax };
}

/** Q1: an invoice's unique number, human-readable: KY-<year of issue>-<sequence, at least 6 digits>. */
export function invoiceNumberOf(issuedOn: string, sequence: number, prefix = 'KY'): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`an invoice sequence is a positive integer, got ${sequence}`);
  return `${prefix}-${issuedOn.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
}

export const CREDIT_REASON_MAX = 500;

/**
 * Q1: a credit note reduces an issued invoice by `amount` yen before tax at one of its rates
 * (its single rate unless named), never below zero: what earlier credit notes took off counts.
 * Its one line and totals are negative; the tax is that rate's, rounded toward zero once.
 */
export function creditNoteOf(
  invoice: { number: string | null; subtotal: number; kind: string },
  invoiceLines: readonly Pick<InvoiceLineData, 'amount' | 'taxRatePercent' | 'periodFrom' | 'periodTo'>[],
  creditedBefore: number,
  request: { amount: number; reason: string; taxRatePercent?: number | null },
): { lines: InvoiceLineData[]; totals: InvoiceTotals } {
  if (invoice.kind !== 'INVOICE') throw licensingRefusals.thrown({ key: 'creditNoteOfCreditNote' });
  const reason = request.reason.trim();
  if (!reason || reason.length > CREDIT_REASON_MAX) throw licensingRefusals.thrown({ key: 'creditNoteReason', params: { max: CREDIT_REASON_MAX } });
  const rates = taxByRateOf(invoiceLines);
  const rate = request.taxRatePercent ?? (rates.length === 1 ? rates[0]!.rate : null);
  const atRate = rates.find((r) => r.rate === rate);
  if (rate === null || !atRate) {
    throw licensingRefusals.thrown({ key: 'creditNoteTaxRate', params: { rates: rates.map((r) => `${r.rate}%`).join(', ') } });
  }
  const remaining = invoice.subtotal - creditedBefore;
  if (!Number.isSafeInteger(request.amount) || request.amount < 1) throw licensingRefusals.thrown({ key: 'creditNoteAmount' });
  if (request.amount > remaining || request.amount > atRate.taxableAmount) {
    throw licensingRefusals.thrown({ key: 'creditNoteTooMuch', params: { number: invoice.number ?? '', remaining: grouped(Math.min(remaining, atRate.taxableAmount)) } });
  }
  const periods = invoiceLines.filter((l) => (l.taxRatePercent ?? TAX_RATE_PERCENT) === rate);
  const periodFrom = periods.map((l) => l.periodFrom).filter((d): d is string => !!d).sort()[0] ?? null;
  const periodTo = periods.map((l) => l.periodTo).filter((d): d is string => !!d).sort().at(-1) ?? null;
  const lines: InvoiceLineData[] = [{ description: `訂正 Correction of ${invoice.number ?? 'invoice'}: ${reason}`.slice(0, 300), quantity: 1, unitPrice: -request.amount, periodFrom, periodTo, amount: -request.amount, taxRatePercent: rate }];
  return { lines, totals: totalsOf(lines) };
}
