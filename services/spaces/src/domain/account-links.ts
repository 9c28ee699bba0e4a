import type { Viewer } from '@kyodo/auth';
import { tokyoDate } from '@kyodo/subgraph-kit';
import type { Refusal } from './spaces.js';

/**
 * S9: a member of tenant A holding an invitation into tenant B links it to the A account
 * instead of creating a password for B. Guests link nothing (they are not anyone's member
 * account), and an invitation into one's own tenant is not a link: members join spaces directly.
 */
export function refuseLink(viewer: Viewer, invitationTenantId: string): Refusal {
  if (viewer.kind !== 'MEMBER') return { key: 'linkByGuest' };
  if (viewer.tenantId === invitationTenantId) return { key: 'linkIntoOwnOrganisation' };
  return null;
}

export interface ContractEnd {
  /** Recorded by hand by a vendor operator (recordContractCancellation). */
  contractCancelledAt: Date | null;
  /** From licensing's contract feed: when the base contract stops giving access (L8). */
  contractEndsAt?: Date | null;
}

/** L8/S9: when the tenant's contract stops giving access: the earlier of licensing's date and one recorded by hand; null while it runs on. */
export function contractEndOf(tenant: ContractEnd): Date | null {
  const ends = [tenant.contractCancelledAt, tenant.contractEndsAt ?? null].filter((d): d is Date => d !== null);
  return ends.length === 0 ? null : new Date(Math.min(...ends.map((d) => d.getTime())));
}

/** L8: from its end on, by itself: no one has to act on the day. */
export function hasContractEnded(tenant: ContractEnd, now: Date): boolean {
  const end = contractEndOf(tenant);
  return end !== null && end.getTime() <= now.getTime();
}

/** S9/L8: the link works while the member's own tenant has a contract; once it ends, never again. */
export function isLinkUsable(memberTenant: ContractEnd, now: Date): boolean {
  return !hasContractEnded(memberTenant, now);
}

/**
 * L8 (our policy): a cancellation recorded by hand takes effect on a day not yet past (Asia/Tokyo
 * calendar days): an operator cannot end access retroactively. The refusal (naming the date), or null.
 */
export function refuseCancellationDate(cancelledAt: Date, now: Date): Refusal {
  if (tokyoDate(cancelledAt) < tokyoDate(now)) {
    return { key: 'cancellationInPast', params: { date: tokyoDate(cancelledAt) } };
  }
  return null;
}

/** S9/L8: why a linked account no longer works (its member tenant's contract ended). */
export const LINK_ENDED: NonNullable<Refusal> = { key: 'linkEnded' };

/** An unusable password hash: a linked guest signs in only through their member account. */
export const LINKED_ACCOUNT_PASSWORD_HASH = '!linked-account';
