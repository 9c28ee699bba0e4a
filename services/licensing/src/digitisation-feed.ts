import { changeFeedRoute, type ChangeFeedPage, type RouteRuntime, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { serviceEndsOn } from './domain/renewals.js';
import type { LocalDate } from './domain/calendar-dates.js';
import { termOn } from './domain/service-contracts.js';
import { DigitisationChange } from './entities/digitisation-change.entity.js';
import { ServiceContract } from './entities/service-contract.entity.js';

/** The feed's name: served at /internal/changes/digitisation (see subgraph-kit change-feed.ts). */
export const DIGITISATION_FEED = 'digitisation';

/**
 * One row of the feed: the tenant's allowance as it is now. No card service contract: 0 sides
 * (as `Tenant.cardDigitisation` null means to cards). `endsOn`: the last day of the card service
 * once a termination notice is in (L14), else null; cards refuses scans after it.
 */
export interface DigitisationFeedRow {
  tenantId: string;
  includedSides: number;
  purchasedSides: number;
  endsOn: LocalDate | null;
}

/** L14: the day the card service ends, given its notice (null: none, it renews). */
export function cardServiceEndsOn(service: Pick<ServiceContract, 'billingStartsOn' | 'terminationNoticeOn'>): LocalDate | null {
  if (!service.terminationNoticeOn) return null;
  return serviceEndsOn(service.terminationNoticeOn, termOn(service.billingStartsOn, null, service.terminationNoticeOn).endsOn);
}

/** L15: records, in the caller's transaction, that the tenant's card digitisation allowance changed. */
export async function recordDigitisationChange(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.insert(DigitisationChange, { tenantId });
}

export async function readDigitisationFeed(dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<DigitisationFeedRow>> {
  const changes = await dataSource.getRepository(DigitisationChange).find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: first });
  const head = (await dataSource.getRepository(DigitisationChange).maximum('seq')) ?? 0;
  const tenantIds = [...new Set(changes.map((c) => c.tenantId))];
  const services = tenantIds.length ? await dataSource.getRepository(ServiceContract).findBy({ tenantId: In(tenantIds) }) : [];
  const byTenant = new Map(services.map((s) => [s.tenantId, s]));
  return {
    head,
    changes: changes.map((c) => {
      const service = byTenant.get(c.tenantId);
      return {
        seq: c.seq,
        tenantId: c.tenantId,
        includedSides: service?.includedSides ?? 0,
        purchasedSides: service?.purchasedSides ?? 0,
        endsOn: service ? cardServiceEndsOn(service) : null,
      };
    }),
  };
}

/** L15: the digitisation feed for cards, internal only (never through the gateway, never with a user token). */
export function digitisationFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  return changeFeedRoute({ name: DIGITISATION_FEED, dataSource, gatewaySecret: deps.gatewaySecret, requireCredential: deps.requireGatewayCredential, outbox: 'digitisation_changes', read: readDigitisationFeed });
}
