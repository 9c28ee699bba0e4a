import type { Refusal } from './spaces.js';

/** What licensing answers for a tenant on the allowance model (L10): it owns the 5-per-member figure. */
export interface GuestAllowanceNumbers {
  memberSeats: number;
  guestsPerMember: number;
  allowedGuests: number;
}

/**
 * L10: a new guest may be invited while fewer than the allowed guests are invited; otherwise the
 * refusal gives the numbers. `invited` counts the tenant's guests and pending invitations, which
 * only spaces knows; this is the one place the comparison is made.
 */
export function refuseInvitationBeyondAllowance(allowance: GuestAllowanceNumbers, invited: number): Refusal {
  if (invited < allowance.allowedGuests) return null;
  const { guestsPerMember, memberSeats, allowedGuests } = allowance;
  return { key: 'guestAllowanceExceeded', params: { guestsPerMember, memberSeats, allowedGuests, invited } };
}
