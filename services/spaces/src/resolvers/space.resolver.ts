import { randomUUID } from 'node:crypto';
import { recordAudit, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { enforce, requireSpace, visibleSpace } from '../access.js';
import { administersSpace, canSeeSpace, DEFAULT_GUEST_PERMISSIONS, refuseCreateSpace, refuseJoinUnderPolicy, refuseSpaceAdministration } from '../domain/spaces.js';
import { Comment } from '../entities/comment.entity.js';
import { Invitation } from '../entities/invitation.entity.js';
import { SpaceApp } from '../entities/space-app.entity.js';
import { SpaceMember } from '../entities/space-member.entity.js';
import { Space } from '../entities/space.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { Thread } from '../entities/thread.entity.js';
import { User } from '../entities/user.entity.js';
import { CreateSpaceInput } from '../inputs/create-space.input.js';
import { SpaceMemberInput } from '../inputs/space-member.input.js';
import { UpdateSpaceBodyInput } from '../inputs/update-space-body.input.js';
import { UpdateSpaceSettingsInput } from '../inputs/update-space-settings.input.js';
import { GuestPermissionsType } from '../types/guest-permissions.type.js';
import type { SpacesContext } from '../context.js';
import { assertGuestSpacesReadable, guestSpacesRefusal } from '../licensing-gate.js';
import { In, type EntityManager } from 'typeorm';
import { refuseInvisibleInName } from '../domain/names.js';
import { spacesRefusals } from '../refusals/refusals.js';

export function spaceName(raw: string): string {
  const name = raw.trim();
  if (!name) throw spacesRefusals.refuse('spaceNameRequired');
  if (name.length > 200) throw spacesRefusals.refuse('spaceNameTooLong');
  const invisible = refuseInvisibleInName(name);
  if (invisible) throw spacesRefusals.refuseWith(invisible);
  return name;
}

/** S7: under SINGLE_SPACE a guest joins a second guest space only after leaving the first. */
export async function checkGuestPolicy(manager: EntityManager, tenantId: string, guestId: string, spaceId: string): Promise<void> {
  const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
  const memberships = await manager.findBy(SpaceMember, { userId: guestId });
  const refusal = refuseJoinUnderPolicy(tenant.guestPolicy, memberships.map((m) => m.spaceId), spaceId);
  if (refusal) throw spacesRefusals.refuseWith(refusal);
}

/** Removes someone from a space; their past posts stay, attributed to them (S10). */
export async function removeMembership(manager: EntityManager, spaceId: string, userId: string): Promise<boolean> {
  const result = await manager.delete(SpaceMember, { spaceId, userId });
  return (result.affected ?? 0) > 0;
}

@Resolver(() => Space)
export class SpaceResolver {
  @Query(() => [Space], { ...SURVIVES_OUTAGE, description: 'The spaces the viewer may see (S1-S3): a guest sees only the guest spaces they were invited into.' })
  async spaces(@Ctx() ctx: SpacesContext): Promise<Space[]> {
    const viewer = requireViewer(ctx);
    const memberships = await ctx.loaders.viewerMemberships();
    const rows = await ctx.dataSource.getRepository(Space).find({ where: { tenantId: viewer.tenantId }, order: { name: 'ASC', id: 'ASC' } });
    let visible = rows.filter((space) => canSeeSpace(viewer, space, memberships.get(space.id) ?? null));
    // L3/L8: guests are refused with the reason; members simply no longer see closed guest spaces
    if (viewer.kind === 'GUEST') await assertGuestSpacesReadable(ctx);
    else if (visible.some((space) => space.isGuestSpace) && (await guestSpacesRefusal(ctx))) visible = visible.filter((space) => !space.isGuestSpace);
    for (const space of visible) ctx.loaders.spaceById.prime(space.id, space);
    return visible;
  }

  @Query(() => Space, { nullable: true, description: 'A space the viewer may see; null otherwise (S2/S3).' })
  async space(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<Space | null> {
    requireViewer(ctx);
    return visibleSpace(ctx, id);
  }

  @FieldResolver(() => [User], { description: 'The people in the space.' })
  async members(@Root() space: Space, @Ctx() ctx: SpacesContext): Promise<User[]> {
    const memberships = await ctx.loaders.membersBySpace.load(space.id);
    const users = await ctx.loaders.userById.loadMany(memberships.map((m) => m.userId));
    return users.filter((u): u is User => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => [User], { description: 'The administrators of the space.' })
  async administrators(@Root() space: Space, @Ctx() ctx: SpacesContext): Promise<User[]> {
    const memberships = await ctx.loaders.membersBySpace.load(space.id);
    const users = await ctx.loaders.userById.loadMany(memberships.filter((m) => m.isSpaceAdmin).map((m) => m.userId));
    return users.filter((u): u is User => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer administers this space (settings, body, members, invitations).' })
  async viewerIsSpaceAdmin(@Root() space: Space, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    const membership = (await ctx.loaders.viewerMemberships()).get(space.id) ?? null;
    return administersSpace(viewer, membership);
  }

  @FieldResolver(() => [Thread], { description: 'Threads, newest first.' })
  async threads(@Root() space: Space, @Ctx() ctx: SpacesContext): Promise<Thread[]> {
    return ctx.loaders.threadsBySpace.load(space.id);
  }

  @FieldResolver(() => GuestPermissionsType, { description: 'S6: what guests may do here.' })
  guestPermissions(@Root() space: Space): GuestPermissionsType {
    return {
      addThreads: space.guestCanAddThreads,
      editThreads: space.guestCanEditThreads,
      deleteThreads: space.guestCanDeleteThreads,
      addComments: space.guestCanAddComments,
      deleteComments: space.guestCanDeleteComments,
      addAttachments: space.guestCanAddAttachments,
      deleteAttachments: space.guestCanDeleteAttachments,
    };
  }

  @Mutation(() => Space, { description: 'S1/S2: creates a space with the viewer as its administrator.' })
  async createSpace(@Arg('input', () => CreateSpaceInput) input: CreateSpaceInput, @Ctx() ctx: SpacesContext): Promise<Space> {
    const viewer = requireViewer(ctx);
    const name = spaceName(input.name);
    return ctx.dataSource.transaction(async (manager) => {
      const tenant = await manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
      enforce(refuseCreateSpace(viewer, input.isGuestSpace, tenant.guestSpaceCreators));
      const space = manager.create(Space, {
        id: randomUUID(),
        tenantId: viewer.tenantId,
        name,
        isGuestSpace: input.isGuestSpace,
        isPrivate: input.isPrivate ?? false,
        body: '',
        createdBy: viewer.userId,
        ...DEFAULT_GUEST_PERMISSIONS,
      });
      await manager.insert(Space, space);
      await manager.insert(SpaceMember, { spaceId: space.id, userId: viewer.userId, isSpaceAdmin: true });
      return manager.findOneByOrFail(Space, { id: space.id });
    });
  }

  @Mutation(() => Space, { description: 'Name, privacy and the S6 guest permissions: space administrators only (S5).' })
  async updateSpaceSettings(@Arg('input', () => UpdateSpaceSettingsInput) input: UpdateSpaceSettingsInput, @Ctx() ctx: SpacesContext): Promise<Space> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'changeSettings'));
    const changes: Partial<Space> = {};
    if (input.name != null) changes.name = spaceName(input.name);
    if (input.isPrivate != null) changes.isPrivate = input.isPrivate;
    for (const key of Object.keys(DEFAULT_GUEST_PERMISSIONS) as Array<keyof typeof DEFAULT_GUEST_PERMISSIONS>) {
      const value = input[key];
      if (value != null) changes[key] = value;
    }
    return ctx.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length > 0) {
        await manager.update(Space, space.id, changes);
        // A1: settings and the S6 guest permissions, the fields changed before and after
        const before = Object.fromEntries(Object.keys(changes).map((key) => [key, space[key as keyof Space]]));
        await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'space.settings', subject: `Space:${space.id}`, before, after: changes });
      }
      return manager.findOneByOrFail(Space, { id: space.id });
    });
  }

  @Mutation(() => Space, { description: 'The body / notice board: space administrators only (S5).' })
  async updateSpaceBody(@Arg('input', () => UpdateSpaceBodyInput) input: UpdateSpaceBodyInput, @Ctx() ctx: SpacesContext): Promise<Space> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'editBody'));
    if (input.body.length > 100_000) throw spacesRefusals.refuse('spaceBodyTooLong');
    return ctx.dataSource.transaction(async (manager) => {
      await manager.update(Space, space.id, { body: input.body });
      return manager.findOneByOrFail(Space, { id: space.id });
    });
  }

  @Mutation(() => Boolean, { description: 'Deletes the space with its threads, comments, members and invitations (S5: never a guest).' })
  async deleteSpace(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const { viewer, space, membership } = await requireSpace(ctx, id);
    enforce(refuseSpaceAdministration(viewer, membership, 'delete'));
    await ctx.dataSource.transaction(async (manager) => {
      const threads = await manager.find(Thread, { select: { id: true }, where: { spaceId: space.id } });
      if (threads.length > 0) await manager.delete(Comment, { threadId: In(threads.map((t) => t.id)) });
      await manager.delete(Thread, { spaceId: space.id });
      await manager.delete(Invitation, { spaceId: space.id });
      await manager.delete(SpaceMember, { spaceId: space.id });
      await manager.delete(SpaceApp, { spaceId: space.id });
      await manager.delete(Space, { id: space.id });
    });
    return true;
  }

  @Mutation(() => Space, {
    description: 'Adds a user of the tenant to the space (or changes their space-admin flag): space administrators only (S5). Guests join guest spaces only, under the S7 policy.',
  })
  async addSpaceMember(@Arg('input', () => SpaceMemberInput) input: SpaceMemberInput, @Ctx() ctx: SpacesContext): Promise<Space> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'manageMembers'));
    return ctx.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: input.userId, tenantId: viewer.tenantId });
      if (!user) throw spacesRefusals.refuse('userNotFound');
      if (user.kind === 'GUEST') {
        if (!space.isGuestSpace) throw spacesRefusals.refuse('spaceMemberGuestIntoInternalSpace');
        if (input.isSpaceAdmin) throw spacesRefusals.refuse('spaceMemberGuestAsAdmin');
        await checkGuestPolicy(manager, viewer.tenantId, user.id, space.id);
      }
      const existing = await manager.findOneBy(SpaceMember, { spaceId: space.id, userId: user.id });
      if (existing) await manager.update(SpaceMember, { spaceId: space.id, userId: user.id }, { isSpaceAdmin: input.isSpaceAdmin ?? false });
      else await manager.insert(SpaceMember, { spaceId: space.id, userId: user.id, isSpaceAdmin: input.isSpaceAdmin ?? false });
      await recordAudit(manager, {
        at: ctx.clock.now(),
        actor: viewer,
        tenantId: viewer.tenantId,
        action: 'space.member.add',
        subject: `Space:${space.id}`,
        before: existing ? { userId: user.id, isSpaceAdmin: existing.isSpaceAdmin } : null,
        after: { userId: user.id, isSpaceAdmin: input.isSpaceAdmin ?? false },
      });
      return manager.findOneByOrFail(Space, { id: space.id });
    });
  }

  @Mutation(() => Space, { description: 'Removes someone from the space; their posts stay (S10). Space administrators only (S5).' })
  async removeSpaceMember(@Arg('input', () => SpaceMemberInput) input: SpaceMemberInput, @Ctx() ctx: SpacesContext): Promise<Space> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'manageMembers'));
    return ctx.dataSource.transaction(async (manager) => {
      if (!(await removeMembership(manager, space.id, input.userId))) throw spacesRefusals.refuse('spaceMemberNotFound');
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'space.member.remove', subject: `Space:${space.id}`, before: { userId: input.userId }, after: null });
      return manager.findOneByOrFail(Space, { id: space.id });
    });
  }

  @Mutation(() => Boolean, { description: 'S10: the viewer leaves a space (a guest leaving ends their access at once).' })
  async leaveSpace(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const { viewer, space, membership } = await requireSpace(ctx, id);
    if (!membership) throw spacesRefusals.refuse('spaceNotJoined');
    await ctx.dataSource.transaction((manager) => removeMembership(manager, space.id, viewer.userId));
    return true;
  }
}
