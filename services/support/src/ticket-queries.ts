import { decodeCursor, encodeCursor, kitRefusals } from '@kyodo/subgraph-kit';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES } from './domain/ticket-lifecycle.js';
import { Ticket } from './entities/ticket.entity.js';
import { supportRefusals } from './refusals/refusals.js';
import type { TicketConnection } from './types/ticket-connection.type.js';

/** `myTickets`: the tenant's tickets, newest first. */
export async function tenantTicketsPage(manager: EntityManager, tenantId: string, first: number, after: string | null | undefined): Promise<TicketConnection> {
  const qb = manager.getRepository(Ticket).createQueryBuilder('t').where('t.tenantId = :tenantId', { tenantId });
  if (after) {
    const cursor = decodeCursor(after, ['createdAt', 'id']);
    const createdAt = validDate(cursor.createdAt);
    qb.andWhere(new Brackets((w) => w.where('t.createdAt < :createdAt', { createdAt }).orWhere('(t.createdAt = :createdAt AND t.id < :id)', { id: cursor.id })));
  }
  const rows = await qb.orderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'DESC').limit(first + 1).getMany();
  return connection(rows.slice(0, first), rows.length > first, (t) => encodeCursor({ createdAt: t.createdAt.toISOString(), id: t.id }));
}

type Segment = 'late' | 'onTime';

/**
 * `supportQueue`: tickets the desk still has work on, late ones first (P7), each part by due
 * time. "Late" depends on now, so the queue is read as two keyset-paged segments: late, then
 * the rest; a cursor says which segment it is in.
 */
export async function supportQueuePage(
  manager: EntityManager,
  now: Date,
  first: number,
  after: string | null | undefined,
  lateOnly: boolean,
): Promise<TicketConnection> {
  const segments: Segment[] = lateOnly ? ['late'] : ['late', 'onTime'];
  let start = 0;
  let key: { dueAt: Date; id: string } | undefined;
  if (after) {
    const cursor = decodeCursor(after, ['segment', 'dueAt', 'id']);
    start = segments.indexOf(cursor.segment as Segment);
    if (start < 0) throw supportRefusals.refuse('queueCursorOtherView');
    key = { dueAt: validDate(cursor.dueAt), id: cursor.id };
  }
  const rows: Array<{ segment: Segment; ticket: Ticket }> = [];
  for (let i = start; i < segments.length && rows.length <= first; i++) {
    const segment = segments[i]!;
    const qb = manager.getRepository(Ticket).createQueryBuilder('t').where('t.status IN (:...open)', { open: OPEN_STATUSES });
    inSegment(qb, segment, now);
    if (i === start && key) {
      qb.andWhere(new Brackets((w) => w.where('t.dueAt > :dueAt', { dueAt: key.dueAt }).orWhere('(t.dueAt = :dueAt AND t.id > :id)', { id: key.id })));
    }
    const found = await qb.orderBy('t.dueAt', 'ASC').addOrderBy('t.id', 'ASC').limit(first + 1 - rows.length).getMany();
    rows.push(...found.map((ticket) => ({ segment, ticket })));
  }
  const page = rows.slice(0, first);
  const edges = page.map(({ segment, ticket }) => ({ node: ticket, cursor: encodeCursor({ segment, dueAt: ticket.dueAt.toISOString(), id: ticket.id }) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The SQL form of domain `isLate`: past due, and no public reply from the support side yet. */
function inSegment(qb: SelectQueryBuilder<Ticket>, segment: Segment, now: Date): void {
  if (segment === 'late') qb.andWhere('t.firstResponseAt IS NULL AND t.dueAt < :now', { now });
  else qb.andWhere('(t.firstResponseAt IS NOT NULL OR t.dueAt >= :now)', { now });
}

function validDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw kitRefusals.refuse('foreignCursor');
  return date;
}

function connection(tickets: Ticket[], hasNextPage: boolean, cursorOf: (t: Ticket) => string): TicketConnection {
  const edges = tickets.map((node) => ({ node, cursor: cursorOf(node) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
