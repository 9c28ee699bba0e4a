import { describe, expect, it } from 'vitest';
import { auditActionChoices, auditQueryOf, contractPhase, currentPeriod, filterByActor } from '../src/domain/console-rules.js';

const entry = (action: string, display: string) => ({ action, actor: { display } });

describe('the consoles\' presentation rules', () => {
  const none = { action: '', actor: '', from: '', to: '', tenantId: '' };

  it('A1: the API filters action, tenant (operators only) and Tokyo days; blanks are left out', () => {
    expect(auditQueryOf(none, true)).toEqual({});
    expect(auditQueryOf({ ...none, action: ' member.add ', from: '2026-12-01', to: '2026-12-31' }, false)).toEqual({ action: 'member.add', from: '2026-12-01', to: '2026-12-31' });
    expect(auditQueryOf({ ...none, tenantId: 'tn-1' }, true)).toEqual({ tenantId: 'tn-1' });
    // an administrator's screen never sends a tenant (the API keeps them to their own anyway)
    expect(auditQueryOf({ ...none, tenantId: 'tn-1' }, false)).toEqual({});
  });

  it('A1: the actor, which the API does not filter, is matched in the loaded entries by part of the name or address, any case', () => {
    const entries = [entry('member.add', '山田 太郎'), entry('member.remove', 'Yamada'), entry('priceRow.add', 'operator@vendor.example')];
    expect(filterByActor(entries, 'YAMADA').map((e) => e.action)).toEqual(['member.remove']);
    expect(filterByActor(entries, '山田').map((e) => e.action)).toEqual(['member.add']);
    expect(filterByActor(entries, '  ')).toHaveLength(3);
  });

  it('A1: the action choices stay whole when the list is already filtered: the known actions and any new one loaded', () => {
    expect(auditActionChoices(['member.add', 'priceRow.add'], [entry('member.add', 'x'), entry('brand.new', 'y')])).toEqual(['brand.new', 'member.add', 'priceRow.add']);
  });

  it('T4/L8/issue 18 #6: a contract is pending until spaces confirms its tenant, cancelling once a cancellation is recorded ahead, cancelled from its day', () => {
    expect(contractPhase({ status: 'ACTIVE', pending: true, cancelledOn: null })).toBe('PENDING');
    expect(contractPhase({ status: 'ACTIVE', pending: false, cancelledOn: null })).toBe('ACTIVE');
    expect(contractPhase({ status: 'ACTIVE', pending: false, cancelledOn: '2027-03-31' })).toBe('CANCELLING');
    expect(contractPhase({ status: 'CANCELLED', pending: false, cancelledOn: '2027-03-31' })).toBe('CANCELLED');
  });

  it('L16: the default billing period is the Tokyo month', () => {
    expect(currentPeriod(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12');
    expect(currentPeriod(new Date('2026-11-30T14:59:00Z'))).toBe('2026-11');
  });
});
