import { changeFeedRoute, type ChangeFeedPage, type RouteRuntime, type SubgraphRoute } from '@kyodo/subgraph-kit';
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

/** C3: the membership feed for cards, internal only (never through the gateway, never with a user token). */
export function membershipFeedRoute({ dataSource, deps }: RouteRuntime): SubgraphRoute {
  return changeFeedRoute({ name: MEMBERSHIP_FEED, dataSource, gatewaySecret: deps.gatewaySecret, requireCredential: deps.requireGatewayCredential, read: readMembershipFeed, outbox: 'membership_changes' });
}
