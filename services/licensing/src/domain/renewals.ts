import { addDays, type LocalDate } from './calendar-dates.js';
import { totalsOf, type InvoiceLineData, type InvoiceTotals } from './invoices.js';
import { findPrice, GUEST_LICENSE, type CourseCode, type PriceRowData } from './price-book.js';
import { Refusal } from './refusal.js';
import { noticeDeadline, termEndsOn } from './service-contracts.js';

/**
 * L14 for the annual base contract (the card service contract follows the same rule, see
 * `termOn`): a term renews for another year at its end unless a termination notice was received
 * at least 30 days before that end. A notice received later is accepted for the following term:
 * the contract renews once more and ends at the end of that term (we chose this over refusing
 * the notice, so the administrator does not have to remember to send it again).
 */
export function noticeStopsRenewal(noticeReceivedOn: LocalDate | null, termEnd: LocalDate): boolean {
  return noticeReceivedOn !== null && noticeReceivedOn <= noticeDeadline(termEnd);
}

/** The first term end a notice received on `receivedOn` stops (the current term's, or the next one's when too late). */
export function serviceEndsOn(receivedOn: LocalDate, currentTermEnd: LocalDate): LocalDate {
  let endsOn = currentTermEnd;
  while (!noticeStopsRenewal(receivedOn, endsOn)) endsOn = termEndsOn(addDays(endsOn, 1));
  return endsOn;
}

export interface BaseTermSettlement {
  /** The last day of the term in force on `today` (or of the last term, when the contract ended). */
  endsOn: LocalDate;
  /** The contract ended at `endsOn` (a notice stopped the renewal): it is cancelled from the day after, guest licences with it (L8). */
  endedOn: LocalDate | null;
}

/**
 * L7/L14: rolls an annual base contract's term over to the one in force on `today`: each term
 * ending before today renews for a year, unless the termination notice stops it, in which case
 * the contract ends there. Null when nothing changes (today is within the term, or monthly).
 */
export function settleBaseTerm(termEnd: LocalDate | null, noticeReceivedOn: LocalDate | null, today: LocalDate): BaseTermSettlement | null {
  if (termEnd === null || today <= termEnd) return null;
  let endsOn = termEnd;
  while (today > endsOn) {
    if (noticeStopsRenewal(noticeReceivedOn, endsOn)) return { endsOn, endedOn: endsOn };
    endsOn = termEndsOn(addDays(endsOn, 1));
  }
  return { endsOn, endedOn: null };
}

/** The first day of every term a settlement renewed into, oldest first; none when the contract ended with the term it had. */
export function renewedTermStarts(previousTermEnd: LocalDate, settlement: BaseTermSettlement): LocalDate[] {
  const starts: LocalDate[] = [];
  for (let start = addDays(previousTermEnd, 1); start <= settlement.endsOn; start = addDays(termEndsOn(start), 1)) starts.push(start);
  return starts;
}

export interface RenewalInvoice extends InvoiceTotals {
  lines: InvoiceLineData[];
}

/**
 * L1/L7/L14: the bill for the guest licences of a renewed annual term: the licences held for the
 * new term (after the decreases ordered for the renewal) x the ANNUAL price per guest from the
 * price book on the renewal date (the term's first day; legacy row by basePurchasedOn), one line
 * for the whole term. Null when no guest licence is held (nothing to bill).
 * Monthly billing is not invoiced here: it has no term to renew, its first month is billed by the
 * order (L7), and a recurring monthly guest invoice is not part of this service (not required).
 * L9: linked guests need no licence, but the count billed is the licences held: a linked guest
 * lowers it only through a decrease ordered for the renewal.
 */
export function renewalInvoice(contract: { course: CourseCode; basePurchasedOn: LocalDate }, guestLicenses: number, termStartsOn: LocalDate, prices: readonly PriceRowData[]): RenewalInvoice | null {
  if (guestLicenses <= 0) return null;
  const price = findPrice(prices, { product: GUEST_LICENSE, course: contract.course, billingCycle: 'ANNUAL', on: termStartsOn, basePurchasedOn: contract.basePurchasedOn });
  if (!price) throw new Refusal('CONFLICT', `No annual guest licence price applies to the ${contract.course} course on ${termStartsOn}, so the renewal cannot be billed; contact sales.`);
  const termEnd = termEndsOn(termStartsOn);
  const lines: InvoiceLineData[] = [
    { description: `Guest licences (${contract.course}, annual), renewal ${termStartsOn} to ${termEnd}`, quantity: guestLicenses, unitPrice: price.amount, periodFrom: termStartsOn, periodTo: termEnd, amount: price.amount * guestLicenses },
  ];
  return { lines, ...totalsOf(lines) };
}

/**
 * L8/S9: the first day the base contract gives no access (guest spaces unreadable, links into
 * other tenants ended), known in advance: the cancellation day, or the day after the last term a
 * termination notice stops; null while it runs on. A term that ended is settled lazily (on the
 * next read), so the date is computed here rather than waiting for `cancelledOn` to be written.
 */
export function accessEndsOn(contract: { cancelledOn: LocalDate | null; endsOn: LocalDate | null; terminationNoticeOn: LocalDate | null }): LocalDate | null {
  if (contract.cancelledOn) return contract.cancelledOn;
  if (contract.terminationNoticeOn && contract.endsOn) return addDays(serviceEndsOn(contract.terminationNoticeOn, contract.endsOn), 1);
  return null;
}
