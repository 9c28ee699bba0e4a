import { describe, expect, it } from 'vitest';
import { currentPeriod, filterAudit, searchTenants, tenantsFromAudit } from '../src/domain/console-rules.js';

const entry = (at: string, action: string, display: string, tenantId: string | null = 't1', after: string | null = null) => ({ at, action, actor: { display }, tenantId, after });

describe('the consoles\' presentation rules', () => {
  const entries = [
    entry('2026-12-01T15:30:00Z', 'member.add', '山田 太郎'), // 2026-12-02 00:30 in Tokyo
    entry('2026-12-01T14:30:00Z', 'member.remove', 'Yamada'), // 2026-12-01 23:30 in Tokyo
    entry('2026-11-20T01:00:00Z', 'priceRow.add', 'operator@vendor.example', null),
  ];
  const none = { action: '', actor: '', from: '', to: '', tenantId: '' };

  it('A1: filters the loaded audit entries by action, actor, Tokyo dates and tenant', () => {
    expect(filterAudit(entries, none)).toHaveLength(3);
    expect(filterAudit(entries, { ...none, action: 'member.add' }).map((e) => e.actor.display)).toEqual(['山田 太郎']);
    expect(filterAudit(entries, { ...none, actor: 'YAMADA' }).map((e) => e.action)).toEqual(['member.remove']);
    // days are Tokyo days: 15:30 UTC on the 1st is already the 2nd
    expect(filterAudit(entries, { ...none, from: '2026-12-02' }).map((e) => e.action)).toEqual(['member.add']);
    expect(filterAudit(entries, { ...none, to: '2026-12-01' }).map((e) => e.action)).toEqual(['member.remove', 'priceRow.add']);
    expect(filterAudit(entries, { ...none, tenantId: 't1' })).toHaveLength(2);
  });

  it('T4: lists onboarded tenants (with the first administrator’s email) from tenant.create entries, and finds them by name, sub-domain or id in any width', () => {
    const tenants = tenantsFromAudit([
      entry('2026-12-01T00:00:00Z', 'tenant.create', 'op', 'tn-1', JSON.stringify({ subdomain: 'momiji', name: '株式会社もみじ商事', admin: { id: 'u-1', email: 'admin@momiji.example' }, contract: { course: 'LIGHT', billingCycle: 'MONTHLY', memberSeats: 5, startsOn: '2027-01-05' } })),
      entry('2026-12-01T00:00:00Z', 'member.add', 'op', 'tn-1'),
      entry('2026-12-01T00:00:00Z', 'tenant.create', 'op', 'tn-2', 'not json'),
    ]);
    // the first administrator's email prefills "send a new set-password link" (T4)
    expect(tenants.map((t) => [t.id, t.subdomain, t.name, t.contract?.memberSeats, t.adminEmail])).toEqual([
      ['tn-1', 'momiji', '株式会社もみじ商事', 5, 'admin@momiji.example'],
      ['tn-2', '', 'tn-2', undefined, null],
    ]);
    expect(searchTenants(tenants, 'ＭＯＭＩＪＩ').map((t) => t.id)).toEqual(['tn-1']);
    expect(searchTenants(tenants, 'もみじ').map((t) => t.id)).toEqual(['tn-1']);
    expect(searchTenants(tenants, 'tn-2').map((t) => t.id)).toEqual(['tn-2']);
    expect(searchTenants(tenants, '  ')).toHaveLength(2);
  });

  it('L16: the default billing period is the Tokyo month', () => {
    expect(currentPeriod(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12');
    expect(currentPeriod(new Date('2026-11-30T14:59:00Z'))).toBe('2026-11');
  });
});
