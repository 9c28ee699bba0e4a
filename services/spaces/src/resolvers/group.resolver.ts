import { randomUUID } from 'node:crypto';
import { recordAudit, requireAdmin, requireMember, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GroupMember } from '../entities/group-member.entity.js';
import { Group } from '../entities/group.entity.js';
import { User } from '../entities/user.entity.js';
import { CreateGroupInput, GroupMemberInput } from '../inputs/create-group.input.js';
import type { SpacesContext } from '../context.js';
import { recordMembershipChanges, settleMembershipChange } from '../membership-feed.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { spacesRefusals } from '../refusals/refusals.js';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => [Group], { ...SURVIVES_OUTAGE, description: "The tenant's groups (departments): members only (S3: guests see no directory)." })
  async groups(@Ctx() ctx: SpacesContext): Promise<Group[]> {
    const viewer = requireMember(ctx, () => spacesRefusals.refuse('groupsMembersOnly'));
    const groups = await ctx.dataSource.getRepository(Group).find({ where: { tenantId: viewer.tenantId }, order: { name: 'ASC' } });
    for (const group of groups) ctx.loaders.groupById.prime(group.id, group);
    return groups;
  }

  @FieldResolver(() => [User])
  async members(@Root() group: Group, @Ctx() ctx: SpacesContext): Promise<User[]> {
    const rows = await ctx.loaders.membersByGroup.load(group.id);
    const users = await ctx.loaders.userById.loadMany(rows.map((r) => r.userId));
    return users.filter((u): u is User => !!u && !(u instanceof Error) && u.kind === 'MEMBER');
  }

  @Mutation(() => Group, { description: 'Creates a group: tenant administrators only.' })
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: SpacesContext): Promise<Group> {
    const viewer = requireAdmin(ctx);
    const name = input.name.trim();
    if (!name || name.length > 200) throw spacesRefusals.refuse('groupNameLength');
    const invisible = refuseInvisibleInName(name);
    if (invisible) throw spacesRefusals.refuseWith(invisible);
    return ctx.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Group, { tenantId: viewer.tenantId, name })) throw spacesRefusals.refuse('groupNameTaken', { name });
      const id = randomUUID();
      await manager.insert(Group, { id, tenantId: viewer.tenantId, name });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'group.create', subject: `Group:${id}`, before: null, after: { name } });
      return manager.findOneByOrFail(Group, { id });
    });
  }

  @Mutation(() => Group, { description: 'Adds a member (never a guest) to a group: tenant administrators only.' })
  async addGroupMember(@Arg('input', () => GroupMemberInput) input: GroupMemberInput, @Ctx() ctx: SpacesContext): Promise<Group> {
    const viewer = requireAdmin(ctx);
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const group = await manager.findOneBy(Group, { id: input.groupId, tenantId: viewer.tenantId });
      if (!group) throw spacesRefusals.refuse('groupNotFound');
      const user = await manager.findOneBy(User, { id: input.userId, tenantId: viewer.tenantId });
      if (!user) throw spacesRefusals.refuse('userNotFound');
      if (user.kind !== 'MEMBER') throw spacesRefusals.refuse('groupGuestMember');
      if (!(await manager.existsBy(GroupMember, { groupId: group.id, userId: user.id }))) {
        await manager.insert(GroupMember, { groupId: group.id, userId: user.id });
        // A1: groups decide who sees which cards (C3): a permission change
        await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'group.member.add', subject: `Group:${group.id}`, before: null, after: { userId: user.id } });
        // C3: cards' copy of the memberships follows this row
        await recordMembershipChanges(manager, viewer.tenantId, [user.id]);
      }
      return group;
    });
    // C3: the group's cards show to them when the administrator sees the answer
    await settleMembershipChange(ctx.dataSource);
    return changed;
  }

  @Mutation(() => Group, { description: 'Removes a member from a group: tenant administrators only. Cards limited to the group stop showing to them when this answers (C3).' })
  async removeGroupMember(@Arg('input', () => GroupMemberInput) input: GroupMemberInput, @Ctx() ctx: SpacesContext): Promise<Group> {
    const viewer = requireAdmin(ctx);
    const changed = await ctx.dataSource.transaction(async (manager) => {
      const group = await manager.findOneBy(Group, { id: input.groupId, tenantId: viewer.tenantId });
      if (!group) throw spacesRefusals.refuse('groupNotFound');
      const user = await manager.findOneBy(User, { id: input.userId, tenantId: viewer.tenantId });
      if (!user) throw spacesRefusals.refuse('userNotFound');
      const removed = await manager.delete(GroupMember, { groupId: group.id, userId: user.id });
      if (removed.affected) {
        await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'group.member.remove', subject: `Group:${group.id}`, before: { userId: user.id }, after: null });
        // C3: in the same transaction, so cards never misses a removal that happened
        await recordMembershipChanges(manager, viewer.tenantId, [user.id]);
      }
      return group;
    });
    // C3, issue 19: no grace period: they stop seeing the group's cards when the administrator sees the answer
    await settleMembershipChange(ctx.dataSource);
    return changed;
  }
}
