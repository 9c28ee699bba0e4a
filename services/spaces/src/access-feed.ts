import {
  ACCESS_FEED,
  ACCESS_FOLLOWER_PARAM,
  accessGuardSettings,
  BACKGROUND_SQL_MARK,
  changeFeedRoute,
  feedSettledThrough,
  type AccessFeedRow,
  type AccessVersionSource,
  type ChangeFeedPage,
  type RouteRuntime,
  type SubgraphDeps,
  type SubgraphRoute,
} from '@kyodo/subgraph-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AccessChange } from './entities/access-change.entity.js';
import { User } from './entities/user.entity.js';

/**
 * T5: ends every token, stream and integration token these users hold, everywhere, in the
 * caller's transaction (subgraph-kit access-guard.ts): their access version goes up, and the
 * outbox row tells every subgraph. Call it for removal, re-addition, a role or password change and
 * suspension; then `settleAccessChange` once the transaction has committed.
 */
export async function revokeAccess(manager: EntityManager, tenantId: string, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await manager.increment(User, { id: In(ids) }, 'accessVersion', 1);
  await manager.insert(
    AccessChange,
    ids.map((userId) => ({ tenantId, userId })),
  );
}

async function readAccessFeed(dataSource: DataSource, after: number, first: number, background: boolean): Promise<ChangeFeedPage<AccessFeedRow>> {
  const mark = (sql: string) => (background ? `${BACKGROUND_SQL_MARK} ${sql}` : sql);
  const changesQuery = dataSource.getRepository(AccessChange).createQueryBuilder('c');
  if (background) changesQuery.comment('kyodo:background');
  const changes = await changesQuery
    .where('c.seq > :after', { after })
    .orderBy('c.seq', 'ASC')
    .limit(first)
    .getMany();
  const headRow = await dataSource.query<Array<{ head: number | string | null }>>(mark('SELECT MAX(seq) AS head FROM access_changes'));
  const head = Number(headRow[0]?.head ?? 0);
  const userIds = [...new Set(changes.map((c) => c.userId))];
  const usersQuery = dataSource.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.accessVersion']).where({ id: In(userIds) });
  if (background) usersQuery.comment('kyodo:background');
  const users = userIds.length ? await usersQuery.getMany() : [];
  const versionOf = new Map(users.map((u) => [u.id, u.accessVersion]));
  // read here, not by the route, so spaces' own guard passes the deleted rows' holes too
  const settledThrough = await feedSettledThrough(dataSource, 'access_changes');
  return { head, settledThrough, changes: changes.map((c) => ({ seq: c.seq, userId: c.userId, version: versionOf.get(c.userId) ?? 0 })) };
}

/** Spaces' own guard reads its table directly (a background read, not counted as any request's SQL). */
export function spacesAccessSource(dataSource: DataSource): AccessVersionSource {
  return { available: () => dataSource.isInitialized, readPage: (after, first) => readAccessFeed(dataSource, after, first, true) };
}

interface FollowerAck {
  after: number;
  atMs: number;
}

/** How far each follower that polls this replica has read (its `after`), so a revocation can wait for them. */
const acksByDataSource = new WeakMap<DataSource, Map<string, FollowerAck>>();

function acksOf(dataSource: DataSource): Map<string, FollowerAck> {
  let acks = acksByDataSource.get(dataSource);
  if (!acks) acksByDataSource.set(dataSource, (acks = new Map()));
  return acks;
}

/** T5: the access feed every other subgraph follows, internal only (never through the gateway, never with a user token). */
export function accessFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  const acks = acksOf(dataSource);
  return changeFeedRoute({
    name: ACCESS_FEED,
    dataSource,
    gatewaySecret: deps.gatewaySecret,
    requireCredential: deps.requireGatewayCredential,
    read: (ds, after, first) => readAccessFeed(ds, after, first, false),
    onRead(url, after) {
      const follower = url.searchParams.get(ACCESS_FOLLOWER_PARAM);
      if (follower && follower.length <= 100) {
        acks.set(follower, { after, atMs: performance.now() });
        // a follower gone for long is forgotten (a replica that stopped)
        if (acks.size > 1000) for (const [name, ack] of acks) if (performance.now() - ack.atMs > 60_000) acks.delete(name);
      }
    },
  });
}

/**
 * After a transaction that called revokeAccess has committed: this process enforces it at once,
 * and the answer waits (at most the guard's staleness bound, 1 s) until every follower that polled
 * this replica lately has read past it. With one process per subgraph the change is then in force
 * in every subgraph before the administrator sees the answer; across replicas each guard's bound
 * covers the rest.
 */
export async function settleAccessChange(ctx: { dataSource: DataSource; deps: SubgraphDeps }): Promise<void> {
  await ctx.deps.accessGuard?.refresh();
  const { maxStalenessMs } = accessGuardSettings(ctx.deps.env);
  const head = Number((await ctx.dataSource.query<Array<{ head: number | string | null }>>(`${BACKGROUND_SQL_MARK} SELECT MAX(seq) AS head FROM access_changes`))[0]?.head ?? 0);
  const acks = acksOf(ctx.dataSource);
  const started = performance.now();
  const behind = () => [...acks.values()].some((ack) => ack.atMs >= started - 2 * maxStalenessMs && ack.after < head);
  while (behind() && performance.now() - started < maxStalenessMs) await new Promise((resolve) => setTimeout(resolve, 5));
}
