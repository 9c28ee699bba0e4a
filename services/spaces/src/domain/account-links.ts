import type { Viewer } from '@kyodo/auth';
import type { Refusal } from './spaces.js';

/**
 * S9: a member of tenant A holding an invitation into tenant B links it to the A account
 * instead of creating a password for B. Guests link nothing (they are not anyone's member
 * account), and an invitation into one's own tenant is not a link: members join spaces directly.
 */
export function refuseLink(viewer: Viewer, invitationTenantId: string): Refusal {
  if (viewer.kind !== 'MEMBER') return 'Guests may not link accounts: only a member of another organisation can link an invitation to their account (S9).';
  if (viewer.tenantId === invitationTenantId) return 'This invitation is into your own organisation; ask to be added to the space as a member instead.';
  return null;
}

/** S9: the link works while the member's own tenant has a contract; once it ends, never again. */
export function isLinkUsable(memberTenant: { contractCancelledAt: Date | null }, now: Date): boolean {
  return !memberTenant.contractCancelledAt || memberTenant.contractCancelledAt.getTime() > now.getTime();
}

/** An unusable password hash: a linked guest signs in only through their member account. */
export const LINKED_ACCOUNT_PASSWORD_HASH = '!linked-account';
