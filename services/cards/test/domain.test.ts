import type { Viewer } from '@kyodo/auth';
import { describe, expect, it } from 'vitest';
import { checkCardFields, containsPattern, normaliseForSearch, samePersonKeys, searchTextOf } from '../src/domain/card-fields.js';
import { quotaExceededParams, remaining, scanFits, sidesCounted, usedAtMostForScan } from '../src/domain/quota.js';
import { canSeeCard, limitKeepsAuthor } from '../src/domain/visibility.js';

const T = 'tenant-a';
const member: Viewer = { userId: 'u1', tenantId: T, kind: 'MEMBER', roles: [] };
const admin: Viewer = { userId: 'u2', tenantId: T, kind: 'MEMBER', roles: ['ADMIN'] };
const guest: Viewer = { userId: 'g1', tenantId: T, kind: 'GUEST', roles: [] };

describe('C3 visibility', () => {
  it('C3: tenant-wide by default; limited cards only inside a named group, for admins too', () => {
    expect(canSeeCard(member, new Set(), { tenantId: T, groupIds: [] })).toBe(true);
    expect(canSeeCard(member, new Set(['g-a']), { tenantId: T, groupIds: ['g-a', 'g-b'] })).toBe(true);
    expect(canSeeCard(member, new Set(['g-c']), { tenantId: T, groupIds: ['g-a'] })).toBe(false);
    expect(canSeeCard(admin, new Set(), { tenantId: T, groupIds: ['g-a'] })).toBe(false);
  });
  it('C3/S3/T1: guests, anonymous callers and other tenants see nothing', () => {
    expect(canSeeCard(guest, new Set(['g-a']), { tenantId: T, groupIds: [] })).toBe(false);
    expect(canSeeCard(null, new Set(), { tenantId: T, groupIds: [] })).toBe(false);
    expect(canSeeCard({ ...member, tenantId: 'other' }, new Set(), { tenantId: T, groupIds: [] })).toBe(false);
  });
  it('C3: a limit must keep its author inside', () => {
    expect(limitKeepsAuthor([], new Set())).toBe(true);
    expect(limitKeepsAuthor(['g-a'], new Set(['g-a']))).toBe(true);
    expect(limitKeepsAuthor(['g-a'], new Set(['g-b']))).toBe(false);
  });
});

describe('L15 quota', () => {
  it('L15: a side counts 1, a two-sided scan 2; nothing else is a scan', () => {
    expect([0, 1, 2, 3, 1.5].map(sidesCounted)).toEqual([null, 1, 2, null, null]);
  });
  it('L15: a scan fits only whole; the refusal gives the numbers', () => {
    const q = { included: 1000, purchased: 0, used: 999 };
    expect(scanFits(q, 1)).toBe(true);
    expect(scanFits(q, 2)).toBe(false);
    expect(remaining(q)).toBe(1);
    expect(scanFits({ ...q, purchased: 100 }, 2)).toBe(true);
    expect(quotaExceededParams(q, 2)).toEqual({ sides: 2, remaining: 1, limit: 1000, included: 1000, purchased: 0, used: 999 });
  });
  it('L15: the bound recordScan\'s conditional UPDATE uses is the one scanFits applies', () => {
    const q = { included: 1000, purchased: 0 };
    expect([usedAtMostForScan(q, 1), usedAtMostForScan(q, 2), usedAtMostForScan({ included: 1000, purchased: 1000 }, 2)]).toEqual([999, 998, 1998]);
    for (const used of [997, 998, 999, 1000]) for (const sides of [1, 2]) expect(scanFits({ ...q, used }, sides)).toBe(used <= usedAtMostForScan(q, sides));
  });
});

describe('C1 fields and search', () => {
  it('C1: checks every field and reports all problems at once', () => {
    const { problems } = checkCardFields({ name: '', email: 'x', exchangedOn: '2025-13-01', language: 'fr' as never, url: 'ftp://x' });
    expect(problems.map((p) => p.field).sort()).toEqual(['email', 'exchangedOn', 'language', 'name', 'url']);
    expect(problems.map((p) => p.key).sort()).toEqual(['emailInvalid', 'exchangedOnInvalid', 'languageInvalid', 'nameRequired', 'urlInvalid']);
    const { fields } = checkCardFields({ name: ' 山田 ', email: 'A@B.JP', phones: [' 03-1111-2222 ', ''] });
    expect(fields).toMatchObject({ name: '山田', email: 'a@b.jp', phones: ['03-1111-2222'], language: 'ja', addresses: [] });
  });
  it('search folds width, case and kana, and escapes LIKE wildcards', () => {
    expect(normaliseForSearch('ﾔﾏﾀﾞ ＴＡＲＯ')).toBe('やまだ taro');
    expect(searchTextOf({ name: '山田 太郎', nameReading: 'ヤマダ タロウ', company: null, email: null })).toContain('やまだたろう');
    expect(containsPattern('100%_!')).toBe('%100!%!_!!%');
  });
  it('same person: same email, or same name and company', () => {
    expect(samePersonKeys({ name: '山田', company: 'A社', email: 'Y@A.JP' })).toEqual(['email:y@a.jp', 'name+company:山田|A社']);
    expect(samePersonKeys({ name: '山田', company: null, email: null })).toEqual([]);
  });
});
