import { japaneseBusinessCalendar, VENDOR_CLOSING_DAYS, type BusinessCalendar } from '@kyodo/subgraph-kit';
import { addDays, addMonths, firstOfMonth, type LocalDate } from './calendar-dates.js';
import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { LicensingRefusalKey } from '../refusals/refusals.js';
import { grouped } from './refusal.js';

/** L11: the card service's products and where it runs. */
export type ServiceProductCode = 'START_PACK' | 'CORPORATE_LICENSE';
export type DeploymentCode = 'CLOUD' | 'ON_PREMISES';

/** L12: named-user licences, at least 5 contracted even for fewer users. */
export const MIN_NAMED_SEATS = 5;

export function contractedSeats(users: number): number {
  return Math.max(MIN_NAMED_SEATS, Math.ceil(users));
}

/** L13: business days from the papers to the start information: 8 (cloud), 12 (on-premises). */
export const DELIVERY_BUSINESS_DAYS: Record<DeploymentCode, number> = { CLOUD: 8, ON_PREMISES: 12 };

/** L13: the vendor's business days: the one calendar support uses too (national holidays and the New Year break closed). */
export const VENDOR_CALENDAR: BusinessCalendar = japaneseBusinessCalendar(VENDOR_CLOSING_DAYS);

export function isBusinessDay(day: LocalDate, calendar: BusinessCalendar = VENDOR_CALENDAR): boolean {
  return calendar.closedBecause(day) === null;
}

/** The n-th business day strictly after `from`. */
export function addBusinessDays(from: LocalDate, n: number, calendar: BusinessCalendar = VENDOR_CALENDAR): LocalDate {
  let day = from;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar)) counted++;
  }
  return day;
}

/** L13: the day the start information is delivered: 8 (cloud) or 12 (on-premises) of the vendor's business days after the papers arrive. */
export function deliveryDate(papersReceivedOn: LocalDate, deployment: DeploymentCode, calendar: BusinessCalendar = VENDOR_CALENDAR): LocalDate {
  return addBusinessDays(papersReceivedOn, DELIVERY_BUSINESS_DAYS[deployment], calendar);
}

/** L13: billing starts on day 1 of the second month after the delivery month (delivered 10 November -> 1 January). */
export function billingStartsOn(deliveredOn: LocalDate): LocalDate {
  return addMonths(firstOfMonth(deliveredOn), 2);
}

/**
 * L13: a term is one year from its start (1 January -> 31 December): it ends the day before the
 * anniversary; a term starting on 29 February, whose anniversary does not exist, ends on 28
 * February (the Civil Code's art. 143: the last day of that month), not on the 27th.
 */
export function termEndsOn(termStartsOn: LocalDate): LocalDate {
  const anniversary = addMonths(termStartsOn, 12);
  return anniversary.slice(8) === termStartsOn.slice(8) ? addDays(anniversary, -1) : anniversary;
}

/** L14: the last day a termination notice stops the renewal: 30 days before the term ends. */
export function noticeDeadline(termEnd: LocalDate): LocalDate {
  return addDays(termEnd, -30);
}

export interface ServiceTerm {
  startsOn: LocalDate;
  endsOn: LocalDate;
  /** Whether it renews for another year when it ends (no notice received in time, L14). */
  renews: boolean;
  /** The service has ended (a notice stopped the renewal and the term is over). */
  ended: boolean;
}

/**
 * L13/L14: the term in force on `today`. Before billing starts (the set-up period) that is the
 * first term. A term renews for another year unless a termination notice was received at least
 * 30 days before it ends; a notice received later takes effect at the end of the next term.
 */
export function termOn(billingStart: LocalDate, noticeReceivedOn: LocalDate | null, today: LocalDate): ServiceTerm {
  let startsOn = billingStart;
  for (;;) {
    const endsOn = termEndsOn(startsOn);
    const renews = noticeReceivedOn === null || noticeReceivedOn > noticeDeadline(endsOn);
    if (today <= endsOn) return { startsOn, endsOn, renews, ended: false };
    if (!renews) return { startsOn, endsOn, renews, ended: true };
    startsOn = addDays(endsOn, 1);
  }
}

/** L15: sides one digitisation pack adds (a pack size we chose: 1,000 card sides). */
export const SIDES_PER_PACK = 1000;

export function cardSideQuota(includedSides: number, purchasedSides: number): number {
  return includedSides + purchasedSides;
}

/** L15: each side scanned counts 1 (a two-sided scan counts 2 even if the back is blank); beyond the quota it is refused. */
export function refuseScan(usedSides: number, scanSides: number, quota: number): RefusalOf<LicensingRefusalKey> | null {
  if (usedSides + scanSides <= quota) return null;
  return { key: 'scanBeyondQuota', params: { scanSides: grouped(scanSides), left: grouped(Math.max(0, quota - usedSides)), quota: grouped(quota) } };
}
