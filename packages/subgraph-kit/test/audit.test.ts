import { describe, expect, it } from 'vitest';
import { auditScopeOf, decodeAuditCursor, encodeAuditCursor, mergeAuditPages } from '../src/audit.js';
import { withLanguage } from '../src/refusals.js';

const entry = (at: string, id: string) => ({ at, id });

describe('A1 audit log helpers', () => {
  it('A1: pages from several subgraphs merge newest first, ties by id (descending), into one page of `first`', () => {
    const spaces = [entry('2027-01-03T00:00:00.000Z', 'b'), entry('2027-01-01T00:00:00.000Z', 'a')];
    const licensing = [entry('2027-01-03T00:00:00.000Z', 'c'), entry('2027-01-02T00:00:00.000Z', 'd')];
    const support = [entry('2027-01-04T00:00:00.000Z', 'e')];
    const { entries, hasNextPage } = mergeAuditPages([spaces, licensing, support], 3);
    expect(entries.map((e) => e.id)).toEqual(['e', 'c', 'b']);
    expect(hasNextPage).toBe(true);
    expect(mergeAuditPages([spaces, licensing, support], 5)).toMatchObject({ hasNextPage: false });
  });

  it('A1: a cursor carries (at, id) and nothing a client can forge; a foreign one is BAD_USER_INPUT', () => {
    expect(decodeAuditCursor(encodeAuditCursor(entry('2027-01-03T00:00:00.000Z', 'b')))).toEqual({ at: '2027-01-03T00:00:00.000Z', id: 'b' });
    // I1: outside a request the refusal is in Japanese, the default; in English when the request asks
    expect(() => decodeAuditCursor('not-a-cursor')).toThrow(/この一覧が発行したものではありません/);
    expect(() => withLanguage('en', () => decodeAuditCursor('not-a-cursor'))).toThrow(/not one this list gave out/);
  });

  it("A1: vendor operators read all, a tenant's administrators their tenant's, members and guests are refused, anonymous must sign in", () => {
    expect(auditScopeOf({ userId: 'o', tenantId: 'vendor', kind: 'MEMBER', roles: ['VENDOR_ADMIN'] })).toEqual({ all: true });
    expect(auditScopeOf({ userId: 'a', tenantId: 't1', kind: 'MEMBER', roles: ['ADMIN'] })).toEqual({ tenantId: 't1' });
    for (const viewer of [
      { userId: 'm', tenantId: 't1', kind: 'MEMBER' as const, roles: [] },
      { userId: 'g', tenantId: 't1', kind: 'GUEST' as const, roles: ['ADMIN' as const] },
      { userId: 's', tenantId: 'vendor', kind: 'MEMBER' as const, roles: ['SUPPORT_AGENT' as const] },
    ]) {
      expect(() => auditScopeOf(viewer)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    }
    expect(() => auditScopeOf(null)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });
});
