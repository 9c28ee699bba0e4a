/**
 * An independent, plainly written reference for recurring billing (L1, L6, L7, L16, T5, T6), for
 * the lifetime property suite. It deliberately imports nothing from `src/`: it reads DOMAIN.md's
 * rules afresh, so a mistake in the production billing code does not repeat itself here.
 */

export type RefCourse = 'LIGHT' | 'STANDARD';
export type RefCycle = 'MONTHLY' | 'ANNUAL';

/** A price row as stored (the reference reads the price book from the database, which is part of the history). */
export interface RefPriceRow {
  id: string;
  product: string;
  course: string | null;
  billingCycle: string | null;
  amount: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  legacyCutoff: string | null;
}

/** A change, the day it starts to count (usable, T5) and the day it starts to be billed on a recurring invoice (L16). */
export interface RefChange {
  quantity: number;
  from: string;
  billedFrom: string;
}

/** What happened to one base contract so far. */
export interface RefHistory {
  cycle: RefCycle;
  startsOn: string;
  course: RefCourse;
  seats: number;
  seatChanges: RefChange[];
  guestChanges: RefChange[];
  courseChanges: Array<{ course: RefCourse; from: string; billedFrom: string }>;
  cancelledOn: string | null;
}

export interface RefLine {
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface RefInvoice {
  issuedOn: string;
  lines: RefLine[];
  subtotal: number;
  tax: number;
  total: number;
}

// --- plain calendar arithmetic on YYYY-MM-DD strings (UTC dates, no time zones) ---

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const fromDate = (date: Date) => date.toISOString().slice(0, 10);

export function nextDay(day: string, days = 1): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

/** The same day `months` later, or the last day of that month when it is shorter. */
export function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth)).padStart(2, '0')}`;
}

export const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
export const firstOfNextMonth = (day: string) => plusMonths(firstOfMonth(day), 1);

/** L16: the first annual term starts on the 1st after the order, or the order day when it is a 1st. */
export const firstTermStart = (startsOn: string) => (startsOn.endsWith('-01') ? startsOn : firstOfNextMonth(startsOn));

/** The annual term that contains `day`: its first and last day. */
export function termAround(startsOn: string, day: string): { start: string; end: string } {
  let start = firstTermStart(startsOn);
  while (plusMonths(start, 12) <= day) start = plusMonths(start, 12);
  return { start, end: nextDay(plusMonths(start, 12), -1) };
}

/** L6: whole months from `from` to `end` inclusive: the largest m with (from + m months) - 1 day <= end. */
export function wholeMonthsBetween(from: string, end: string): number {
  let months = 0;
  while (nextDay(plusMonths(from, months + 1), -1) <= end) months++;
  return months;
}

// --- the history as of a day ---

export function seatsOn(history: RefHistory, day: string): number {
  return history.seats + history.seatChanges.filter((change) => change.from <= day).reduce((sum, change) => sum + change.quantity, 0);
}

export function guestsOn(history: RefHistory, day: string): number {
  return history.guestChanges.filter((change) => change.from <= day).reduce((sum, change) => sum + change.quantity, 0);
}

/** The first annual term start after `day` (the term start itself does not count: a term started that day is the current one). */
export function termStartAfter(startsOn: string, day: string): string {
  let start = firstTermStart(startsOn);
  while (start <= day) start = plusMonths(start, 12);
  return start;
}

/**
 * L7/T6/L16/L6: the day an order placed on `orderDay` first counts on a recurring invoice.
 * Monthly, up or down: the 1st of the month after the order day ("the bill changes from the month
 * after the order"), so an order placed on a 1st is billed from the next month's 1st, whether that
 * month's run came before or after it. Annual decrease: it is ordered for the renewal, so the next
 * term start. Annual addition: its own order invoice covers it to the end of the current term
 * (L6: whole months from the order day), so the recurring invoice bills it from the next term
 * start; one ordered on a term's first day is the current term's, never on that day's invoice.
 */
export function billedFromOf(history: RefHistory, orderDay: string, quantity: number): string {
  if (history.cycle === 'MONTHLY') return firstOfNextMonth(orderDay);
  return quantity < 0 ? nextDay(termAround(history.startsOn, orderDay).end) : termStartAfter(history.startsOn, orderDay);
}

/** What the recurring invoice dated `day` bills: the changes whose billedFrom has come. */
export function seatsBilledOn(history: RefHistory, day: string): number {
  return history.seats + history.seatChanges.filter((change) => change.billedFrom <= day).reduce((sum, change) => sum + change.quantity, 0);
}

export function guestsBilledOn(history: RefHistory, day: string): number {
  return history.guestChanges.filter((change) => change.billedFrom <= day).reduce((sum, change) => sum + change.quantity, 0);
}

export function courseOnDay(history: RefHistory, day: string): RefCourse {
  let course = history.course;
  for (const change of [...history.courseChanges].sort((a, b) => a.from.localeCompare(b.from))) if (change.from <= day) course = change.course;
  return course;
}

/** T6/L16: the course a recurring invoice dated `day` bills at: the last change (in order placed) whose billedFrom has come. */
export function courseBilledOn(history: RefHistory, day: string): RefCourse {
  let course = history.course;
  for (const change of [...history.courseChanges].sort((a, b) => a.billedFrom.localeCompare(b.billedFrom))) if (change.billedFrom <= day) course = change.course;
  return course;
}

/** L1: the row in effect for a product, course and cycle on a day: the latest effectiveFrom wins (then the larger id). Legacy rows never apply to these customers. */
export function priceOn(rows: readonly RefPriceRow[], product: string, course: RefCourse, cycle: RefCycle, day: string): number {
  const applicable = rows.filter((row) => row.product === product && row.course === course && row.billingCycle === cycle && row.legacyCutoff === null && row.effectiveFrom <= day && (row.effectiveTo === null || day <= row.effectiveTo));
  if (applicable.length === 0) throw new Error(`reference: no ${product} ${course} ${cycle} row on ${day}`);
  applicable.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? (a.id < b.id ? 1 : -1) : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return applicable[0]!.amount;
}

function invoiceOf(issuedOn: string, lines: RefLine[]): RefInvoice | null {
  const kept = lines.filter((line) => line.quantity > 0);
  if (kept.length === 0) return null;
  const subtotal = kept.reduce((sum, line) => sum + line.amount, 0);
  // consumption tax 10 %, rounded down once for the whole invoice
  const tax = Math.floor(subtotal / 10);
  return { issuedOn, lines: kept, subtotal, tax, total: subtotal + tax };
}

const line = (quantity: number, unitPrice: number): RefLine => ({ quantity, unitPrice, amount: quantity * unitPrice });

/**
 * L16: the invoice the billing run must issue for a period (YYYY-MM), or null.
 * Monthly: dated the 1st, when the contract had started by then and was not cancelled; the seats
 * and the guest licences billed on the 1st (billedFromOf: orders of earlier months only), at the
 * monthly rows of the 1st, at the course billed on the 1st (a course change follows billedFromOf too,
 * an upgrade as an addition, a downgrade as a decrease).
 * Annual: only in a month where a term starts (12-monthly from the first term); the seats billed on
 * that day (additions of earlier terms, decreases ordered for it), plus (from the second term on)
 * the guest licences billed then, at the annual rows of that day and the course billed that day.
 */
export function referencePeriodInvoice(history: RefHistory, rows: readonly RefPriceRow[], period: string): RefInvoice | null {
  const first = `${period}-01`;
  if (history.cycle === 'MONTHLY') {
    if (history.startsOn > first) return null;
    if (history.cancelledOn !== null && history.cancelledOn <= first) return null;
    const course = courseBilledOn(history, first);
    return invoiceOf(first, [line(seatsBilledOn(history, first), priceOn(rows, 'MEMBER_SEAT', course, 'MONTHLY', first)), line(guestsBilledOn(history, first), priceOn(rows, 'GUEST_LICENSE', course, 'MONTHLY', first))]);
  }
  const start0 = firstTermStart(history.startsOn);
  if (first < start0) return null;
  const monthsSince = (Number(first.slice(0, 4)) - Number(start0.slice(0, 4))) * 12 + Number(first.slice(5, 7)) - Number(start0.slice(5, 7));
  if (monthsSince % 12 !== 0) return null;
  if (history.cancelledOn !== null && history.cancelledOn <= first) return null;
  const course = courseBilledOn(history, first);
  const guests = first === start0 ? 0 : guestsBilledOn(history, first);
  return invoiceOf(first, [line(seatsBilledOn(history, first), priceOn(rows, 'MEMBER_SEAT', course, 'ANNUAL', first)), line(guests, priceOn(rows, 'GUEST_LICENSE', course, 'ANNUAL', first))]);
}

/** L6/T6: what an annual mid-term addition costs now: whole months to the term's end x the monthly price x the quantity, taxed once. */
export function referenceMidTermTotal(history: RefHistory, rows: readonly RefPriceRow[], orderDate: string, product: 'MEMBER_SEAT' | 'GUEST_LICENSE', quantity: number): number {
  const months = wholeMonthsBetween(orderDate, termAround(history.startsOn, orderDate).end);
  const subtotal = months * quantity * priceOn(rows, product, courseOnDay(history, orderDate), 'MONTHLY', orderDate);
  return subtotal + Math.floor(subtotal / 10);
}

/** T6: an annual upgrade mid-term: whole months x (Standard - Light monthly seat price) x the seats counting that day, taxed once. */
export function referenceUpgradeTotal(history: RefHistory, rows: readonly RefPriceRow[], orderDate: string): number {
  const months = wholeMonthsBetween(orderDate, termAround(history.startsOn, orderDate).end);
  // never negative: an upgrade that is not dearer costs nothing
  const difference = Math.max(0, priceOn(rows, 'MEMBER_SEAT', 'STANDARD', 'MONTHLY', orderDate) - priceOn(rows, 'MEMBER_SEAT', 'LIGHT', 'MONTHLY', orderDate));
  const subtotal = months * difference * seatsOn(history, orderDate);
  return subtotal + Math.floor(subtotal / 10);
}

/** T5: the days members must fit on: today and every later day an ordered seat change starts to count. */
export function seatCheckDays(history: RefHistory, today: string): string[] {
  return [today, ...new Set(history.seatChanges.filter((change) => change.from > today).map((change) => change.from))];
}
