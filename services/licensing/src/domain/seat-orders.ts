import { addDays, addMonths, firstOfNextMonth, type LocalDate } from './calendar-dates.js';
import { MAX_MEMBER_SEATS } from './bounds.js';
import { totalsOf, type InvoiceLineData } from './invoices.js';
import { findPrice, type CourseCode, type CycleCode, type PriceRowData } from './price-book.js';
import { grouped } from './refusal.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { noticeStopsRenewal } from './renewals.js';
import { termEndsOn } from './service-contracts.js';
import { monthPeriod, wholeMonths } from './whole-months.js';

/** T5: member seats are priced per user as dated rows, like guests' (L1). */
export const MEMBER_SEAT = 'MEMBER_SEAT';

/** T5: a base contract has at least 5 member seats. */
export const MIN_MEMBER_SEATS = 5;

export const MAX_SEAT_CHANGE = 10_000;

/** What the seat rules need of the base contract. */
export interface SeatContractTerms {
  course: CourseCode;
  billingCycle: CycleCode;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  basePurchasedOn: LocalDate;
  cancelledOn: LocalDate | null;
  terminationNoticeOn?: LocalDate | null;
  /** Seats held after every order so far (a monthly decrease not yet due included). */
  memberSeatsHeld: number;
}

export interface SeatOrderRequest {
  /** Positive adds seats, negative removes them. */
  quantity: number;
  orderDate: LocalDate;
  /** T6/L7: an annual decrease is ordered for the renewal. */
  forRenewal?: boolean | null;
  /** T5: the tenant's active members now (spaces counts them); a decrease never goes below them. */
  activeMembers: number;
}

export interface SeatQuote {
  quantity: number;
  seatsAfter: number;
  /** Whole months charged (annual, L6 arithmetic); null on monthly; 0 for the renewal. */
  months: number | null;
  /** The monthly price per seat (T5 row). */
  unitPrice: number;
  subtotal: number;
  tax: number;
  total: number;
  /** From when the change is billed. */
  effectiveFrom: LocalDate;
  /** From when the seats in force change: an increase at once, a decrease on the 1st of next month (monthly) or the renewal (annual). */
  seatsFrom: LocalDate;
  endsOn: LocalDate | null;
  lines: InvoiceLineData[];
}

/**
 * T5/T6 (with the L6/L7 arithmetic of guest licences): the price of changing the member seats,
 * or a Refusal.
 * - At least MIN_MEMBER_SEATS after the change, and never fewer than the active members (T5).
 * - Monthly: an increase is usable at once and billed from the month after the order by that
 *   month's 1st-of-month invoice (L16: no invoice of its own); a decrease takes effect on the 1st
 *   of next month. Nothing is charged with the order (total 0).
 * - Annual: an increase costs monthly price x seats x whole months to the term's end (L6); a
 *   decrease is refused mid-term and ordered for the renewal (forRenewal), costing nothing now.
 */
export function quoteSeatOrder(contract: SeatContractTerms, request: SeatOrderRequest, prices: readonly PriceRowData[]): SeatQuote {
  const { quantity, orderDate } = request;
  if (!Number.isInteger(quantity) || quantity === 0) throw licensingRefusals.thrown({ key: 'seatQuantityZero' });
  if (Math.abs(quantity) > MAX_SEAT_CHANGE) throw licensingRefusals.thrown({ key: 'seatChangeTooLarge', params: { max: grouped(MAX_SEAT_CHANGE) } });
  if (contract.cancelledOn !== null && contract.cancelledOn <= orderDate) throw licensingRefusals.thrown({ key: 'seatsContractCancelled' });
  if (orderDate < contract.startsOn) throw licensingRefusals.thrown({ key: 'orderBeforeContractStart', params: { orderDate, startsOn: contract.startsOn } });
  const seatsAfter = contract.memberSeatsHeld + quantity;
  if (seatsAfter < MIN_MEMBER_SEATS) {
    throw licensingRefusals.thrown({ key: 'seatsBelowMinimum', params: { min: MIN_MEMBER_SEATS, held: grouped(contract.memberSeatsHeld), after: grouped(seatsAfter) } });
  }
  if (seatsAfter > MAX_MEMBER_SEATS) {
    throw licensingRefusals.thrown({ key: 'seatsAboveLimit', params: { max: grouped(MAX_MEMBER_SEATS), held: grouped(contract.memberSeatsHeld), after: grouped(seatsAfter) } });
  }
  if (quantity < 0 && seatsAfter < request.activeMembers) {
    throw licensingRefusals.thrown({ key: 'seatsBelowActiveMembers', params: { members: grouped(request.activeMembers), after: grouped(seatsAfter) } });
  }
  const price = findPrice(prices, { product: MEMBER_SEAT, course: contract.course, billingCycle: 'MONTHLY', on: orderDate, basePurchasedOn: contract.basePurchasedOn });
  if (!price) throw licensingRefusals.thrown({ key: 'seatNoPrice', params: { course: contract.course, orderDate } });
  const unitPrice = price.amount;

  if (contract.billingCycle === 'MONTHLY') {
    if (request.forRenewal) throw licensingRefusals.thrown({ key: 'seatRenewalOnMonthly' });
    // L16/T6: nothing is invoiced with the order: the next 1st-of-month invoice bills the seats in force that day
    const effectiveFrom = firstOfNextMonth(orderDate);
    return { quantity, seatsAfter, months: null, unitPrice, subtotal: 0, tax: 0, total: 0, effectiveFrom, seatsFrom: quantity > 0 ? orderDate : effectiveFrom, endsOn: null, lines: [] };
  }

  const endsOn = contract.endsOn ?? addDays(addMonths(contract.startsOn, 12), -1);
  if (request.forRenewal) {
    if (quantity > 0) throw licensingRefusals.thrown({ key: 'seatRenewalIncrease' });
    if (orderDate > endsOn) throw licensingRefusals.thrown({ key: 'orderAfterTermEnd', params: { orderDate, endsOn } });
    if (noticeStopsRenewal(contract.terminationNoticeOn ?? null, endsOn)) {
      throw licensingRefusals.thrown({ key: 'seatRenewalAfterNotice', params: { receivedOn: contract.terminationNoticeOn!, endsOn } });
    }
    const next = addDays(endsOn, 1);
    return { quantity, seatsAfter, months: 0, unitPrice, subtotal: 0, tax: 0, total: 0, effectiveFrom: next, seatsFrom: next, endsOn: termEndsOn(next), lines: [] };
  }
  if (quantity < 0) {
    throw licensingRefusals.thrown({ key: 'seatDecreaseMidTerm' });
  }
  const months = wholeMonths(orderDate, endsOn);
  if (months < 1) throw licensingRefusals.thrown({ key: 'seatLessThanMonthLeft', params: { endsOn } });
  const lines = wholeMonthLines(orderDate, months, quantity, unitPrice, (i) => `Member seats (${contract.course}, annual), month ${i + 1} of ${months}`);
  return { quantity, seatsAfter, months, unitPrice, ...totalsOf(lines), effectiveFrom: orderDate, seatsFrom: orderDate, endsOn, lines };
}

/** L6/T6: one invoice line per whole month from the order date (the annual mid-term arithmetic: months x unit price x quantity). */
export function wholeMonthLines(orderDate: LocalDate, months: number, quantity: number, unitPrice: number, describe: (index: number) => string): InvoiceLineData[] {
  return Array.from({ length: months }, (_, i) => {
    const period = monthPeriod(orderDate, i);
    return { description: describe(i), quantity, unitPrice, periodFrom: period.from, periodTo: period.to, amount: unitPrice * quantity };
  });
}

/** A seat order as the seat counts see it. */
export interface SeatChange {
  quantity: number;
  seatsFrom: LocalDate;
  effectiveFrom: LocalDate;
}

/**
 * T5/T6: the seats in force on a day: those held after every order, less the changes not yet in
 * force (a monthly decrease before the 1st, a renewal decrease before the next term, an order
 * placed later). 0 once the contract is cancelled.
 */
export function memberSeatsOn(contract: { memberSeatsHeld: number; cancelledOn: LocalDate | null }, orders: readonly SeatChange[], on: LocalDate): number {
  if (contract.cancelledOn !== null && contract.cancelledOn <= on) return 0;
  return Math.max(0, contract.memberSeatsHeld - orders.reduce((sum, order) => (order.seatsFrom > on ? sum + order.quantity : sum), 0));
}

/** T5: the seats members must fit within, and the first day that many applies. */
export interface MemberSeatLimit {
  seats: number;
  from: LocalDate;
}

/**
 * T5: active members never exceed the seats in force today or on any later day a seat decrease
 * already ordered takes effect. The limit is the fewest of those counts, with the first day it
 * applies (today when today's count is the fewest): an addition beyond it is refused naming that
 * day. A cancellation is not a seat decrease: only today's count drops to 0 once it is in force.
 */
export function memberSeatLimit(contract: { memberSeatsHeld: number; cancelledOn: LocalDate | null }, orders: readonly SeatChange[], today: LocalDate): MemberSeatLimit {
  let limit: MemberSeatLimit = { seats: memberSeatsOn(contract, orders, today), from: today };
  const later = [...new Set(orders.filter((order) => order.seatsFrom > today).map((order) => order.seatsFrom))].sort();
  for (const day of later) {
    const seats = memberSeatsOn({ memberSeatsHeld: contract.memberSeatsHeld, cancelledOn: null }, orders, day);
    if (seats < limit.seats) limit = { seats, from: day };
  }
  return limit;
}
