import { ACCEPTED_DATES, isAcceptedDate, type LocalDate } from './calendar-dates.js';
import { maxPriceFor, refuseOutOfRange } from './bounds.js';
import type { PriceRowData } from './price-book.js';
import { licensingRefusals } from '../refusals/refusals.js';

export type NewPriceRow = Omit<PriceRowData, 'id'>;

/**
 * L1 (back office): a new price row is checked before it is added. It applies from today at the
 * earliest: a row dated in the past would re-price periods already billed, and a new row never
 * changes what was already invoiced (invoices keep their amounts; the billing run prices each
 * period with the rows in effect on its first day).
 */
export function checkNewPriceRow(row: NewPriceRow, today: LocalDate): NewPriceRow {
  if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(row.product)) throw licensingRefusals.thrown({ key: 'priceRowProduct' });
  if (!/^[A-Z][A-Z0-9_]{1,29}$/.test(row.unit)) throw licensingRefusals.thrown({ key: 'priceRowUnit' });
  if (!Number.isSafeInteger(row.amount) || row.amount < 0) throw licensingRefusals.thrown({ key: 'priceRowAmount' });
  refuseOutOfRange(row.amount, 0, maxPriceFor(row.billingCycle), row.billingCycle === 'MONTHLY' ? 'priceRowMonthlyAmountOutOfRange' : 'priceRowAmountOutOfRange');
  for (const field of ['effectiveFrom', 'effectiveTo', 'legacyCutoff'] as const) {
    const value = row[field];
    if (value !== null && !isAcceptedDate(value)) throw licensingRefusals.thrown({ key: 'fieldDateOutOfRange', params: { field, ...ACCEPTED_DATES }, field });
  }
  if (row.effectiveFrom < today) {
    throw licensingRefusals.thrown({ key: 'priceRowInPast', params: { today, effectiveFrom: row.effectiveFrom } });
  }
  if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) throw licensingRefusals.thrown({ key: 'priceRowEndsBeforeStart', params: { effectiveTo: row.effectiveTo, effectiveFrom: row.effectiveFrom } });
  return row;
}

/**
 * L1: a row already in effect (from today or earlier) is never edited or deleted: invoices and
 * quotes were priced with it. The vendor adds a new row from a later date instead.
 */
export function refuseChangeInEffect(row: Pick<PriceRowData, 'id' | 'effectiveFrom'>, today: LocalDate): void {
  if (row.effectiveFrom <= today) {
    throw licensingRefusals.thrown({ key: 'priceRowInEffect', params: { id: row.id, effectiveFrom: row.effectiveFrom } });
  }
}
