import { addDays, addMonths, type LocalDate } from './calendar-dates.js';
import { MAX_MEMBER_SEATS, refuseOutOfRange } from './bounds.js';
import type { CourseCode, CycleCode } from './price-book.js';
import { firstAnnualTermStart } from './recurring-billing.js';
import { licensingRefusals } from '../refusals/refusals.js';

/** T5: a base contract has at least 5 member seats. */
export const MIN_MEMBER_SEATS = 5;

export interface BaseContractRequest {
  course: CourseCode;
  billingCycle: CycleCode;
  startsOn: LocalDate;
  memberSeats: number;
}

/** T5: throws the refusal that stops a new base contract, if any. */
export function checkBaseContract(request: BaseContractRequest): void {
  if (!Number.isInteger(request.memberSeats) || request.memberSeats < MIN_MEMBER_SEATS) {
    throw licensingRefusals.thrown({ key: 'baseContractTooFewSeats', params: { min: MIN_MEMBER_SEATS, asked: String(request.memberSeats) } });
  }
  refuseOutOfRange(request.memberSeats, MIN_MEMBER_SEATS, MAX_MEMBER_SEATS, 'baseContractSeatsOutOfRange');
}

/**
 * L16/L14: the last day of a new annual contract's first term (the term starts on the 1st on or
 * after the order day and runs 12 months); null on monthly billing, which runs until cancelled.
 */
export function firstTermEndsOn(billingCycle: CycleCode, startsOn: LocalDate): LocalDate | null {
  if (billingCycle !== 'ANNUAL') return null;
  return addDays(addMonths(firstAnnualTermStart(startsOn), 12), -1);
}

/** The same terms again (a retried onboarding): the contract already made answers it. */
export function sameBaseContract(existing: BaseContractRequest, request: BaseContractRequest): boolean {
  return existing.course === request.course && existing.billingCycle === request.billingCycle && existing.startsOn === request.startsOn && existing.memberSeats === request.memberSeats;
}
