import { isAcceptedDate, ACCEPTED_DATE_MESSAGE, type LocalDate } from './calendar-dates.js';
import { maxPriceFor, refuseOutOfRange } from './bounds.js';
import type { PriceRowData } from './price-book.js';
import { Refusal } from './refusal.js';

export type NewPriceRow = Omit<PriceRowData, 'id'>;

/**
 * L1 (back office): a new price row is checked before it is added. It applies from today at the
 * earliest: a row dated in the past would re-price periods already billed, and a new row never
 * changes what was already invoiced (invoices keep their amounts; the billing run prices each
 * period with the rows in effect on its first day).
 */
export function checkNewPriceRow(row: NewPriceRow, today: LocalDate): NewPriceRow {
  if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(row.product)) throw new Refusal('BAD_USER_INPUT', 'A product code is 2-40 upper-case letters, digits and underscores (e.g. MEMBER_SEAT).', 'product');
  if (!/^[A-Z][A-Z0-9_]{1,29}$/.test(row.unit)) throw new Refusal('BAD_USER_INPUT', 'A unit is 2-30 upper-case letters, digits and underscores (e.g. USER_MONTH).', 'unit');
  if (!Number.isSafeInteger(row.amount) || row.amount < 0) throw new Refusal('BAD_USER_INPUT', 'A price is a whole number of yen, 0 or more, tax excluded.', 'amount');
  refuseOutOfRange(row.amount, 0, maxPriceFor(row.billingCycle), 'amount', `A price in yen, tax excluded, on a ${row.billingCycle === 'MONTHLY' ? 'monthly' : 'non-monthly'} row`);
  for (const field of ['effectiveFrom', 'effectiveTo', 'legacyCutoff'] as const) {
    const value = row[field];
    if (value !== null && !isAcceptedDate(value)) throw new Refusal('BAD_USER_INPUT', `${field}: ${ACCEPTED_DATE_MESSAGE}`, field);
  }
  if (row.effectiveFrom < today) {
    throw new Refusal('BAD_USER_INPUT', `A new price row applies from today (${today}) or later, not from ${row.effectiveFrom}: what was already invoiced is never re-priced (L1).`, 'effectiveFrom');
  }
  if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) throw new Refusal('BAD_USER_INPUT', `effectiveTo (${row.effectiveTo}) is before effectiveFrom (${row.effectiveFrom}).`, 'effectiveTo');
  return row;
}

/**
 * L1: a row already in effect (from today or earlier) is never edited or deleted: invoices and
 * quotes were priced with it. The vendor adds a new row from a later date instead.
 */
export function refuseChangeInEffect(row: Pick<PriceRowData, 'id' | 'effectiveFrom'>, today: LocalDate): void {
  if (row.effectiveFrom <= today) {
    throw new Refusal('CONFLICT', `The price row ${row.id} is in effect since ${row.effectiveFrom}, so it cannot be edited or deleted; add a new row that applies from a later date instead (L1).`);
  }
}
