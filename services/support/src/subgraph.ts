import { AuditEntryRecord, createAuditRecordsResolver, defineSubgraph, JobLeaseEntity, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { startAutoCloseSweep } from './auto-close.js';
import { SupportClosingDay } from './entities/support-closing-day.entity.js';
import { SupportLicence } from './entities/support-licence.entity.js';
import { SupportProduct, SupportProductVersion } from './entities/support-product.entity.js';
import { SupportRegistrant } from './entities/support-registrant.entity.js';
import { TicketReply } from './entities/ticket-reply.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { UserRef } from './entities/user.type.js';
import { createSupportLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { supportOwnedIds } from './owned-ids.js';
import { CatalogueResolver, SupportProductVersionResolver } from './resolvers/catalogue.resolver.js';
import { OpenTicketResolver } from './resolvers/open-ticket.resolver.js';
import { RegistrantResolver } from './resolvers/registrant.resolver.js';
import { TicketWorkflowResolver } from './resolvers/ticket-workflow.resolver.js';
import { TicketReplyResolver, TicketResolver } from './resolvers/ticket.resolver.js';
import { UserSupportResolver } from './resolvers/user.resolver.js';
import { seedSupportDemo } from './seed.js';
import { SupportBackOfficeResolver } from './resolvers/back-office.resolver.js';

/** A1: the query spaces' auditLog merges support's entries through (a peer query). */
export const SUPPORT_AUDIT_QUERY = 'supportAuditRecords';

export const supportEntities = [SupportRegistrant, Ticket, TicketReply, SupportProduct, SupportProductVersion, SupportLicence, SupportClosingDay, AuditEntryRecord, JobLeaseEntity];

/** The vendor's support desk: registrants, tickets, the business-hours deadline. */
export const supportSubgraph = defineSubgraph({
  name: 'support',
  resolvers: [
    UserSupportResolver,
    RegistrantResolver,
    OpenTicketResolver,
    TicketWorkflowResolver,
    TicketResolver,
    TicketReplyResolver,
    CatalogueResolver,
    SupportProductVersionResolver,
    SupportBackOfficeResolver,
    createAuditRecordsResolver(SUPPORT_AUDIT_QUERY),
  ],
  orphanedTypes: [UserRef],
  ownedIds: supportOwnedIds,
  entities: supportEntities,
  migrations,
  createLoaders: createSupportLoaders,
  seedDemo: seedSupportDemo,
  background: (runtime) => startAutoCloseSweep(runtime),
});

export const createSupportSubgraph = (deps: SubgraphDeps) => supportSubgraph.create(deps);
