import { addDays, localDateOf, type LocalDate } from './calendar-dates.js';
import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { LicensingRefusalKey } from '../refusals/refusals.js';
import { grouped } from './refusal.js';

export type GuestLicenseStatusCode = 'TRIAL' | 'LICENSED' | 'TRIAL_EXPIRED' | 'FREE';

/** L3: the free trial lasts 30 days counted from the day of the first sign-in (that day is day 1). */
export const TRIAL_DAYS = 30;

export interface GuestFacts {
  /** From spaces (`@requires`): null until the guest first signs in. */
  firstSignInAt: Date | null;
  /** S9/L9: linked to a member account of another organisation. */
  isLinked: boolean;
  /** An administrator assigned one of the tenant's guest licences to this guest. */
  hasAssignedLicense: boolean;
}

export interface TenantLicensing {
  /** The base contract is cancelled (L8): its guest licences are cancelled with it. */
  cancelled: boolean;
  timeZone: string;
}

/** The last day of the trial: the first sign-in day + 29 days (30 days, the first included); null before the first sign-in. */
export function trialEndsOn(firstSignInAt: Date | null, timeZone: string): LocalDate | null {
  return firstSignInAt ? addDays(localDateOf(firstSignInAt, timeZone), TRIAL_DAYS - 1) : null;
}

/**
 * L3/L8/L9: a guest's licence status on `today` (the tenant's calendar day).
 * - FREE: a linked guest (L9) costs nothing and needs no licence;
 * - LICENSED: an administrator assigned the guest one of the tenant's guest licences, and the
 *   base contract is not cancelled (L8 cancels the licences with it);
 * - TRIAL: not signed in yet, or today is on or before the trial's last day;
 * - TRIAL_EXPIRED: otherwise; nothing is charged automatically, the guest loses access until
 *   a licence is bought and assigned.
 */
export function guestLicenseStatus(guest: GuestFacts, tenant: TenantLicensing, today: LocalDate): { status: GuestLicenseStatusCode; trialEndsOn: LocalDate | null } {
  const endsOn = trialEndsOn(guest.firstSignInAt, tenant.timeZone);
  if (guest.isLinked) return { status: 'FREE', trialEndsOn: endsOn };
  if (guest.hasAssignedLicense && !tenant.cancelled) return { status: 'LICENSED', trialEndsOn: endsOn };
  if (endsOn === null || today <= endsOn) return { status: 'TRIAL', trialEndsOn: endsOn };
  return { status: 'TRIAL_EXPIRED', trialEndsOn: endsOn };
}

/** Whether the status lets the guest into guest spaces. */
export function grantsAccess(status: GuestLicenseStatusCode): boolean {
  return status !== 'TRIAL_EXPIRED';
}

/**
 * Explicit assignment (the rule this service uses): the tenant holds N guest licences, an
 * administrator assigns them to named guests; at most N can be assigned, and licences cannot be
 * removed below the number assigned (unassign first).
 */
export function refuseAssignment(held: number, assigned: number): RefusalOf<LicensingRefusalKey> | null {
  if (assigned >= held) return { key: 'allGuestLicensesAssigned', params: { held: grouped(held) } };
  return null;
}
