import type { Viewer } from '@kyodo/auth';
import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, isLocked, LOCK_MINUTES, MAX_FAILURES, type SignInState } from '../src/domain/sign-in.js';
import { canSeeTenant, canSeeUser, type UserRow } from '../src/domain/visibility.js';

const NOW = new Date('2026-11-21T01:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const fresh: SignInState = { failedSignIns: 0, lockedUntil: null };

describe('sign-in lockout (T3)', () => {
  it('allows MAX_FAILURES - 1 wrong passwords in a row without locking, counting each', () => {
    let state = fresh;
    for (let i = 1; i < MAX_FAILURES; i++) {
      state = afterFailure(state, NOW);
      expect(state).toEqual({ failedSignIns: i, lockedUntil: null });
      expect(isLocked(state, NOW)).toBe(false);
    }
  });

  it(`locks for ${LOCK_MINUTES} minutes on the ${MAX_FAILURES}th wrong password in a row`, () => {
    expect(MAX_FAILURES).toBe(5);
    expect(LOCK_MINUTES).toBe(15);
    const locked = afterFailure({ failedSignIns: MAX_FAILURES - 1, lockedUntil: null }, NOW);
    expect(locked.lockedUntil).toEqual(minutes(15));
    expect(isLocked(locked, NOW)).toBe(true);
    expect(isLocked(locked, minutes(14.99))).toBe(true);
  });

  it('the lock ends by itself: not locked at the exact end or after it', () => {
    const locked: SignInState = { failedSignIns: 0, lockedUntil: minutes(15) };
    expect(isLocked(locked, minutes(15))).toBe(false);
    expect(isLocked(locked, minutes(16))).toBe(false);
  });

  it('a wrong password while locked does not lift or shorten the lock', () => {
    const locked: SignInState = { failedSignIns: 0, lockedUntil: minutes(15) };
    const after = afterFailure(locked, minutes(5));
    expect(isLocked(after, minutes(5))).toBe(true);
    expect(after.lockedUntil!.getTime()).toBeGreaterThanOrEqual(minutes(15).getTime());
  });

  it('after a lock has run out the count starts again: one failure is not a new lock', () => {
    const expired: SignInState = { failedSignIns: 0, lockedUntil: minutes(-1) };
    expect(afterFailure(expired, NOW)).toEqual({ failedSignIns: 1, lockedUntil: null });
    // a stale count left beside an expired lock is not carried over
    expect(afterFailure({ failedSignIns: 4, lockedUntil: minutes(-1) }, NOW)).toEqual({ failedSignIns: 1, lockedUntil: null });
  });

  it('a successful sign-in resets the count and the lock', () => {
    expect(afterSuccess()).toEqual({ failedSignIns: 0, lockedUntil: null });
    // and a failure after it starts from one again
    expect(afterFailure(afterSuccess(), NOW)).toEqual({ failedSignIns: 1, lockedUntil: null });
  });
});

describe('visibility (T1, S2, S3)', () => {
  const TENANT = 'tenant-a';
  const OTHER = 'tenant-b';
  const admin: Viewer = { userId: 'admin', tenantId: TENANT, kind: 'MEMBER', roles: ['ADMIN'] };
  const member: Viewer = { userId: 'member', tenantId: TENANT, kind: 'MEMBER', roles: [] };
  const guestViewer: Viewer = { userId: 'guest', tenantId: TENANT, kind: 'GUEST', roles: [] };
  const otherAdmin: Viewer = { userId: 'other-admin', tenantId: OTHER, kind: 'MEMBER', roles: ['ADMIN'] };

  const aMember: UserRow = { id: 'member2', tenantId: TENANT, kind: 'MEMBER' };
  const theGuest: UserRow = { id: 'guest', tenantId: TENANT, kind: 'GUEST' };
  const anotherGuest: UserRow = { id: 'guest2', tenantId: TENANT, kind: 'GUEST' };

  it('anonymous callers see no user and no tenant', () => {
    expect(canSeeUser(null, aMember)).toBe(false);
    expect(canSeeUser(null, theGuest)).toBe(false);
    expect(canSeeTenant(null, TENANT)).toBe(false);
  });

  it("T1: nobody sees another tenant's users or the tenant itself, administrators included", () => {
    expect(canSeeUser(otherAdmin, aMember)).toBe(false);
    expect(canSeeUser(otherAdmin, theGuest)).toBe(false);
    expect(canSeeTenant(otherAdmin, TENANT)).toBe(false);
    expect(canSeeTenant(admin, OTHER)).toBe(false);
    // same user id in another tenant is still another tenant's user
    expect(canSeeUser(admin, { id: 'admin', tenantId: OTHER, kind: 'MEMBER' })).toBe(false);
  });

  it('members see the members of their own tenant and their tenant', () => {
    expect(canSeeUser(member, aMember)).toBe(true);
    expect(canSeeUser(admin, aMember)).toBe(true);
    expect(canSeeTenant(member, TENANT)).toBe(true);
  });

  it('S2: a plain member does not see guests (guests never appear in internal listings); an administrator does', () => {
    expect(canSeeUser(member, theGuest)).toBe(false);
    expect(canSeeUser(admin, theGuest)).toBe(true);
  });

  it('S3: a guest sees only themselves: not the member directory, not other guests', () => {
    expect(canSeeUser(guestViewer, theGuest)).toBe(true);
    expect(canSeeUser(guestViewer, anotherGuest)).toBe(false);
    expect(canSeeUser(guestViewer, aMember)).toBe(false);
    expect(canSeeUser(guestViewer, { id: 'admin', tenantId: TENANT, kind: 'MEMBER' })).toBe(false);
    // the tenant a guest was invited into is visible to them (its name shows in their header)
    expect(canSeeTenant(guestViewer, TENANT)).toBe(true);
    expect(canSeeTenant(guestViewer, OTHER)).toBe(false);
  });

  it("the vendor's support agents see customers' members and their tenant, never guests (P1 requesters)", () => {
    const agent: Viewer = { userId: 'agent', tenantId: 'vendor', kind: 'MEMBER', roles: ['SUPPORT_AGENT'] };
    expect(canSeeUser(agent, aMember)).toBe(true);
    expect(canSeeTenant(agent, TENANT)).toBe(true);
    expect(canSeeUser(agent, theGuest)).toBe(false);
    // the role means nothing on a guest token
    const guestWithRole: Viewer = { ...guestViewer, tenantId: 'vendor', roles: ['SUPPORT_AGENT'] };
    expect(canSeeUser(guestWithRole, aMember)).toBe(false);
    expect(canSeeTenant(guestWithRole, TENANT)).toBe(false);
  });

  it('S3: a guest token carrying an ADMIN role still sees only themselves', () => {
    const guestWithRole: Viewer = { ...guestViewer, roles: ['ADMIN'] };
    expect(canSeeUser(guestWithRole, aMember)).toBe(false);
    expect(canSeeUser(guestWithRole, anotherGuest)).toBe(false);
  });
});
