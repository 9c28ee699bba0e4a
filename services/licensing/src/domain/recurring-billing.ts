import type { CourseChange } from './course-orders.js';
import { addDays, addMonths, isLocalDate, lastOfMonth, type LocalDate } from './calendar-dates.js';
import { totalsOf, type InvoiceLineData, type InvoiceTotals } from './invoices.js';
import { findPrice, GUEST_LICENSE, type CourseCode, type CycleCode, type PriceRowData } from './price-book.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { MEMBER_SEAT, type SeatChange } from './seat-orders.js';
import { termOn, type ServiceProductCode } from './service-contracts.js';

export { MEMBER_SEAT } from './seat-orders.js';

/** What recurring billing needs of a base contract. */
export interface BilledContract {
  course: CourseCode;
  billingCycle: CycleCode;
  /** Monthly: the first day it runs. Annual: the order day; the first term starts from it (L16). */
  startsOn: LocalDate;
  cancelledOn: LocalDate | null;
  basePurchasedOn: LocalDate;
  /** T5: member seats held after every seat order (the orders say from when each change counts). */
  memberSeats: number;
}

/** A guest licence order as billing sees it: it is billed from its effectiveFrom (L7: monthly, the 1st after the order day; annual, the order day or the renewal). */
export interface BilledGuestOrder {
  quantity: number;
  effectiveFrom: LocalDate;
}

/**
 * L16 with L6/L7/T6: whether an order (seats, guests, or a course change: an upgrade as an
 * addition, a downgrade as a decrease) is on the recurring invoice dated `invoiceDay`.
 * Billing follows when an order is *billed* (its effectiveFrom), never when it became usable
 * (seatsFrom/licensesFrom/courseFrom, which only T5, assignments and the course in force read), so the invoice for a
 * period depends on the history alone, not on whether its run came before or after an order
 * placed that day.
 * - Monthly, up or down: effectiveFrom is the 1st of the month after the order day, so an order
 *   placed on the 1st is billed from the next month's 1st ("the bill changes from the month after
 *   the order"); it is on the invoice when effectiveFrom <= the 1st.
 * - Annual: an addition (effectiveFrom = its order day) is invoiced with the order for the whole
 *   months left of its term (L6), so a term-start invoice bills only additions ordered before the
 *   term's first day; one ordered on that day belongs to the term it starts and its own invoice
 *   covers it, never this one. A decrease is ordered for the renewal (effectiveFrom = the next
 *   term's first day) and is on that term's invoice.
 */
export function billedOnInvoice(order: { quantity: number; effectiveFrom: LocalDate }, billingCycle: CycleCode, invoiceDay: LocalDate): boolean {
  if (billingCycle === 'ANNUAL' && order.quantity > 0) return order.effectiveFrom < invoiceDay;
  return order.effectiveFrom <= invoiceDay;
}

/** A course order as billing sees it: billed from its effectiveFrom (T6: monthly, the 1st after the order day; annual, the order day or the renewal). */
export interface BilledCourseChange extends CourseChange {
  course: CourseCode;
  effectiveFrom: LocalDate;
}

const COURSE_RANK: Readonly<Record<CourseCode, number>> = { LIGHT: 0, STANDARD: 1 };

/**
 * T6/L16: the course a recurring invoice dated `invoiceDay` bills at: the course held after every
 * order, unless an order is not billed yet that day (billedOnInvoice: an upgrade counts as an
 * addition, a downgrade as a decrease); then the course before the earliest such order. A monthly
 * upgrade is usable at once (courseOn, courseFrom) but billed from the 1st of the month after its
 * order day, so one ordered on a 1st is not on that day's invoice; an annual upgrade ordered on a
 * term's first day is charged by its own invoice (L6) and that term's invoice stays at the course before.
 */
export function courseBilledOn(courseHeld: CourseCode, orders: readonly BilledCourseChange[], billingCycle: CycleCode, invoiceDay: LocalDate): CourseCode {
  const pending = orders
    .filter((order) => !billedOnInvoice({ quantity: COURSE_RANK[order.course] - COURSE_RANK[order.courseBefore], effectiveFrom: order.effectiveFrom }, billingCycle, invoiceDay))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.courseFrom.localeCompare(b.courseFrom));
  return pending[0]?.courseBefore ?? courseHeld;
}

/** L16/T6: the member seats a recurring invoice dated `invoiceDay` bills: those held after every order, less the orders it does not bill yet. */
function seatsBilledOn(held: number, orders: readonly SeatChange[], billingCycle: CycleCode, invoiceDay: LocalDate): number {
  return Math.max(0, held - orders.reduce((sum, order) => (billedOnInvoice(order, billingCycle, invoiceDay) ? sum : sum + order.quantity), 0));
}

/** L16/L7: the guest licences a recurring invoice dated `invoiceDay` bills. */
function guestsBilledOn(orders: readonly BilledGuestOrder[], billingCycle: CycleCode, invoiceDay: LocalDate): number {
  return Math.max(0, orders.reduce((sum, order) => (billedOnInvoice(order, billingCycle, invoiceDay) ? sum + order.quantity : sum), 0));
}

export interface PeriodInvoice extends InvoiceTotals {
  issuedOn: LocalDate;
  lines: InvoiceLineData[];
}

/** A billing period is a calendar month written YYYY-MM; returns its first day, or null when malformed. */
export function periodStart(period: string): LocalDate | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return null;
  const first = `${period}-01`;
  return isLocalDate(first) ? first : null;
}

/** L16: an annual term starts on the 1st of the month after the order, or on the order day when that is the 1st. */
export function firstAnnualTermStart(orderedOn: LocalDate): LocalDate {
  return orderedOn.endsWith('-01') ? orderedOn : addMonths(`${orderedOn.slice(0, 7)}-01`, 1);
}

/** The annual term that starts in the month beginning on `first`, or null (terms run 12 months from the first one). */
function termStartingIn(orderedOn: LocalDate, first: LocalDate): LocalDate | null {
  const start = firstAnnualTermStart(orderedOn);
  const months = (Number(first.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(first.slice(5, 7)) - Number(start.slice(5, 7)));
  return months >= 0 && months % 12 === 0 ? first : null;
}

function priceOf(prices: readonly PriceRowData[], product: string, contract: BilledContract, billingCycle: CycleCode, on: LocalDate): number {
  const row = findPrice(prices, { product, course: contract.course, billingCycle, on, basePurchasedOn: contract.basePurchasedOn });
  if (!row) throw licensingRefusals.thrown({ key: billingCycle === 'MONTHLY' ? 'billingNoMonthlyPrice' : 'billingNoAnnualPrice', params: { product, course: contract.course, on } });
  return row.amount;
}

/**
 * L16 (with L1, L6, L7, L14, T5, T6): the invoice a base contract must have for a period, or null.
 * A function of the contract's history (its seat, guest and course orders, its cancellation) and
 * the price rows: the same history and period always give the same invoice.
 * - Monthly: one invoice dated the 1st when the contract runs on the 1st (started on or before it,
 *   not cancelled by it), for everything billed on the 1st at that day's monthly rows: the member
 *   seats and the guest licences of the orders whose effectiveFrom has come (billedOnInvoice), at
 *   the course billed on the 1st (courseBilledOn). An increase or an upgrade is usable at once and first billed on the 1st of
 *   the month after its order day (T6/L7), so one ordered on a 1st is on the next month's invoice,
 *   not that day's; nothing is invoiced with the order.
 * - Annual: one invoice at each term start (firstAnnualTermStart, then yearly), members and guests
 *   together at the annual rows of that day and the course billed then (courseBilledOn): the seats held for the
 *   term (additions ordered before its first day, less the decreases ordered for it) and, on a
 *   renewed term (L14), the guest licences held for it likewise (billedOnInvoice). An addition
 *   ordered on the term's first day is invoiced by its own order (L6, whole months to the term's
 *   end) and is not on the term-start invoice, whether the run came before or after it. The first
 *   term's guests are bought mid-term (L6) and invoiced on their order date, so they are not on it.
 * Tax 10 % rounded down once per invoice (Q1: every line is at the one rate).
 */
export function periodInvoice(
  period: string,
  held: BilledContract,
  orders: readonly BilledGuestOrder[],
  prices: readonly PriceRowData[],
  seatOrders: readonly SeatChange[] = [],
  courseOrders: readonly BilledCourseChange[] = [],
): PeriodInvoice | null {
  const first = periodStart(period);
  if (!first) throw licensingRefusals.thrown({ key: 'billingPeriodForm', params: { period } });
  const lines: InvoiceLineData[] = [];
  let issuedOn: LocalDate;
  // T6: a month is billed at the course billed on its 1st, an annual term at the course billed on its first day
  const billedOn = held.billingCycle === 'MONTHLY' ? first : termStartingIn(held.startsOn, first);
  const contract = { ...held, course: billedOn ? courseBilledOn(held.course, courseOrders, held.billingCycle, billedOn) : held.course };
  if (contract.billingCycle === 'MONTHLY') {
    if (contract.startsOn > first || (contract.cancelledOn !== null && contract.cancelledOn <= first)) return null;
    issuedOn = first;
    const to = lastOfMonth(first);
    const seats = seatsBilledOn(contract.memberSeats, seatOrders, 'MONTHLY', first);
    if (seats > 0) {
      const unitPrice = priceOf(prices, MEMBER_SEAT, contract, 'MONTHLY', first);
      lines.push({ description: `Member seats (${contract.course}, monthly), ${period}`, quantity: seats, unitPrice, periodFrom: first, periodTo: to, amount: unitPrice * seats });
    }
    const guests = guestsBilledOn(orders, 'MONTHLY', first);
    if (guests > 0) {
      const unitPrice = priceOf(prices, GUEST_LICENSE, contract, 'MONTHLY', first);
      lines.push({ description: `Guest licences (${contract.course}, monthly), ${period}`, quantity: guests, unitPrice, periodFrom: first, periodTo: to, amount: unitPrice * guests });
    }
  } else {
    const start = termStartingIn(contract.startsOn, first);
    if (!start || (contract.cancelledOn !== null && contract.cancelledOn <= start)) return null;
    issuedOn = start;
    const to = addDays(addMonths(start, 12), -1);
    // T6: the seats held for the term (additions bought before its first day, decreases ordered for it)
    const seats = seatsBilledOn(contract.memberSeats, seatOrders, 'ANNUAL', start);
    if (seats > 0) {
      const unitPrice = priceOf(prices, MEMBER_SEAT, contract, 'ANNUAL', start);
      lines.push({ description: `Member seats (${contract.course}, annual), ${start} to ${to}`, quantity: seats, unitPrice, periodFrom: start, periodTo: to, amount: unitPrice * seats });
    }
    const guests = start > firstAnnualTermStart(contract.startsOn) ? guestsBilledOn(orders, 'ANNUAL', start) : 0;
    if (guests > 0) {
      const unitPrice = priceOf(prices, GUEST_LICENSE, contract, 'ANNUAL', start);
      lines.push({ description: `Guest licences (${contract.course}, annual), renewal ${start} to ${to}`, quantity: guests, unitPrice, periodFrom: start, periodTo: to, amount: unitPrice * guests });
    }
  }
  if (lines.length === 0) return null;
  return { issuedOn, lines, ...totalsOf(lines) };
}

/**
 * L8/L16/Q1: what a cancellation taking effect on `cancelledOn` takes back of a period invoice
 * (yen before tax; 0 when nothing). A period invoice bills a contract in force on the period's
 * first day (`periodInvoice`), so one dated on or after the day the contract stops being in force
 * bills a period the contract never entered: a cancellation on a 1st (or an annual term start)
 * after that day's run issued it. The invoice itself never changes (Q1); what remains of it after
 * earlier credit notes is credited in full, so the period nets to nothing, exactly as if the run
 * had come after the cancellation. An invoice dated before the cancellation stands: a month or a
 * term already begun is not refunded (L9's rule for annual bills, and the monthly bill is for the
 * whole month).
 */
export function cancellationCredit(invoice: { issuedOn: LocalDate; subtotal: number }, creditedBefore: number, cancelledOn: LocalDate): number {
  if (invoice.issuedOn < cancelledOn) return 0;
  return Math.max(0, invoice.subtotal - creditedBefore);
}

/** Q1: the reason printed on the credit note a cancellation issues, Japanese first (I1: customer-facing text). */
export const cancellationCreditReason = (cancelledOn: LocalDate) =>
  `契約の解約（${cancelledOn} から）により、この期間は請求の対象外です（L8）。 Cancelled from ${cancelledOn}: this period is not billed (L8).`;

/** The unique key of a tenant's invoice for a period (L16): a second run, or a second replica, cannot issue it again. */
export const billingKeyOf = (tenantId: string, period: string) => `${tenantId}/${period}`;

/** L11/L16: the price row product of each card service product's named-user licence (per user and year). */
export const CARD_SERVICE_LICENSE: Readonly<Record<ServiceProductCode, string>> = { START_PACK: 'CARD_START_PACK', CORPORATE_LICENSE: 'CARD_CORPORATE_LICENSE' };

/** What recurring billing needs of a card service contract (L11-L14). */
export interface BilledServiceContract {
  product: ServiceProductCode;
  seats: number;
  billingStartsOn: LocalDate;
  terminationNoticeOn: LocalDate | null;
}

/**
 * L13/L14/L16: a card service contract is billed a year at a time, at each term start: billing
 * start (L13), then every anniversary while it renews (L14). The invoice for the term starting in
 * the period (dated that day): named-user licences x the product's annual row on that day; null
 * when no term starts in the period, or the contract ended before it.
 */
export function serviceTermInvoice(period: string, service: BilledServiceContract, prices: readonly PriceRowData[]): PeriodInvoice | null {
  const first = periodStart(period);
  if (!first) throw licensingRefusals.thrown({ key: 'billingPeriodForm', params: { period } });
  const start = service.billingStartsOn;
  const months = (Number(first.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(first.slice(5, 7)) - Number(start.slice(5, 7)));
  if (months < 0 || months % 12 !== 0) return null;
  const term = termOn(start, service.terminationNoticeOn, addMonths(start, months));
  if (term.ended || term.startsOn.slice(0, 7) !== period) return null;
  const product = CARD_SERVICE_LICENSE[service.product];
  const row = findPrice(prices, { product, course: null, billingCycle: 'ANNUAL', on: term.startsOn, basePurchasedOn: term.startsOn });
  if (!row) throw licensingRefusals.thrown({ key: 'billingNoCardServicePrice', params: { product, on: term.startsOn } });
  const lines: InvoiceLineData[] = [
    { description: `Card service named-user licences (${service.product}), ${term.startsOn} to ${term.endsOn}`, quantity: service.seats, unitPrice: row.amount, periodFrom: term.startsOn, periodTo: term.endsOn, amount: row.amount * service.seats },
  ];
  return { issuedOn: term.startsOn, lines, ...totalsOf(lines) };
}

/** The unique key of a card service term's invoice (L16): issued once, by any run on any replica. */
export const serviceBillingKeyOf = (serviceContractId: string, termStartsOn: LocalDate) => `service:${serviceContractId}/${termStartsOn}`;
