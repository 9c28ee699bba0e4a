import type { Viewer } from '@kyodo/auth';
import { createBatchWave, createByIdLoader, createGroupLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { loadBusinessCalendar } from './calendar.js';
import type { BusinessCalendar } from './domain/business-calendar.js';
import { canSeeInternalNotes, canSeeTicket } from './domain/ticket-access.js';
import { SupportProductVersion } from './entities/support-product.entity.js';
import { SupportRegistrant } from './entities/support-registrant.entity.js';
import { TicketReply } from './entities/ticket-reply.entity.js';
import { Ticket } from './entities/ticket.entity.js';

export function createSupportLoaders(viewer: Viewer | null, dataSource: DataSource) {
  // one wave per request: the statement count depends on the query, not on which answer came first
  const wave = createBatchWave();
  let calendar: Promise<BusinessCalendar> | undefined;
  return {
    /**
     * Registrants of the viewer's own tenant only: another tenant's users never match, and a
     * guest learns nothing about the tenant's support set-up (S3).
     */
    registrantByUserId: createByIdLoader(
      async (ids) =>
        viewer && viewer.kind === 'MEMBER'
          ? dataSource.getRepository(SupportRegistrant).findBy({ tenantId: viewer.tenantId, userId: In([...ids]) })
          : [],
      (r) => r.userId,
      { wave },
    ),
    /** Internal notes are filtered in the query itself, so no path can hand one to a customer. */
    repliesByTicketId: createGroupLoader(
      (ticketIds) =>
        dataSource.getRepository(TicketReply).find({
          where: canSeeInternalNotes(viewer) ? { ticketId: In([...ticketIds]) } : { ticketId: In([...ticketIds]), internal: false },
          order: { position: 'ASC' },
        }),
      (r) => r.ticketId,
      { wave },
    ),
    /** Tickets the viewer may see; any other id resolves to null, as if it did not exist. */
    ticketById: createByIdLoader(
      async (ids) => (await dataSource.getRepository(Ticket).findBy({ id: In([...ids]) })).filter((t) => canSeeTicket(viewer, t)),
      (t) => t.id,
      { wave },
    ),
    versionsByProductId: createGroupLoader(
      (productIds) => dataSource.getRepository(SupportProductVersion).find({ where: { productId: In([...productIds]) }, order: { version: 'ASC' } }),
      (v) => v.productId,
      { wave },
    ),
    /** The business calendar, read once per request. */
    calendar: () => (calendar ??= loadBusinessCalendar(dataSource.manager)),
  };
}

export type SupportLoaders = ReturnType<typeof createSupportLoaders>;
