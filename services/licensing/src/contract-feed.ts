import { changeFeedRoute, createFeedAcks, type ChangeFeedPage, type FeedAcks, type RouteRuntime, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { startOfLocalDay, type LocalDate } from './domain/calendar-dates.js';
import { accessEndsOn } from './domain/renewals.js';
import { ContractChange } from './entities/contract-change.entity.js';
import { Contract } from './entities/contract.entity.js';

/** The feed's name: served at /internal/changes/contracts (see subgraph-kit change-feed.ts). */
export const CONTRACT_FEED = 'contracts';

/**
 * One row of the feed: when the tenant's base contract stops giving access (L8/S9), as it is now.
 * `endsOn` is the first day without access in the contract's time zone, `endsAt` the instant that
 * day begins; both null while the contract runs on (or the tenant has none).
 */
export interface ContractFeedRow {
  tenantId: string;
  endsOn: LocalDate | null;
  endsAt: string | null;
}

/** L8/S9: records, in the caller's transaction, that when the tenant's contract ends may have changed. */
export async function recordContractChange(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.insert(ContractChange, { tenantId });
}

export async function readContractFeed(dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<ContractFeedRow>> {
  const changes = await dataSource.getRepository(ContractChange).find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: first });
  const head = (await dataSource.getRepository(ContractChange).maximum('seq')) ?? 0;
  const tenantIds = [...new Set(changes.map((c) => c.tenantId))];
  const contracts = tenantIds.length ? await dataSource.getRepository(Contract).findBy({ tenantId: In(tenantIds) }) : [];
  const byTenant = new Map(contracts.map((c) => [c.tenantId, c]));
  return {
    head,
    changes: changes.map((c) => {
      const contract = byTenant.get(c.tenantId);
      const endsOn = contract ? accessEndsOn(contract) : null;
      return { seq: c.seq, tenantId: c.tenantId, endsOn, endsAt: endsOn && contract ? startOfLocalDay(endsOn, contract.timeZone).toISOString() : null };
    }),
  };
}

/** L8/S9: the contract feed for spaces, internal only (never through the gateway, never with a user token). */
export function contractFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  const acks = acksOf(dataSource);
  return changeFeedRoute({
    name: CONTRACT_FEED,
    dataSource,
    gatewaySecret: deps.gatewaySecret,
    requireCredential: deps.requireGatewayCredential,
    outbox: 'contract_changes',
    read: readContractFeed,
    onRead: (url, after) => acks.record(url, after),
  });
}

/** How far each spaces follower polling this replica has read (one per data source: one per subgraph instance). */
const acksByDataSource = new WeakMap<DataSource, FeedAcks>();

function acksOf(dataSource: DataSource): FeedAcks {
  let acks = acksByDataSource.get(dataSource);
  if (!acks) acksByDataSource.set(dataSource, (acks = createFeedAcks()));
  return acks;
}

/**
 * Spaces polls this feed every SPACES_CONTRACT_SYNC_MS (1 s) and trusts its copy for
 * SPACES_CONTRACT_MAX_STALENESS_MS (2 s): a follower seen within twice that still follows; the wait
 * ends at the copy's bound plus one poll.
 */
const SETTLE_RECENT_MS = 4000;
const SETTLE_MAX_WAIT_MS = 3000;

/**
 * L8/S9, issue 19: after a transaction that called recordContractChange has committed, the answer
 * waits until every spaces process that polled this replica lately has read past it. A cancellation
 * ends access the same day, so the tenant's links into other tenants and its guest spaces are closed
 * when the administrator sees the answer: no grace period. Across replicas, spaces' staleness bound
 * covers the rest.
 */
export async function settleContractChange(dataSource: DataSource): Promise<void> {
  const head = (await dataSource.getRepository(ContractChange).maximum('seq')) ?? 0;
  await acksOf(dataSource).waitPast(head, { recentMs: SETTLE_RECENT_MS, maxWaitMs: SETTLE_MAX_WAIT_MS });
}
