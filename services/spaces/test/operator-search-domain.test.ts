import { describe, expect, it } from 'vitest';
import { auditFilterOf } from '../src/domain/audit-filter.js';
import { compareTenants, normaliseForSearch, pageOfTenants, tenantMatches } from '../src/domain/tenant-search.js';

describe('T4: the tenant search folds like cards\' search', () => {
  it('width, case, katakana and spaces fold on both sides', () => {
    expect(normaliseForSearch('  ＫＡＥＤＥ　Kogyo ')).toBe('kaede kogyo');
    expect(normaliseForSearch('ｻｸﾗ')).toBe('さくら');
    expect(tenantMatches({ name: 'サクラ商事', subdomain: 'sakura' }, 'さくら')).toBe(true);
    expect(tenantMatches({ name: '楓工業', subdomain: 'kaede-kogyo' }, 'ＫＡＥＤＥ')).toBe(true);
    expect(tenantMatches({ name: '楓工業', subdomain: 'kaede-kogyo' }, 'sakura')).toBe(false);
    expect(tenantMatches({ name: '楓工業', subdomain: 'kaede-kogyo' }, '   ')).toBe(true);
  });

  it('newest first, ties by id; a page after a position continues right after it', () => {
    const list = [
      { at: '2030-01-01T00:00:00.000Z', id: 'a' },
      { at: '2030-01-02T00:00:00.000Z', id: 'b' },
      { at: '2030-01-02T00:00:00.000Z', id: 'c' },
    ].sort(compareTenants);
    expect(list.map((t) => t.id)).toEqual(['c', 'b', 'a']);
    expect(pageOfTenants(list, null, 2)).toEqual({ page: [list[0], list[1]], hasNextPage: true });
    expect(pageOfTenants(list, list[1]!, 2)).toEqual({ page: [list[2]], hasNextPage: false });
  });
});

describe('A1: the audit filter in instants', () => {
  it('from and to are Tokyo days, both inclusive: from its midnight to the midnight after `to` (UTC, as entries are stored)', () => {
    expect(auditFilterOf({ from: '2027-01-01', to: '2027-01-31' })).toEqual({ action: null, tenantId: null, atFrom: '2026-12-31T15:00:00.000Z', atBefore: '2027-01-31T15:00:00.000Z' });
    expect(auditFilterOf({ to: '2027-12-31' }).atBefore).toBe('2027-12-31T15:00:00.000Z');
  });

  it('blank parts filter nothing', () => {
    expect(auditFilterOf({ action: '  ', tenantId: '', from: null, to: undefined })).toEqual({ action: null, tenantId: null, atFrom: null, atBefore: null });
    expect(auditFilterOf({ action: ' member.add ' }).action).toBe('member.add');
  });
});
