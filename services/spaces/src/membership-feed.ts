import { changeFeedRoute, createFeedAcks, type ChangeFeedPage, type FeedAcks, type RouteRuntime, type SubgraphRoute } from '@kyodo/subgraph-kit';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { GroupMember } from './entities/group-member.entity.js';
import { MembershipChange } from './entities/membership-change.entity.js';

/** The feed's name: served at /internal/changes/memberships (see subgraph-kit change-feed.ts). */
export const MEMBERSHIP_FEED = 'memberships';

/** One row of the feed: the user's groups as they are now (not the change), so replays converge. */
export interface MembershipFeedRow {
  tenantId: string;
  userId: string;
  groupIds: string[];
}

/**
 * C3: records, in the caller's transaction, that these users' group memberships changed (a member
 * added or removed; a group deleted or a user removed must call it for every member too). Without
 * this row cards keeps showing the old groups' cards until the process is restarted.
 */
export async function recordMembershipChanges(manager: EntityManager, tenantId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await manager.insert(
    MembershipChange,
    [...new Set(userIds)].map((userId) => ({ tenantId, userId })),
  );
}

export async function readMembershipFeed(dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<MembershipFeedRow>> {
  const changes = await dataSource.getRepository(MembershipChange).find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: first });
  const head = (await dataSource.getRepository(MembershipChange).maximum('seq')) ?? 0;
  const userIds = [...new Set(changes.map((c) => c.userId))];
  const members = userIds.length ? await dataSource.getRepository(GroupMember).find({ where: { userId: In(userIds) }, order: { groupId: 'ASC' } }) : [];
  const groupsOf = new Map<string, string[]>();
  for (const m of members) groupsOf.set(m.userId, [...(groupsOf.get(m.userId) ?? []), m.groupId]);
  return { head, changes: changes.map((c) => ({ seq: c.seq, tenantId: c.tenantId, userId: c.userId, groupIds: groupsOf.get(c.userId) ?? [] })) };
}

/** How far each cards follower polling this replica has read (one per data source: one per subgraph instance). */
const acksByDataSource = new WeakMap<DataSource, FeedAcks>();

function acksOf(dataSource: DataSource): FeedAcks {
  let acks = acksByDataSource.get(dataSource);
  if (!acks) acksByDataSource.set(dataSource, (acks = createFeedAcks()));
  return acks;
}

/** C3: the membership feed for cards, internal only (never through the gateway, never with a user token). */
export function membershipFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  const acks = acksOf(dataSource);
  return changeFeedRoute({
    name: MEMBERSHIP_FEED,
    dataSource,
    gatewaySecret: deps.gatewaySecret,
    requireCredential: deps.requireGatewayCredential,
    read: readMembershipFeed,
    outbox: 'membership_changes',
    onRead: (url, after) => acks.record(url, after),
  });
}

/**
 * Cards polls this feed every CARDS_PEER_SYNC_MS (1 s) and trusts its copy for
 * CARDS_PEER_MAX_STALENESS_MS (2 s): a follower seen within twice that still follows; the wait ends
 * at the copy's bound plus one poll, after which every cards process has polled past the change
 * anyway or distrusts its copy.
 */
const SETTLE_RECENT_MS = 4000;
const SETTLE_MAX_WAIT_MS = 3000;

/**
 * C3, issue 19: after a transaction that called recordMembershipChanges has committed, the answer
 * waits until every cards process that polled this replica lately has read past it, so a member
 * taken out of a group no longer sees its cards (and one put in sees them) when the administrator
 * sees the answer: no grace period. Across replicas, cards' staleness bound covers the rest.
 */
export async function settleMembershipChange(dataSource: DataSource): Promise<void> {
  const head = (await dataSource.getRepository(MembershipChange).maximum('seq')) ?? 0;
  await acksOf(dataSource).waitPast(head, { recentMs: SETTLE_RECENT_MS, maxWaitMs: SETTLE_MAX_WAIT_MS });
}
