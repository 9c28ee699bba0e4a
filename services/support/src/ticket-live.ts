import { liveEvents, publishLive, requireViewer, type RequestContext } from '@kyodo/subgraph-kit';
import type { SupportContext } from './context.js';
import { canSeeTicket, isSupportAgent } from './domain/ticket-access.js';
import type { Ticket } from './entities/ticket.entity.js';
import { supportRefusals } from './refusals/refusals.js';

export const TICKET_UPDATED = 'ticketUpdated';

/** After a ticket's transaction commits (opened, replied to, moved, auto-closed): ids only. */
export async function publishTicketUpdated(ctx: Pick<RequestContext, 'deps' | 'logger'>, ticket: Pick<Ticket, 'id' | 'tenantId'>): Promise<void> {
  await publishLive(ctx, TICKET_UPDATED, { tenantId: ticket.tenantId, ticketId: ticket.id });
}

/**
 * Each ticket change from now on, by the ticket query's rule (canSeeTicket): agents every
 * tenant's tickets, a member of the customer only their own tenant's, a guest nothing (S3).
 * The ticket is read again for every event, as the subscriber, through the same loader.
 */
export async function ticketUpdatedEvents(ctx: SupportContext): Promise<AsyncIterableIterator<Ticket>> {
  const viewer = requireViewer(ctx);
  const agent = isSupportAgent(viewer);
  if (!agent && viewer.kind !== 'MEMBER') throw supportRefusals.refuse('guestsMayNotFollowTickets');
  return liveEvents(ctx, {
    topic: TICKET_UPDATED,
    // T1: another tenant's ticket is not even read for a customer
    concerns: (event) => agent || event.tenantId === viewer.tenantId,
    async load(event, eventCtx) {
      const ticket = await eventCtx.loaders.ticketById.load(event.ticketId!);
      return ticket && canSeeTicket(viewer, ticket) ? ticket : null;
    },
  });
}
