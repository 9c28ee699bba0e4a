/** Consumption tax: 10 %, rounded down once per invoice (never per line). */
export const TAX_RATE_PERCENT = 10;

export interface InvoiceLineData {
  description: string;
  quantity: number;
  unitPrice: number;
  periodFrom: string | null;
  periodTo: string | null;
  amount: number;
}

export interface InvoiceTotals {
  subtotal: number;
  tax: number;
  total: number;
}

export function taxOn(subtotal: number): number {
  if (!Number.isSafeInteger(subtotal) || subtotal < 0) throw new Error(`a subtotal is a non-negative integer number of yen, got ${subtotal}`);
  return Math.floor((subtotal * TAX_RATE_PERCENT) / 100);
}

export function totalsOf(lines: readonly Pick<InvoiceLineData, 'amount'>[]): InvoiceTotals {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = taxOn(subtotal);
  return { subtotal, tax, total: subtotal + tax };
}
