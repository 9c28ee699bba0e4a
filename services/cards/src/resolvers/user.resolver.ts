import { SURVIVES_OUTAGE, type RequestContext } from '@kyodo/subgraph-kit';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { UserRef } from '../entities/user.type.js';
import type { CardsLoaders } from '../loaders.js';

@Resolver(() => UserRef)
export class UserCardsResolver {
  @FieldResolver(() => Int, { ...SURVIVES_OUTAGE, description: "How many cards the user owns, counted within the viewer's tenant; 0 for guests, who see no cards (C3)." })
  async cardCount(@Root() user: UserRef, @Ctx() ctx: RequestContext<CardsLoaders>): Promise<number> {
    if (!ctx.viewer || ctx.viewer.kind === 'GUEST') return 0;
    return ctx.loaders.cardCountByOwner.load(user.id);
  }
}
