import { AuditEntryRecord, createAuditRecordsResolver, defineSubgraph, JobLeaseEntity, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { CardExportGrant } from './entities/card-export-grant.entity.js';
import { CardGroup } from './entities/card-group.entity.js';
import { CardImportError, CardImportJob } from './entities/card-import-job.entity.js';
import { CardQuotaUsage } from './entities/card-quota-usage.entity.js';
import { Card } from './entities/card.entity.js';
import { PeerCardDigitisation, PeerFeedCursor, PeerGroupMembership } from './entities/peer-copy.entity.js';
import { TenantRef } from './entities/tenant.type.js';
import { UserRef } from './entities/user.type.js';
import { startCardsBackground } from './card-background.js';
import { cardFilesRoute } from './card-files.js';
import { imageStoreEnvSchema } from './image-store.js';
import { peerCopyEnvSchema, startPeerCopies } from './peer-copies.js';
import { admitIntegrationTokenQuery } from './integration-access.js';
import { createCardsLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { cardsOwnedIds } from './owned-ids.js';
import { resolveCardReference } from './resolvers/card.reference.js';
import { CardExportResolver } from './resolvers/card-export.resolver.js';
import { CardImageResolver } from './resolvers/card-image.resolver.js';
import { CardReadingResolver } from './resolvers/card-reading.resolver.js';
import { CardImportResolver } from './resolvers/card-import.resolver.js';
import { CardPersonResolver } from './resolvers/card-person.resolver.js';
import { CardResolver } from './resolvers/card.resolver.js';
import { ScanResolver } from './resolvers/scan.resolver.js';
import { TenantCardsResolver } from './resolvers/tenant.resolver.js';
import { UserCardsResolver } from './resolvers/user.resolver.js';
import { seedCardsDemo } from './seed.js';

export const cardsEntities = [Card, CardGroup, CardQuotaUsage, CardImportJob, CardImportError, CardExportGrant, JobLeaseEntity, PeerFeedCursor, PeerGroupMembership, PeerCardDigitisation, AuditEntryRecord];

/** A1: the query spaces' auditLog merges cards' entries through (a peer query). */
export const CARDS_AUDIT_QUERY = 'cardsAuditRecords';

/** Business cards: scans, visibility by group, import and export. */
export const cardsSubgraph = defineSubgraph({
  name: 'cards',
  resolvers: [CardResolver, CardImageResolver, CardReadingResolver, CardPersonResolver, ScanResolver, CardImportResolver, CardExportResolver, TenantCardsResolver, UserCardsResolver, createAuditRecordsResolver(CARDS_AUDIT_QUERY)],
  orphanedTypes: [UserRef, TenantRef, Card],
  ownedIds: cardsOwnedIds,
  referenceResolvers: { Card: { __resolveReference: resolveCardReference } },
  entities: cardsEntities,
  migrations,
  createLoaders: createCardsLoaders,
  seedDemo: seedCardsDemo,
  routes: (runtime) => [cardFilesRoute(runtime)],
    // C4: takes over imports whose replica stopped (lease expired); C5: deletes export zips whose link has expired;
    // C3/L15: follows spaces' and licensing's change feeds into local copies (peer-copies.ts)
    background: (runtime) => {
      const stopSweeps = startCardsBackground(runtime);
      const copies = startPeerCopies(runtime);
      return async () => {
        await copies.stop();
        await stopSweeps();
      };
    },
  // C6: integration tokens read cards (queries only), checked with spaces on every request
  acceptsScopes: ['cards:read'],
  admitScopedQuery: admitIntegrationTokenQuery,
  // CARDS_S3_*, CARDS_PEER_*: checked with the common settings at start-up, so every problem is named at once
  envSchema: imageStoreEnvSchema.and(peerCopyEnvSchema),
});

export const createCardsSubgraph = (deps: SubgraphDeps) => cardsSubgraph.create(deps);
