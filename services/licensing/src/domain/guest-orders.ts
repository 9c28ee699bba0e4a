import { addDays, addMonths, firstOfNextMonth, type LocalDate } from './calendar-dates.js';
import { MAX_GUEST_LICENSES } from './bounds.js';
import { totalsOf, type InvoiceLineData } from './invoices.js';
import { findPrice, GUEST_LICENSE, type CourseCode, type CycleCode, type PriceRowData } from './price-book.js';
import { grouped, yen } from './refusal.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { noticeStopsRenewal } from './renewals.js';
import { termEndsOn } from './service-contracts.js';
import { monthPeriod, wholeMonths } from './whole-months.js';

/** What the order rules need of the base contract (L2). */
export interface BaseContractTerms {
  course: CourseCode;
  billingCycle: CycleCode;
  startsOn: LocalDate;
  /** Last day of the current term (annual); null on monthly contracts that run until cancelled. */
  endsOn: LocalDate | null;
  /** Who sold the base contract: 'ONLINE_STORE' or the reseller's name (L5). */
  seller: string;
  basePurchasedOn: LocalDate;
  cancelledOn: LocalDate | null;
  /** Guest licences held after every order so far. */
  guestLicenses: number;
  /** L14: when a termination notice was received; null or absent: none. */
  terminationNoticeOn?: LocalDate | null;
}

export interface GuestOrderRequest {
  /** The change: positive buys more guest licences, negative removes some. */
  quantity: number;
  orderDate: LocalDate;
  /** Who sells the guest licences; defaults to the base contract's seller (L5). */
  seller?: string | null;
  /** L7: an annual decrease ordered for the renewal: it takes effect at the next term and costs nothing now. */
  forRenewal?: boolean | null;
}

export interface GuestQuote {
  quantity: number;
  /** Whole months charged (annual, L6); null on monthly contracts. */
  months: number | null;
  /** The monthly price per guest that applies (L1). */
  unitPrice: number;
  subtotal: number;
  tax: number;
  total: number;
  /** From when the change is billed (monthly: 1st of next month, L7; annual: the order date). */
  effectiveFrom: LocalDate;
  /** From when the licence count changes: increases at once, monthly decreases from effectiveFrom. */
  licensesFrom: LocalDate;
  /** When the guest licences end: the base contract's end date (annual, L6); null on monthly. */
  endsOn: LocalDate | null;
  lines: InvoiceLineData[];
}

export const MAX_GUEST_CHANGE = 10_000;

/**
 * L1, L2, L5-L7: the price of changing the number of guest licences, or throws its refusal (licensingRefusals.thrown).
 * - monthly: an increase or a decrease takes effect from the 1st of the month after the order
 *   (L7); an increase can be assigned at once and is billed by the next 1st-of-month invoice
 *   (L16: no invoice of its own, total 0); a decrease charges nothing and the count drops from that 1st.
 *   Base contract and guests come from the same seller (L5).
 * - annual: an increase costs monthly price x guests x whole months to the base contract's end
 *   (L6), refused with less than one whole month left; a decrease is refused mid-term (L7).
 */
export function quoteGuestOrder(contract: BaseContractTerms, request: GuestOrderRequest, prices: readonly PriceRowData[]): GuestQuote {
  const { quantity, orderDate } = request;
  if (!Number.isInteger(quantity) || quantity === 0) throw licensingRefusals.thrown({ key: 'guestQuantityZero' });
  if (Math.abs(quantity) > MAX_GUEST_CHANGE) throw licensingRefusals.thrown({ key: 'guestChangeTooLarge', params: { max: grouped(MAX_GUEST_CHANGE) } });
  if (contract.cancelledOn !== null && contract.cancelledOn <= orderDate) throw licensingRefusals.thrown({ key: 'guestsContractCancelled' });
  if (orderDate < contract.startsOn) throw licensingRefusals.thrown({ key: 'orderBeforeContractStart', params: { orderDate, startsOn: contract.startsOn } });
  if (contract.guestLicenses + quantity < 0) {
    throw licensingRefusals.thrown({ key: 'guestRemoveMoreThanHeld', params: { held: grouped(contract.guestLicenses), removed: grouped(-quantity) } });
  }
  if (contract.guestLicenses + quantity > MAX_GUEST_LICENSES) {
    throw licensingRefusals.thrown({ key: 'guestLicensesAboveLimit', params: { max: grouped(MAX_GUEST_LICENSES), held: grouped(contract.guestLicenses), after: grouped(contract.guestLicenses + quantity) } });
  }
  const seller = request.seller?.trim() || contract.seller;
  const price = findPrice(prices, { product: GUEST_LICENSE, course: contract.course, billingCycle: 'MONTHLY', on: orderDate, basePurchasedOn: contract.basePurchasedOn });
  if (!price) throw licensingRefusals.thrown({ key: 'guestNoPrice', params: { course: contract.course, orderDate } });
  const unitPrice = price.amount;

  if (contract.billingCycle === 'MONTHLY') {
    if (request.forRenewal) {
      throw licensingRefusals.thrown({ key: 'guestRenewalOnMonthly' });
    }
    if (seller !== contract.seller) {
      throw licensingRefusals.thrown({ key: 'guestSellerMismatch', params: { contractSeller: contract.seller, seller } });
    }
    // L16/L7: nothing is invoiced with the order: the next 1st-of-month invoice bills the licences in force that day
    const effectiveFrom = firstOfNextMonth(orderDate);
    return { quantity, months: null, unitPrice, subtotal: 0, tax: 0, total: 0, effectiveFrom, licensesFrom: quantity > 0 ? orderDate : effectiveFrom, endsOn: null, lines: [] };
  }

  // ANNUAL
  const endsOn = contract.endsOn ?? addDays(addMonths(contract.startsOn, 12), -1);
  if (request.forRenewal) return quoteRenewalDecrease(contract, quantity, orderDate, endsOn, unitPrice);
  if (quantity < 0) {
    throw licensingRefusals.thrown({ key: 'guestDecreaseMidTerm' });
  }
  const months = wholeMonths(orderDate, endsOn);
  if (months < 1) {
    throw licensingRefusals.thrown({ key: 'guestLessThanMonthLeft', params: { endsOn } });
  }
  const lines: InvoiceLineData[] = Array.from({ length: months }, (_, i) => {
    const period = monthPeriod(orderDate, i);
    return { description: `Guest licences (${contract.course}, annual), month ${i + 1} of ${months}`, quantity, unitPrice, periodFrom: period.from, periodTo: period.to, amount: unitPrice * quantity };
  });
  return { quantity, months, unitPrice, ...totalsOf(lines), effectiveFrom: orderDate, licensesFrom: orderDate, endsOn, lines };
}

/**
 * L7/L14: an annual decrease ordered for the renewal: quoted at zero now, the count drops on the
 * first day of the next term. Only decreases (an increase is bought now, L6), only on annual
 * billing (monthly decreases already wait for the next month), and not when a termination
 * notice ends the contract at this term's end (there is no renewal to reduce).
 */
function quoteRenewalDecrease(contract: BaseContractTerms, quantity: number, orderDate: LocalDate, endsOn: LocalDate, unitPrice: number): GuestQuote {
  if (quantity > 0) throw licensingRefusals.thrown({ key: 'guestRenewalIncrease' });
  if (orderDate > endsOn) throw licensingRefusals.thrown({ key: 'orderAfterTermEnd', params: { orderDate, endsOn } });
  if (noticeStopsRenewal(contract.terminationNoticeOn ?? null, endsOn)) {
    throw licensingRefusals.thrown({ key: 'guestRenewalAfterNotice', params: { receivedOn: contract.terminationNoticeOn!, endsOn } });
  }
  const nextTermStart = addDays(endsOn, 1);
  return { quantity, months: 0, unitPrice, subtotal: 0, tax: 0, total: 0, effectiveFrom: nextTermStart, licensesFrom: nextTermStart, endsOn: termEndsOn(nextTermStart), lines: [] };
}

export function describeQuote(quote: GuestQuote): string {
  return quote.months === null ? `${yen(quote.total)} a month from ${quote.effectiveFrom}` : `${yen(quote.total)} for ${quote.months} month(s) to ${quote.endsOn}`;
}

/** The number of guest licences in force on a date, from the orders (each applies from its licensesFrom). */
export function guestLicensesOn(orders: readonly { quantity: number; licensesFrom: LocalDate }[], on: LocalDate): number {
  return orders.reduce((sum, order) => (order.licensesFrom <= on ? sum + order.quantity : sum), 0);
}

/**
 * L3/L6/L7/L8: the guest licences a tenant may use on `today`: the orders in force that day (an
 * order dated later, or a decrease not yet due, does not count yet), 0 once the base contract is
 * cancelled. `Contract.guestLicenses` shows it and `assignGuestLicense` is bounded by it.
 */
export function guestLicensesInForce(contract: { cancelledOn: LocalDate | null }, orders: readonly { quantity: number; licensesFrom: LocalDate }[], today: LocalDate): number {
  if (contract.cancelledOn !== null && contract.cancelledOn <= today) return 0;
  return Math.max(0, guestLicensesOn(orders, today));
}
