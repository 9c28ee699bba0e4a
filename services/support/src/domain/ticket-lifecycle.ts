import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { SupportRefusalKey } from '../refusals/refusals.js';

/**
 * P8 as a state machine. NEW -> OPEN (an agent picks the ticket up or answers) -> PENDING
 * (waiting on the customer) -> SOLVED -> CLOSED. A customer reply reopens PENDING and SOLVED;
 * CLOSED is final (a reply makes a follow-up ticket); nothing ever returns to NEW.
 */
export const TICKET_STATUSES = ['NEW', 'OPEN', 'PENDING', 'SOLVED', 'CLOSED'] as const;
export type TicketStatusValue = (typeof TICKET_STATUSES)[number];

/** The statuses the support desk still has work on. */
export const OPEN_STATUSES: readonly TicketStatusValue[] = ['NEW', 'OPEN', 'PENDING'];

/** A SOLVED ticket closes itself this many days later (P8: "some days after SOLVED"). */
export const AUTO_CLOSE_DAYS = 7;

const ALLOWED: Record<TicketStatusValue, readonly TicketStatusValue[]> = {
  // an out-of-scope ticket is answered and solved at once; an agent may ask for details first
  NEW: ['OPEN', 'PENDING', 'SOLVED'],
  OPEN: ['PENDING', 'SOLVED'],
  PENDING: ['OPEN', 'SOLVED'],
  SOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

/** Why the ticket may not go from `from` to `to` (the refusal naming both); null when it may. */
export function transitionRefusal(from: TicketStatusValue, to: TicketStatusValue): RefusalOf<SupportRefusalKey> | null {
  if (ALLOWED[from].includes(to)) return null;
  if (from === to) return { key: 'statusUnchanged', params: { status: to } };
  if (from === 'CLOSED') return { key: 'closedIsFinal', params: { to } };
  if (to === 'NEW') return { key: 'neverBackToNew', params: { from } };
  if (to === 'CLOSED') return { key: 'closesByItself', params: { from, days: AUTO_CLOSE_DAYS } };
  return { key: 'transitionRefused', params: { from, to } };
}

export function canTransition(from: TicketStatusValue, to: TicketStatusValue): boolean {
  return transitionRefusal(from, to) === null;
}

/** What a public answer from the support side does: the first one picks a NEW ticket up. */
export function statusAfterAgentReply(status: TicketStatusValue): TicketStatusValue {
  return status === 'NEW' ? 'OPEN' : status;
}

/**
 * What a customer's reply does: reopens PENDING and SOLVED; on a CLOSED ticket it cannot
 * change anything and becomes a follow-up ticket instead.
 */
export function statusAfterCustomerReply(status: TicketStatusValue): TicketStatusValue | 'FOLLOW_UP' {
  if (status === 'CLOSED') return 'FOLLOW_UP';
  return status === 'PENDING' || status === 'SOLVED' ? 'OPEN' : status;
}

/** When a ticket solved at `solvedAt` closes itself. */
export function autoCloseAt(solvedAt: Date): Date {
  return new Date(solvedAt.getTime() + AUTO_CLOSE_DAYS * 24 * 60 * 60 * 1000);
}

export function isDueForAutoClose(ticket: { status: TicketStatusValue; solvedAt: Date | null }, now: Date): boolean {
  return ticket.status === 'SOLVED' && ticket.solvedAt !== null && autoCloseAt(ticket.solvedAt).getTime() <= now.getTime();
}

/**
 * P7: late when past due without a public reply from the support side. Once answered a
 * ticket is never late, however long the rest of the conversation takes.
 */
export function isLate(ticket: { dueAt: Date; firstResponseAt: Date | null }, now: Date): boolean {
  return ticket.firstResponseAt === null && ticket.dueAt.getTime() < now.getTime();
}
