import type { Viewer } from '@kyodo/auth';

export interface UserRow {
  id: string;
  tenantId: string;
  kind: 'MEMBER' | 'GUEST';
}

/**
 * T1/S2/S3 on every path (fields, lists, `_entities`): nobody sees another tenant's users;
 * anonymous callers see nobody. A guest sees themselves and the people who share a guest
 * space with them, nobody else (S3). A member sees the tenant's members, and guests only
 * when they share a guest space with them (S2: guests never appear in internal listings);
 * a tenant administrator sees every user of the tenant (to manage guests).
 *
 * `sharedGuestSpaceUserIds`: the ids of everyone in a guest space the viewer is in.
 *
 * One cross-tenant exception: the vendor's support agents (SUPPORT_AGENT, a role spaces grants
 * only to staff of the vendor tenant) see customers' members, because every ticket they answer
 * names a requester (P1: registrants are members). Guests stay hidden from them.
 */
export function canSeeUser(viewer: Viewer | null, user: UserRow, sharedGuestSpaceUserIds: ReadonlySet<string> = new Set()): boolean {
  if (viewer && isSupportAgent(viewer) && user.kind === 'MEMBER') return true;
  if (!viewer || viewer.tenantId !== user.tenantId) return false;
  if (viewer.userId === user.id) return true;
  if (sharedGuestSpaceUserIds.has(user.id)) return true;
  if (viewer.kind === 'GUEST') return false;
  return user.kind === 'MEMBER' || viewer.roles.includes('ADMIN');
}

/** A tenant is seen by its own users, and by support agents (a ticket's requester names their tenant). */
export function canSeeTenant(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && (viewer.tenantId === tenantId || isSupportAgent(viewer));
}

function isSupportAgent(viewer: Viewer): boolean {
  return viewer.kind === 'MEMBER' && viewer.roles.includes('SUPPORT_AGENT');
}

/** S5: a guest's profile page has no comment box; a member's has. */
export function canReceiveComments(user: UserRow): boolean {
  return user.kind === 'MEMBER';
}
