/** Who is asking: the verified claims of a Kyodo access token. */
export type UserKind = 'MEMBER' | 'GUEST';

export const ROLES = ['ADMIN', 'SUPPORT_AGENT'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  userId: string;
  tenantId: string;
  kind: UserKind;
  roles: Role[];
}

export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return !!viewer && viewer.kind === 'MEMBER' && viewer.roles.includes('ADMIN');
}
