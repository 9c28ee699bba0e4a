import { SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { UserRef } from '../entities/user.type.js';
import type { SupportContext } from '../context.js';

@Resolver(() => UserRef)
export class UserSupportResolver {
  @FieldResolver(() => Boolean, { ...SURVIVES_OUTAGE, description: "Whether the user may open support tickets (P1); false for users outside the viewer's tenant." })
  async isSupportRegistrant(@Root() user: UserRef, @Ctx() ctx: SupportContext): Promise<boolean> {
    return (await ctx.loaders.registrantByUserId.load(user.id)) !== null;
  }
}
