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
 */
export function canSeeUser(viewer: Viewer | null, user: UserRow, sharedGuestSpaceUserIds: ReadonlySet<string> = new Set()): boolean {
  if (!viewer || viewer.tenantId !== user.tenantId) return false;
  if (viewer.userId === user.id) return true;
  if (sharedGuestSpaceUserIds.has(user.id)) return true;
  if (viewer.kind === 'GUEST') return false;
  return user.kind === 'MEMBER' || viewer.roles.includes('ADMIN');
}

export function canSeeTenant(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && viewer.tenantId === tenantId;
}

/** S5: a guest's profile page has no comment box; a member's has. */
export function canReceiveComments(user: UserRow): boolean {
  return user.kind === 'MEMBER';
}
