import type { LocalDate } from './calendar-dates.js';

export type CourseCode = 'LIGHT' | 'STANDARD';
export type CycleCode = 'MONTHLY' | 'ANNUAL';

/** L1: a price is a row with effective dates and eligibility, never a constant in code. */
export interface PriceRowData {
  id: string;
  product: string;
  course: CourseCode | null;
  billingCycle: CycleCode | null;
  /** What one `amount` buys, e.g. GUEST_MONTH (one guest for one month). */
  unit: string;
  /** Yen, tax excluded. */
  amount: number;
  effectiveFrom: LocalDate;
  /** Last day the row applies; null: until further notice. */
  effectiveTo: LocalDate | null;
  /** Only for customers who bought the base product on or before this date (legacy price); null: everyone. */
  legacyCutoff: LocalDate | null;
}

export const GUEST_LICENSE = 'GUEST_LICENSE';

export function isEffectiveOn(row: Pick<PriceRowData, 'effectiveFrom' | 'effectiveTo'>, on: LocalDate): boolean {
  return row.effectiveFrom <= on && (row.effectiveTo === null || on <= row.effectiveTo);
}

/**
 * L1: the price book as of a date (what `priceBook(asOf)` lists): for each product, course, cycle
 * and price class (general, or legacy by cutoff) the one row in effect that day: among the rows
 * effective then, the one from the latest date supersedes the earlier ones. In a stable order.
 */
export function priceBookOn<T extends PriceRowData>(rows: readonly T[], on: LocalDate): T[] {
  const inEffect = new Map<string, T>();
  for (const row of rows) {
    if (!isEffectiveOn(row, on)) continue;
    const key = [row.product, row.course ?? '', row.billingCycle ?? '', row.legacyCutoff ?? ''].join('|');
    const held = inEffect.get(key);
    if (!held || row.effectiveFrom > held.effectiveFrom || (row.effectiveFrom === held.effectiveFrom && row.id > held.id)) inEffect.set(key, row);
  }
  return [...inEffect.values()].sort(
    (a, b) => a.product.localeCompare(b.product) || (a.course ?? '').localeCompare(b.course ?? '') || (a.billingCycle ?? '').localeCompare(b.billingCycle ?? '') || (a.legacyCutoff ?? '').localeCompare(b.legacyCutoff ?? '') || a.id.localeCompare(b.id),
  );
}

export interface PriceQuery {
  product: string;
  course: CourseCode | null;
  billingCycle: CycleCode | null;
  on: LocalDate;
  /** When the customer bought the base product (decides the legacy row). */
  basePurchasedOn: LocalDate;
}

/**
 * L1: the row for a product/course/cycle on a date. A legacy row whose cutoff the customer's
 * base purchase is on or before wins over the general row; among several, the latest cutoff
 * (the narrowest eligibility) and then the latest effectiveFrom win. Null when none applies.
 */
export function findPrice<T extends PriceRowData>(rows: readonly T[], query: PriceQuery): T | null {
  const candidates = rows.filter(
    (row) =>
      row.product === query.product &&
      row.course === query.course &&
      row.billingCycle === query.billingCycle &&
      isEffectiveOn(row, query.on) &&
      (row.legacyCutoff === null || query.basePurchasedOn <= row.legacyCutoff),
  );
  candidates.sort((a, b) => {
    if ((a.legacyCutoff === null) !== (b.legacyCutoff === null)) return a.legacyCutoff === null ? 1 : -1;
    if (a.legacyCutoff && b.legacyCutoff && a.legacyCutoff !== b.legacyCutoff) return a.legacyCutoff < b.legacyCutoff ? -1 : 1;
    return a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
  return candidates[0] ?? null;
}
