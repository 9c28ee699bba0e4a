import type { Viewer } from '@kyodo/auth';
import { describe, expect, it } from 'vitest';
import {
  canSeeSpace,
  DEFAULT_GUEST_PERMISSIONS,
  refuseAddComment,
  refuseAddThread,
  refuseChangeThread,
  refuseCreateSpace,
  refuseDeleteComment,
  refuseJoinUnderPolicy,
  refuseSpaceAdministration,
  type Refusal,
  type SpaceRow,
} from '../src/domain/spaces.js';
import { spacesRefusals } from '../src/refusals/refusals.js';
import { canReceiveComments, canSeeUser } from '../src/domain/visibility.js';

const T = 'tenant-a';
const admin: Viewer = { userId: 'admin', tenantId: T, kind: 'MEMBER', roles: ['ADMIN'] };
const member: Viewer = { userId: 'member', tenantId: T, kind: 'MEMBER', roles: [] };
const guest: Viewer = { userId: 'guest', tenantId: T, kind: 'GUEST', roles: [] };
const stranger: Viewer = { userId: 'x', tenantId: 'tenant-b', kind: 'MEMBER', roles: ['ADMIN'] };
const internal: SpaceRow = { id: 's1', tenantId: T, isGuestSpace: false, isPrivate: false };
const privateSpace: SpaceRow = { ...internal, id: 's2', isPrivate: true };
const guestSpace: SpaceRow = { ...internal, id: 's3', isGuestSpace: true };
const IN = { isSpaceAdmin: false };
const ADMIN_OF = { isSpaceAdmin: true };
/** A refusal's English text (I1: the rules answer keys; the text comes from the catalogue). */
const en = (refusal: Refusal) => (refusal ? spacesRefusals.messageOf(refusal, 'en') : null);

describe('space visibility (T1, S1-S3)', () => {
  it('S1: members see internal spaces; private ones only when they belong', () => {
    expect(canSeeSpace(member, internal, null)).toBe(true);
    expect(canSeeSpace(member, privateSpace, null)).toBe(false);
    expect(canSeeSpace(member, privateSpace, IN)).toBe(true);
  });
  it('S2: a guest space is not in the internal environment: members (admins too) see it only when in it', () => {
    expect(canSeeSpace(member, guestSpace, null)).toBe(false);
    expect(canSeeSpace(admin, guestSpace, null)).toBe(false);
    expect(canSeeSpace(member, guestSpace, IN)).toBe(true);
  });
  it('S3: a guest sees only guest spaces they are in, never an internal space (even if a membership row exists)', () => {
    expect(canSeeSpace(guest, guestSpace, IN)).toBe(true);
    expect(canSeeSpace(guest, guestSpace, null)).toBe(false);
    expect(canSeeSpace(guest, internal, IN)).toBe(false);
  });
  it('T1: nobody sees another tenant\'s spaces; anonymous sees none', () => {
    expect(canSeeSpace(stranger, internal, null)).toBe(false);
    expect(canSeeSpace(null, internal, null)).toBe(false);
  });
});

describe('space actions (S5, S6)', () => {
  it('S5: guests never administer a space, whatever the membership says', () => {
    expect(refuseSpaceAdministration(guest, ADMIN_OF, 'changeSettings')).toEqual({ key: 'spaceGuestMayNotChangeSettings' });
    expect(en(refuseSpaceAdministration(guest, ADMIN_OF, 'changeSettings'))).toBe("Guests may not change a space's settings (S5).");
    expect(en(refuseSpaceAdministration(member, IN, 'editBody'))).toMatch(/Only an administrator/);
    expect(refuseSpaceAdministration(member, ADMIN_OF, 'editBody')).toBeNull();
    expect(refuseSpaceAdministration(admin, null, 'editBody')).toBeNull();
  });
  it('guest spaces may be restricted to administrators; guests never create spaces', () => {
    expect(refuseCreateSpace(member, true, 'MEMBERS')).toBeNull();
    expect(en(refuseCreateSpace(member, true, 'ADMINS'))).toMatch(/only administrators/);
    expect(refuseCreateSpace(member, false, 'ADMINS')).toBeNull();
    expect(refuseCreateSpace(admin, true, 'ADMINS')).toBeNull();
    expect(en(refuseCreateSpace(guest, true, 'MEMBERS'))).toMatch(/\(S5\)/);
  });
  it('S6: defaults are the least that lets a guest take part', () => {
    expect(DEFAULT_GUEST_PERMISSIONS).toEqual({
      guestCanAddThreads: true,
      guestCanEditThreads: false,
      guestCanDeleteThreads: false,
      guestCanAddComments: true,
      guestCanDeleteComments: false,
      guestCanAddAttachments: false,
      guestCanDeleteAttachments: false,
    });
    expect(refuseAddThread(guest, DEFAULT_GUEST_PERMISSIONS)).toBeNull();
    expect(refuseAddComment(guest, DEFAULT_GUEST_PERMISSIONS)).toBeNull();
    expect(en(refuseAddThread(guest, { ...DEFAULT_GUEST_PERMISSIONS, guestCanAddThreads: false }))).toMatch(/\(S6\)/);
    expect(en(refuseAddComment(guest, { ...DEFAULT_GUEST_PERMISSIONS, guestCanAddComments: false }))).toMatch(/\(S6\)/);
    expect(refuseAddThread(member, { ...DEFAULT_GUEST_PERMISSIONS, guestCanAddThreads: false })).toBeNull();
  });
  it("S5: a guest never edits or deletes someone else's thread or comment, even where S6 allows their own", () => {
    const all = { ...DEFAULT_GUEST_PERMISSIONS, guestCanEditThreads: true, guestCanDeleteThreads: true, guestCanDeleteComments: true };
    expect(en(refuseChangeThread(guest, 'member', IN, all, 'edit'))).toBe('Guests may not edit threads created by someone else (S5).');
    expect(en(refuseChangeThread(guest, 'member', IN, all, 'delete'))).toBe('Guests may not delete threads created by someone else (S5).');
    expect(refuseChangeThread(guest, 'guest', IN, all, 'edit')).toBeNull();
    expect(en(refuseChangeThread(guest, 'guest', IN, DEFAULT_GUEST_PERMISSIONS, 'edit'))).toMatch(/\(S6\)/);
    expect(en(refuseDeleteComment(guest, 'member', IN, all))).toMatch(/\(S5\)/);
    expect(refuseDeleteComment(guest, 'guest', IN, all)).toBeNull();
    expect(en(refuseDeleteComment(guest, 'guest', IN, DEFAULT_GUEST_PERMISSIONS))).toMatch(/\(S6\)/);
  });
  it('members change their own threads; space administrators change anyone\'s', () => {
    expect(refuseChangeThread(member, 'member', IN, DEFAULT_GUEST_PERMISSIONS, 'edit')).toBeNull();
    expect(en(refuseChangeThread(member, 'other', IN, DEFAULT_GUEST_PERMISSIONS, 'delete'))).toMatch(/Only the author/);
    expect(refuseChangeThread(member, 'other', ADMIN_OF, DEFAULT_GUEST_PERMISSIONS, 'delete')).toBeNull();
  });
});

describe('guest policy (S7)', () => {
  it('KINTONE: a guest may be in many guest spaces', () => {
    expect(refuseJoinUnderPolicy('KINTONE', ['a', 'b'], 'c')).toBeNull();
  });
  it('SINGLE_SPACE: exactly one space at a time; re-joining the same space is fine', () => {
    expect(refuseJoinUnderPolicy('SINGLE_SPACE', [], 'c')).toBeNull();
    expect(refuseJoinUnderPolicy('SINGLE_SPACE', ['c'], 'c')).toBeNull();
    expect(en(refuseJoinUnderPolicy('SINGLE_SPACE', ['a'], 'c'))).toMatch(/single space \(S7\)/);
  });
});

describe('user visibility across guest spaces (S2, S3, S5)', () => {
  const theGuest = { id: 'guest', tenantId: T, kind: 'GUEST' as const };
  const otherGuest = { id: 'guest2', tenantId: T, kind: 'GUEST' as const };
  const aMember = { id: 'member2', tenantId: T, kind: 'MEMBER' as const };
  it('S3: a guest sees the people who share a guest space with them, nobody else', () => {
    const shared = new Set(['guest', 'member2']);
    expect(canSeeUser(guest, aMember, shared)).toBe(true);
    expect(canSeeUser(guest, otherGuest, shared)).toBe(false);
    expect(canSeeUser(guest, { ...aMember, id: 'member3' }, shared)).toBe(false);
  });
  it('S2: a member sees a guest only through a guest space they share', () => {
    expect(canSeeUser(member, theGuest, new Set())).toBe(false);
    expect(canSeeUser(member, theGuest, new Set(['guest']))).toBe(true);
  });
  it('T1: a shared id never crosses tenants', () => {
    expect(canSeeUser(stranger, theGuest, new Set(['guest']))).toBe(false);
  });
  it('S5: a guest profile has no comment box', () => {
    expect(canReceiveComments(theGuest)).toBe(false);
    expect(canReceiveComments(aMember)).toBe(true);
  });
});
