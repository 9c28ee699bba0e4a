import { describe, expect, it } from 'vitest';
import {
  autoCloseAt,
  canTransition,
  isDueForAutoClose,
  isLate,
  statusAfterAgentReply,
  statusAfterCustomerReply,
  TICKET_STATUSES,
  transitionRefusal,
  type TicketStatusValue,
} from '../src/domain/ticket-lifecycle.js';
import { supportRefusals } from '../src/refusals/refusals.js';

/** The refusal of a transition as an English reader gets it; null when allowed. */
function refusalText(from: TicketStatusValue, to: TicketStatusValue): string | null {
  const refusal = transitionRefusal(from, to);
  return refusal && supportRefusals.message(refusal.key, 'en', refusal.params);
}

const ALLOWED = new Set(['NEW>OPEN', 'NEW>PENDING', 'NEW>SOLVED', 'OPEN>PENDING', 'OPEN>SOLVED', 'PENDING>OPEN', 'PENDING>SOLVED', 'SOLVED>OPEN', 'SOLVED>CLOSED']);
const EVERY_PAIR = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as [TicketStatusValue, TicketStatusValue]));

describe('P8 ticket lifecycle', () => {
  it.each(EVERY_PAIR.filter(([from, to]) => ALLOWED.has(`${from}>${to}`)))('P8: %s -> %s is allowed', (from, to) => {
    expect(transitionRefusal(from, to)).toBeNull();
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(EVERY_PAIR.filter(([from, to]) => !ALLOWED.has(`${from}>${to}`)))('P8: %s -> %s is refused with a message naming both', (from, to) => {
    const refusal = refusalText(from, to);
    expect(refusal).toEqual(expect.any(String));
    expect(refusal).toContain(to);
    if (from !== to) expect(refusal).toContain(from);
    expect(canTransition(from, to)).toBe(false);
  });

  it('P8: nothing goes back to NEW, and CLOSED is final', () => {
    for (const from of TICKET_STATUSES) expect(canTransition(from, 'NEW')).toBe(false);
    for (const to of TICKET_STATUSES) expect(canTransition('CLOSED', to)).toBe(false);
    expect(refusalText('OPEN', 'NEW')).toMatch(/back to NEW/);
    expect(refusalText('CLOSED', 'OPEN')).toMatch(/follow-up/);
    expect(refusalText('PENDING', 'CLOSED')).toMatch(/7 days after it is SOLVED/);
  });

  it.each([
    ['NEW', 'OPEN'],
    ['OPEN', 'OPEN'],
    ['PENDING', 'PENDING'],
    ['SOLVED', 'SOLVED'],
  ] as const)('P8: an agent\'s public reply on %s leaves it %s', (from, to) => {
    expect(statusAfterAgentReply(from)).toBe(to);
  });

  it.each([
    ['NEW', 'NEW'],
    ['OPEN', 'OPEN'],
    ['PENDING', 'OPEN'],
    ['SOLVED', 'OPEN'],
    ['CLOSED', 'FOLLOW_UP'],
  ] as const)('P8: a customer reply on %s gives %s', (from, to) => {
    expect(statusAfterCustomerReply(from)).toBe(to);
  });

  it('P8: a SOLVED ticket is due to close 7 days after it was solved, not a millisecond earlier', () => {
    const solvedAt = new Date('2025-11-19T03:00:00Z');
    expect(autoCloseAt(solvedAt).toISOString()).toBe('2025-11-26T03:00:00.000Z');
    expect(isDueForAutoClose({ status: 'SOLVED', solvedAt }, new Date('2025-11-26T02:59:59.999Z'))).toBe(false);
    expect(isDueForAutoClose({ status: 'SOLVED', solvedAt }, new Date('2025-11-26T03:00:00Z'))).toBe(true);
    expect(isDueForAutoClose({ status: 'OPEN', solvedAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('P7: late = past due without a public reply from support', () => {
    const dueAt = new Date('2025-11-20T08:30:00Z');
    expect(isLate({ dueAt, firstResponseAt: null }, new Date('2025-11-20T08:30:00Z'))).toBe(false);
    expect(isLate({ dueAt, firstResponseAt: null }, new Date('2025-11-20T08:30:01Z'))).toBe(true);
    expect(isLate({ dueAt, firstResponseAt: new Date('2025-11-20T07:00:00Z') }, new Date('2025-12-01T00:00:00Z'))).toBe(false);
  });
});
