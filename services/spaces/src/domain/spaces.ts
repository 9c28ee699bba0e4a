import type { Viewer } from '@kyodo/auth';
import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { SpacesRefusalKey } from '../refusals/refusals.js';

/** What the rules need of a space. */
export interface SpaceRow {
  id: string;
  tenantId: string;
  isGuestSpace: boolean;
  isPrivate: boolean;
}

/** The viewer's membership of one space, or null when they are not in it. */
export interface MembershipRow {
  isSpaceAdmin: boolean;
}

/** S6: what a space administrator lets guests do in one guest space. */
export interface GuestPermissions {
  guestCanAddThreads: boolean;
  guestCanEditThreads: boolean;
  guestCanDeleteThreads: boolean;
  guestCanAddComments: boolean;
  guestCanDeleteComments: boolean;
  guestCanAddAttachments: boolean;
  guestCanDeleteAttachments: boolean;
}

/** S6: the least that lets a guest take part: start threads and comment; nothing else. */
export const DEFAULT_GUEST_PERMISSIONS: GuestPermissions = {
  guestCanAddThreads: true,
  guestCanEditThreads: false,
  guestCanDeleteThreads: false,
  guestCanAddComments: true,
  guestCanDeleteComments: false,
  guestCanAddAttachments: false,
  guestCanDeleteAttachments: false,
};

/**
 * T1, S1-S3: who sees a space.
 * - nobody sees another tenant's spaces; anonymous callers see none;
 * - a guest sees only the guest spaces they were invited into (S3), never an internal space;
 * - a member sees internal spaces that are not private, private ones they belong to, and
 *   guest spaces they belong to (S2: a guest space never shows in the internal listing of a
 *   member who is not in it; tenant administrators included).
 */
export function canSeeSpace(viewer: Viewer | null, space: SpaceRow, membership: MembershipRow | null): boolean {
  if (!viewer || viewer.tenantId !== space.tenantId) return false;
  if (viewer.kind === 'GUEST') return space.isGuestSpace && membership !== null;
  if (space.isGuestSpace || space.isPrivate) return membership !== null;
  return true;
}

/** Why an action is refused (its refusal key and values, I1), or null when it is allowed. */
export type Refusal = RefusalOf<SpacesRefusalKey> | null;

/** What a space administrator does to a space (S5): each has its own refusal for a guest and for a plain member. */
export type SpaceAdministration = 'manageMembers' | 'addApps' | 'removeApps' | 'changeSettings' | 'editBody' | 'delete';

const ADMINISTRATION_REFUSALS: Record<SpaceAdministration, { guest: SpacesRefusalKey; member: SpacesRefusalKey }> = {
  manageMembers: { guest: 'spaceGuestMayNotManageMembers', member: 'spaceAdminOnlyManageMembers' },
  addApps: { guest: 'spaceGuestMayNotAddApps', member: 'spaceAdminOnlyAddApps' },
  removeApps: { guest: 'spaceGuestMayNotRemoveApps', member: 'spaceAdminOnlyRemoveApps' },
  changeSettings: { guest: 'spaceGuestMayNotChangeSettings', member: 'spaceAdminOnlyChangeSettings' },
  editBody: { guest: 'spaceGuestMayNotEditBody', member: 'spaceAdminOnlyEditBody' },
  delete: { guest: 'spaceGuestMayNotDelete', member: 'spaceAdminOnlyDelete' },
};

/** Whether the viewer administers this space: a member who is its administrator, or a tenant administrator (S5). */
export function administersSpace(viewer: Viewer, membership: MembershipRow | null): boolean {
  return viewer.kind !== 'GUEST' && (!!membership?.isSpaceAdmin || viewer.roles.includes('ADMIN'));
}

/**
 * S5: actions on a space itself (settings, body, members, deletion, invitations): members who
 * administer the space (or administer the tenant); guests never.
 */
export function refuseSpaceAdministration(viewer: Viewer, membership: MembershipRow | null, action: SpaceAdministration): Refusal {
  if (viewer.kind === 'GUEST') return { key: ADMINISTRATION_REFUSALS[action].guest };
  if (administersSpace(viewer, membership)) return null;
  return { key: ADMINISTRATION_REFUSALS[action].member };
}

/** Who may create a space: members; a guest space only when the tenant lets this member (S2). */
export function refuseCreateSpace(viewer: Viewer, isGuestSpace: boolean, creators: 'MEMBERS' | 'ADMINS'): Refusal {
  if (viewer.kind === 'GUEST') return { key: 'spaceCreateGuest' };
  if (isGuestSpace && creators === 'ADMINS' && !viewer.roles.includes('ADMIN')) return { key: 'spaceCreateGuestSpaceAdminsOnly' };
  return null;
}

/** S6: a guest may add a thread when the space lets guests add pages. Members always may. */
export function refuseAddThread(viewer: Viewer, space: GuestPermissions): Refusal {
  if (viewer.kind === 'GUEST' && !space.guestCanAddThreads) return { key: 'threadGuestAddNotAllowed' };
  return null;
}

/**
 * S5/S6: editing or deleting a thread. Nobody but a space administrator touches someone else's
 * thread, and a guest never does (S5); a guest changes their own only where the space allows it (S6).
 */
export function refuseChangeThread(viewer: Viewer, authorId: string, membership: MembershipRow | null, space: GuestPermissions, change: 'edit' | 'delete'): Refusal {
  const own = authorId === viewer.userId;
  const edit = change === 'edit';
  if (viewer.kind === 'GUEST') {
    if (!own) return { key: edit ? 'threadGuestEditOthers' : 'threadGuestDeleteOthers' };
    const allowed = edit ? space.guestCanEditThreads : space.guestCanDeleteThreads;
    return allowed ? null : { key: edit ? 'threadGuestEditNotAllowed' : 'threadGuestDeleteNotAllowed' };
  }
  if (own || membership?.isSpaceAdmin || viewer.roles.includes('ADMIN')) return null;
  return { key: edit ? 'threadAuthorOnlyEdit' : 'threadAuthorOnlyDelete' };
}

/** S6: a guest may comment when the space lets guests add comments. */
export function refuseAddComment(viewer: Viewer, space: GuestPermissions): Refusal {
  if (viewer.kind === 'GUEST' && !space.guestCanAddComments) return { key: 'commentGuestAddNotAllowed' };
  return null;
}

/** S5/S6: deleting a comment: the author (a guest only where allowed), or a space administrator. */
export function refuseDeleteComment(viewer: Viewer, authorId: string, membership: MembershipRow | null, space: GuestPermissions): Refusal {
  const own = authorId === viewer.userId;
  if (viewer.kind === 'GUEST') {
    if (!own) return { key: 'commentGuestDeleteOthers' };
    return space.guestCanDeleteComments ? null : { key: 'commentGuestDeleteNotAllowed' };
  }
  if (own || membership?.isSpaceAdmin || viewer.roles.includes('ADMIN')) return null;
  return { key: 'commentAuthorOnlyDelete' };
}

/**
 * S7: may this guest join another guest space? Under SINGLE_SPACE a guest belongs to exactly
 * one space at a time: joining a second is refused until an administrator removes them from
 * the first.
 */
export function refuseJoinUnderPolicy(policy: 'KINTONE' | 'SINGLE_SPACE', guestSpaceIds: readonly string[], spaceId: string): Refusal {
  if (policy !== 'SINGLE_SPACE') return null;
  const others = guestSpaceIds.filter((id) => id !== spaceId);
  if (others.length === 0) return null;
  return { key: 'guestSingleSpace' };
}
