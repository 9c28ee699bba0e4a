import type { CycleCode } from './price-book.js';
import { grouped } from './refusal.js';
import { licensingRefusals } from '../refusals/refusals.js';

/**
 * Issue 18 #5: every quantity and money input has a documented maximum, chosen so that the largest
 * invoice any history can produce fits the invoice columns (`int`, at most 2,147,483,647) with
 * room to spare (WORST_INVOICE_TOTAL is about 1,000,000,000 yen, under half of it). The schema's
 * field descriptions and the README's "Billing" section state them; going past one is
 * BAD_USER_INPUT naming the limit.
 */
/** T5: member seats a base contract holds (at onboarding and after every seat order). */
export const MAX_MEMBER_SEATS = 10_000;
/** L1/L7: guest licences a base contract holds after every order. */
export const MAX_GUEST_LICENSES = 5_000;
/** L12: named-user licences of a card service contract. */
export const MAX_SERVICE_SEATS = 10_000;
/** L15: card sides a card service contract includes. */
export const MAX_INCLUDED_SIDES = 100_000_000;
/** L1: a price row's amount (yen, tax excluded) on a monthly row (per user or guest and month). */
export const MAX_MONTHLY_PRICE = 5_000;
/** L1: a price row's amount on any other row (annual per user and year, a pack, ...). */
export const MAX_PRICE = 60_000;

/** The largest price a row of this billing cycle may carry. */
export const maxPriceFor = (billingCycle: CycleCode | null) => (billingCycle === 'MONTHLY' ? MAX_MONTHLY_PRICE : MAX_PRICE);

/**
 * The largest invoice the bounds allow, with 10 % tax: an annual term start for every seat and
 * guest at the largest annual price (the largest of every kind of invoice: a monthly one is at
 * most (seats + guests) x 5,000, a mid-term annual order 12 months x 5,000 x seats, a card
 * service term 10,000 x 60,000, packs 100 x 60,000).
 */
export const WORST_INVOICE_TOTAL = Math.floor((MAX_MEMBER_SEATS + MAX_GUEST_LICENSES) * MAX_PRICE * 1.1);

/** The refusals naming a range: each says what is counted and the limit (I1: the text is the catalogue's). */
export type OutOfRangeRefusal = 'baseContractSeatsOutOfRange' | 'priceRowMonthlyAmountOutOfRange' | 'priceRowAmountOutOfRange' | 'serviceSeatsOutOfRange' | 'includedSidesOutOfRange';

/** Throws the BAD_USER_INPUT naming the limit when `value` is not a whole number within [min, max]. */
export function refuseOutOfRange(value: number, min: number, max: number, refusal: OutOfRangeRefusal): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw licensingRefusals.thrown({ key: refusal, params: { min: grouped(min), max: grouped(max), value: Number.isFinite(value) ? grouped(value) : String(value) } });
  }
}
