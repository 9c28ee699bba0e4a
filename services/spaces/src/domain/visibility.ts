import type { Viewer } from '@kyodo/auth';

export interface UserRow {
  id: string;
  tenantId: string;
  kind: 'MEMBER' | 'GUEST';
}

/**
 * T1/S3 on every path (fields, lists, `_entities`): nobody sees another tenant's users; a
 * guest sees only themselves here (co-members of their guest spaces come with the spaces
 * domain); anonymous callers see nobody.
 */
export function canSeeUser(viewer: Viewer | null, user: UserRow): boolean {
  if (!viewer || viewer.tenantId !== user.tenantId) return false;
  if (viewer.kind === 'GUEST') return viewer.userId === user.id;
  // S2: guests never appear in internal listings; a member reaches a guest only through a guest space
  return user.kind === 'MEMBER' || viewer.roles.includes('ADMIN');
}

export function canSeeTenant(viewer: Viewer | null, tenantId: string): boolean {
  return !!viewer && viewer.tenantId === tenantId;
}
