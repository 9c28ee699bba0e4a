import { addDays, type LocalDate } from './calendar-dates.js';
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
