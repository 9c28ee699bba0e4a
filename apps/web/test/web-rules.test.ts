import { describe, expect, it } from 'vitest';
import { afterSignIn, guestsOf, queueOrder, rolesInToken, signInTarget, trialDaysLeft, withComment } from '../src/domain/web-rules.js';
import { initialLang, translate } from '../src/i18n.js';

describe('the web app\'s presentation rules', () => {
  it('L3: counts trial days left in Tokyo, the last day included, never below 0', () => {
    // 2026-11-30 23:30 in Tokyo is still the 30th there, though UTC says the 30th 14:30
    const now = new Date('2026-11-30T14:30:00Z');
    expect(trialDaysLeft('2026-11-30', now)).toBe(1);
    expect(trialDaysLeft('2026-12-29', now)).toBe(30);
    expect(trialDaysLeft('2026-11-01', now)).toBe(0);
    expect(trialDaysLeft(null, now)).toBeNull();
    // 15:00 UTC is midnight in Tokyo: a day has passed there
    expect(trialDaysLeft('2026-11-30', new Date('2026-11-30T15:00:00Z'))).toBe(0);
  });

  it('Q1: the invoice mail\'s link survives sign-in (kept as ?next=), and only a path of this app is followed', () => {
    expect(signInTarget('/licences', 'invoice=42')).toBe('/licences?invoice=42');
    expect(signInTarget('/admin/invoices', '')).toBe('/admin/invoices');
    expect(signInTarget('/', '')).toBeNull();
    expect(signInTarget('/sign-in', 'next=%2Fcards')).toBeNull();
    expect(afterSignIn('/licences?invoice=42')).toBe('/licences?invoice=42');
    expect(afterSignIn(null)).toBe('/spaces');
    // never another origin, nor back to the sign-in screen
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/sign-in?next=/x', '/a\nb']) expect({ bad, to: afterSignIn(bad) }).toEqual({ bad, to: '/spaces' });
  });

  it('keeps a comment once when it arrives twice (the POST answer and a live event), in time order', () => {
    const a = { id: 'a', createdAt: '2026-11-30T01:00:00Z' };
    const b = { id: 'b', createdAt: '2026-11-30T02:00:00Z' };
    expect(withComment(withComment([a], b), b)).toEqual([a, b]);
    expect(withComment([b], a)).toEqual([a, b]);
  });

  it('P7: orders the queue late first, then by due time', () => {
    const now = new Date('2026-11-30T09:00:00Z');
    const soon = { id: 's', isLate: false, dueAt: '2026-11-30T10:00:00Z' };
    const later = { id: 'l', isLate: false, dueAt: '2026-12-01T08:30:00Z' };
    const late = { id: 'x', isLate: true, dueAt: '2026-11-29T08:30:00Z' };
    const overdueNow = { id: 'o', isLate: false, dueAt: '2026-11-30T08:59:00Z' };
    expect(queueOrder([later, soon, late, overdueNow], now).map((t) => t.id)).toEqual(['x', 'o', 's', 'l']);
  });

  it('lists each guest once from the guest spaces only', () => {
    const guest = { id: 'g', kind: 'GUEST' };
    const member = { id: 'm', kind: 'MEMBER' };
    expect(guestsOf([
      { isGuestSpace: true, members: [guest, member] },
      { isGuestSpace: true, members: [guest] },
      { isGuestSpace: false, members: [{ id: 'h', kind: 'GUEST' }] },
    ])).toEqual([guest]);
  });

  it('speaks Japanese first, English when chosen, filling placeholders', () => {
    expect(initialLang(undefined)).toBe('ja');
    expect(initialLang({ getItem: () => 'en' })).toBe('en');
    expect(translate('ja', 'quotaLine', { used: 3, total: 1000, remaining: 997 })).toBe('使用 3 / 1000 面（残り 997 面）');
    expect(translate('en', 'signIn')).toBe('Sign in');
  });
});

describe('rolesInToken', () => {
  it('reads the roles claim of a session token to choose screens, and nothing from a malformed one', () => {
    const claims = btoa(JSON.stringify({ sub: 'u1', roles: ['SUPPORT_AGENT'] })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(rolesInToken(`eyJhbGciOiJFZERTQSJ9.${claims}.sig`)).toEqual(['SUPPORT_AGENT']);
    expect(rolesInToken('not-a-token')).toEqual([]);
  });
});
