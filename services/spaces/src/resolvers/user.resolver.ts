import { requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canReceiveComments } from '../domain/visibility.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { UpdateProfileInput } from '../inputs/update-profile.input.js';
import type { SpacesContext } from '../context.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { spacesRefusals } from '../refusals/refusals.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  async viewer(@Ctx() ctx: SpacesContext): Promise<User | null> {
    if (!ctx.viewer) return null;
    return ctx.loaders.userById.load(ctx.viewer.userId);
  }

  @FieldResolver(() => Tenant)
  async tenant(@Root() user: User, @Ctx() ctx: SpacesContext): Promise<Tenant> {
    const tenant = await ctx.loaders.tenantById.load(user.tenantId);
    if (!tenant) throw new Error(`user ${user.id} points at missing tenant ${user.tenantId}`);
    return tenant;
  }

  @FieldResolver(() => Boolean, { description: "Whether the profile page has a comment box: false for guests (S5)." })
  canReceiveComments(@Root() user: User): boolean {
    return canReceiveComments(user);
  }

  @FieldResolver(() => [ID], {
    description: "The ids of the groups the user belongs to: the user themself and the tenant's administrators only (cards limits visibility to groups, C3).",
  })
  async groupIds(@Root() user: User, @Ctx() ctx: SpacesContext): Promise<string[]> {
    const viewer = requireViewer(ctx);
    const self = viewer.userId === user.id && viewer.tenantId === user.tenantId;
    const admin = viewer.kind === 'MEMBER' && viewer.roles.includes('ADMIN') && viewer.tenantId === user.tenantId;
    if (!self && !admin) throw spacesRefusals.refuse('userGroupsForbidden');
    return (await ctx.loaders.groupsByUser.load(user.id)).map((m) => m.groupId);
  }

  @Mutation(() => User, { description: 'The viewer edits their own profile: name and cover image (guests included, S5).' })
  async updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: SpacesContext): Promise<User> {
    const viewer = requireViewer(ctx);
    const changes: Partial<User> = {};
    if (input.name != null) {
      const name = input.name.trim();
      if (!name || name.length > 200) throw spacesRefusals.refuse('userNameLength');
      const invisible = refuseInvisibleInName(name);
      if (invisible) throw spacesRefusals.refuseWith(invisible);
      changes.name = name;
    }
    if (input.coverImageUrl != null) {
      const url = input.coverImageUrl.trim();
      if (url && (!/^https?:\/\/\S+$/i.test(url) || url.length > 500)) throw spacesRefusals.refuse('coverImageUrlInvalid');
      changes.coverImageUrl = url || null;
    }
    return ctx.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length > 0) await manager.update(User, { id: viewer.userId, tenantId: viewer.tenantId }, changes);
      return manager.findOneByOrFail(User, { id: viewer.userId, tenantId: viewer.tenantId });
    });
  }
}
