import { addDays, addMonths, firstOfNextMonth, type LocalDate } from './calendar-dates.js';
import { totalsOf, type InvoiceLineData } from './invoices.js';
import { findPrice, type CourseCode, type PriceRowData } from './price-book.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { noticeStopsRenewal } from './renewals.js';
import { MEMBER_SEAT, wholeMonthLines, type SeatContractTerms } from './seat-orders.js';
import { wholeMonths } from './whole-months.js';

/** T6: STANDARD is the upper course; moving to it is an upgrade. */
const RANK: Record<CourseCode, number> = { LIGHT: 0, STANDARD: 1 };

/** What the course rules need of the base contract. */
export interface CourseContractTerms extends Omit<SeatContractTerms, 'course' | 'memberSeatsHeld'> {
  /** The course after every course order so far (a downgrade not yet due included). */
  courseHeld: CourseCode;
  /** The course in force on the order date. */
  courseInForce: CourseCode;
  /** Member seats in force on the order date: an annual upgrade charges them (T6). */
  seatsInForce: number;
}

export interface CourseOrderRequest {
  course: CourseCode;
  orderDate: LocalDate;
  /** T6: an annual downgrade is ordered for the renewal. */
  forRenewal?: boolean | null;
}

export interface CourseQuote {
  courseBefore: CourseCode;
  course: CourseCode;
  /** Member seats the upgrade charges (annual mid-term); 0 otherwise. */
  seats: number;
  /** Whole months charged (annual upgrade, L6 arithmetic); 0 for the renewal; null on monthly. */
  months: number | null;
  /** Per seat and month: Standard monthly - Light monthly (annual upgrade); 0 otherwise. */
  unitPrice: number;
  subtotal: number;
  tax: number;
  total: number;
  /** From when the new course is billed. */
  effectiveFrom: LocalDate;
  /** From when the new course is in force (usable). */
  courseFrom: LocalDate;
  lines: InvoiceLineData[];
}

function monthlySeatPrice(prices: readonly PriceRowData[], course: CourseCode, contract: CourseContractTerms, on: LocalDate): number {
  const row = findPrice(prices, { product: MEMBER_SEAT, course, billingCycle: 'MONTHLY', on, basePurchasedOn: contract.basePurchasedOn });
  if (!row) throw licensingRefusals.thrown({ key: 'seatNoPrice', params: { course, orderDate: on } });
  return row.amount;
}

/**
 * T6 (L6/L7 timing): the price and timing of changing the base contract's course, or throws its refusal (licensingRefusals.thrown).
 * - Monthly: an upgrade is usable at once and billed from next month (the billing run bills each
 *   month at the course billed on the 1st, by effectiveFrom: courseBilledOn; nothing is charged
 *   now); a downgrade takes effect on the 1st of next month.
 * - Annual: an upgrade mid-term costs whole months to the term's end x (Standard monthly - Light
 *   monthly) x member seats in force (the L6 arithmetic), invoiced on the order date; a downgrade
 *   is refused mid-term and ordered for the renewal (forRenewal), costing nothing now.
 */
export function quoteCourseChange(contract: CourseContractTerms, request: CourseOrderRequest, prices: readonly PriceRowData[]): CourseQuote {
  const { course, orderDate } = request;
  if (contract.cancelledOn !== null && contract.cancelledOn <= orderDate) throw licensingRefusals.thrown({ key: 'courseContractCancelled' });
  if (orderDate < contract.startsOn) throw licensingRefusals.thrown({ key: 'orderBeforeContractStart', params: { orderDate, startsOn: contract.startsOn } });
  if (contract.courseHeld !== contract.courseInForce) {
    throw licensingRefusals.thrown({ key: 'courseChangePending', params: { course: contract.courseHeld } });
  }
  if (course === contract.courseHeld) throw licensingRefusals.thrown({ key: 'courseUnchanged', params: { course } });
  const upgrade = RANK[course] > RANK[contract.courseHeld];
  const unchanged = { courseBefore: contract.courseHeld, course, seats: 0, unitPrice: 0, subtotal: 0, tax: 0, total: 0, lines: [] };

  if (contract.billingCycle === 'MONTHLY') {
    if (request.forRenewal) throw licensingRefusals.thrown({ key: 'courseRenewalOnMonthly' });
    const next = firstOfNextMonth(orderDate);
    return { ...unchanged, months: null, effectiveFrom: next, courseFrom: upgrade ? orderDate : next };
  }

  const endsOn = contract.endsOn ?? addDays(addMonths(contract.startsOn, 12), -1);
  if (request.forRenewal) {
    if (upgrade) throw licensingRefusals.thrown({ key: 'courseRenewalUpgrade' });
    if (orderDate > endsOn) throw licensingRefusals.thrown({ key: 'orderAfterTermEnd', params: { orderDate, endsOn } });
    if (noticeStopsRenewal(contract.terminationNoticeOn ?? null, endsOn)) {
      throw licensingRefusals.thrown({ key: 'courseRenewalAfterNotice', params: { receivedOn: contract.terminationNoticeOn!, endsOn } });
    }
    const next = addDays(endsOn, 1);
    return { ...unchanged, months: 0, effectiveFrom: next, courseFrom: next };
  }
  if (!upgrade) throw licensingRefusals.thrown({ key: 'courseDowngradeMidTerm' });
  const months = wholeMonths(orderDate, endsOn);
  if (months < 1) throw licensingRefusals.thrown({ key: 'courseLessThanMonthLeft', params: { endsOn } });
  // a price book where the upgrade is not dearer (rows added by the vendor) charges nothing, never a negative invoice
  const unitPrice = Math.max(0, monthlySeatPrice(prices, course, contract, orderDate) - monthlySeatPrice(prices, contract.courseHeld, contract, orderDate));
  const seats = contract.seatsInForce;
  const lines = wholeMonthLines(orderDate, months, seats, unitPrice, (i) => `Course upgrade ${contract.courseHeld} to ${course} (annual, per member seat), month ${i + 1} of ${months}`);
  return { courseBefore: contract.courseHeld, course, seats, months, unitPrice, ...totalsOf(lines), effectiveFrom: orderDate, courseFrom: orderDate, lines };
}

/** A course order as the course-in-force rule sees it. */
export interface CourseChange {
  courseBefore: CourseCode;
  courseFrom: LocalDate;
}

/**
 * T6: the course in force on a day: the course held after every order, unless an order is not in
 * force yet that day; then the course before the earliest such change (one change is pending at a
 * time, so the changes follow each other).
 */
export function courseOn(courseHeld: CourseCode, orders: readonly CourseChange[], on: LocalDate): CourseCode {
  const pending = orders.filter((order) => order.courseFrom > on).sort((a, b) => a.courseFrom.localeCompare(b.courseFrom));
  return pending[0]?.courseBefore ?? courseHeld;
}

/**
 * T6: the course a seat or guest order placed on `orderDate` is priced at: annual, the course in
 * force that day (a downgrade ordered for the renewal is not yet); monthly, the course of the first
 * month it bills, the 1st of next month (by then a monthly downgrade is in force: the held course).
 */
export function courseForOrder(contract: { course: CourseCode; billingCycle: string }, orders: readonly CourseChange[], orderDate: LocalDate): CourseCode {
  return courseOn(contract.course, orders, contract.billingCycle === 'ANNUAL' ? orderDate : firstOfNextMonth(orderDate));
}
