import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import type { SpacesContext } from '../context.js';

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
}
