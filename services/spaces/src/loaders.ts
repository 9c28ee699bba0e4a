import type { Viewer } from '@kyodo/auth';
import { createBatchWave, createByIdLoader, createGroupLoader } from '@kyodo/subgraph-kit';
import { In, IsNull, type DataSource } from 'typeorm';
import { Comment } from './entities/comment.entity.js';
import { GroupMember } from './entities/group-member.entity.js';
import { Group } from './entities/group.entity.js';
import { SpaceMember } from './entities/space-member.entity.js';
import { Space } from './entities/space.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { SpaceApp } from './entities/space-app.entity.js';
import { Thread } from './entities/thread.entity.js';
import { User } from './entities/user.entity.js';

/** Memoises one async computation for the life of a request. */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= compute());
}

/** Fresh for every request: nothing cached leaks between viewers, and every list is batched. */
export function createSpacesLoaders(viewer: Viewer | null, dataSource: DataSource) {
  // one wave per request: the statement count depends on the query, not on which answer came first
  const wave = createBatchWave();
  const spaceById = createByIdLoader((ids) => dataSource.getRepository(Space).findBy({ id: In([...ids]) }), (s) => s.id, { wave });
  const membersBySpace = createGroupLoader(
    (ids) => dataSource.getRepository(SpaceMember).find({ where: { spaceId: In([...ids]) }, order: { createdAt: 'ASC', userId: 'ASC' } }),
    (m) => m.spaceId,
      { wave },
  );
  /** The viewer's own memberships, by space id (one query per request). */
  const viewerMemberships = once(async () => {
    if (!viewer) return new Map<string, SpaceMember>();
    const rows = await dataSource.getRepository(SpaceMember).findBy({ userId: viewer.userId });
    return new Map(rows.map((m) => [m.spaceId, m]));
  });
  return {
    userById: createByIdLoader((ids) => dataSource.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id, { wave }),
    tenantById: createByIdLoader((ids) => dataSource.getRepository(Tenant).findBy({ id: In([...ids]) }), (t) => t.id, { wave }),
    /** T4: each tenant's administrators still in place, first made first (the operators' tenant list). */
    activeAdminsByTenant: createGroupLoader(
      (ids) =>
        dataSource.getRepository(User).find({
          select: { id: true, tenantId: true, email: true, createdAt: true },
          where: { tenantId: In([...ids]), kind: 'MEMBER', isAdmin: true, removedAt: IsNull() },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
      (u) => u.tenantId,
      { wave },
    ),
    spaceById,
    membersBySpace,
    viewerMemberships,
    /** S2/S3: everyone who shares a guest space with the viewer (the viewer included). */
    sharedGuestSpaceUserIds: once(async () => {
      const memberships = await viewerMemberships();
      const spaces = await spaceById.loadMany([...memberships.keys()]);
      const guestSpaceIds = spaces.filter((s): s is Space => !!s && !(s instanceof Error) && s.isGuestSpace && s.tenantId === viewer?.tenantId).map((s) => s.id);
      const members = await membersBySpace.loadMany(guestSpaceIds);
      return new Set(members.flatMap((list) => (Array.isArray(list) ? list.map((m) => m.userId) : [])));
    }),
    threadsBySpace: createGroupLoader(
      (ids) => dataSource.getRepository(Thread).find({ where: { spaceId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } }),
      (t) => t.spaceId,
      { wave },
    ),
    appsBySpace: createGroupLoader(
      (ids) => dataSource.getRepository(SpaceApp).find({ where: { spaceId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (a) => a.spaceId,
      { wave },
    ),
    threadById: createByIdLoader((ids) => dataSource.getRepository(Thread).findBy({ id: In([...ids]) }), (t) => t.id, { wave }),
    commentsByThread: createGroupLoader(
      (ids) => dataSource.getRepository(Comment).find({ where: { threadId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (c) => c.threadId,
      { wave },
    ),
    groupById: createByIdLoader((ids) => dataSource.getRepository(Group).findBy({ id: In([...ids]) }), (g) => g.id, { wave }),
    membersByGroup: createGroupLoader((ids) => dataSource.getRepository(GroupMember).findBy({ groupId: In([...ids]) }), (m) => m.groupId, { wave }),
    /** The groups each user belongs to (cards asks for the viewer's, C3). */
    groupsByUser: createGroupLoader((ids) => dataSource.getRepository(GroupMember).find({ where: { userId: In([...ids]) }, order: { groupId: 'ASC' } }), (m) => m.userId, { wave }),
  };
}

export type SpacesLoaders = ReturnType<typeof createSpacesLoaders>;
