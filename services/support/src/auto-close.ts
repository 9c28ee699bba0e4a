import { jobLeaseMsFrom, jobLeases, type BackgroundRuntime } from '@kyodo/subgraph-kit';
import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { AUTO_CLOSE_DAYS, autoCloseAt } from './domain/ticket-lifecycle.js';
import { Ticket } from './entities/ticket.entity.js';
import { publishTicketUpdated } from './ticket-live.js';

/**
 * P8: closes every ticket SOLVED for AUTO_CLOSE_DAYS, dated the moment it became due. Runs
 * before tickets are read (so what a reader sees is already right, whatever the clock says)
 * and periodically in the background. The status guard makes a concurrent reopen win.
 */
export async function closeSolvedTickets(manager: EntityManager, now: Date, onClosed?: (ticket: Pick<Ticket, 'id' | 'tenantId'>) => Promise<void>): Promise<number> {
  const cutoff = new Date(now.getTime() - AUTO_CLOSE_DAYS * 24 * 60 * 60 * 1000);
  const due = await manager.getRepository(Ticket).find({
    select: { id: true, tenantId: true, solvedAt: true },
    where: { status: 'SOLVED', solvedAt: LessThanOrEqual(cutoff) },
  });
  let closed = 0;
  for (const ticket of due) {
    const result = await manager.update(Ticket, { id: ticket.id, status: In(['SOLVED']) }, { status: 'CLOSED', closedAt: autoCloseAt(ticket.solvedAt!) });
    closed += result.affected ?? 0;
    // each close is its own committed statement: its subscribers hear of it (ticketUpdated)
    if (result.affected) await onClosed?.(ticket);
  }
  return closed;
}

export const AUTO_CLOSE_SWEEP_MS = 5 * 60 * 1000;

/** The sweep's lease: with N replicas one sweeps at a time (the others skip that round). */
export const AUTO_CLOSE_LEASE = 'support:auto-close';

/** The periodic sweep, under a lease (P8: one replica closes and publishes each ticket once); unref'd so it never keeps a process alive, and awaited on close. */
export function startAutoCloseSweep({ dataSource, clock, logger, deps }: BackgroundRuntime, everyMs = AUTO_CLOSE_SWEEP_MS): () => Promise<void> {
  const leases = jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(deps.env) });
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running || !dataSource.isInitialized) return;
    running = leases
      .run(AUTO_CLOSE_LEASE, () => closeSolvedTickets(dataSource.manager, clock.now(), (ticket) => publishTicketUpdated({ deps, logger }, ticket)))
      .then(({ value: closed }) => {
        if (closed) logger.info('auto-closed solved tickets', { closed });
      })
      .catch((error: unknown) => logger.warn('auto-close sweep failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
