import { kitRefusals, requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Locale } from '../entities/enums.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { assertGuestMayEnter } from '../licensing-gate.js';
import { issueSession } from '../session.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import type { SpacesContext } from '../context.js';

/** I1: the language a person reads, their own choice over their tenant's. */
@Resolver(() => User)
export class LocaleResolver {
  @FieldResolver(() => Locale, {
    nullable: true,
    description: "I1: the language this user chose for themself (refusals, the web app); null when they follow their tenant's. Only the user themself sees it (null for anyone else).",
  })
  locale(@Root() user: User, @Ctx() ctx: SpacesContext): Locale | null {
    const viewer = ctx.viewer;
    if (!viewer || viewer.userId !== user.id || viewer.tenantId !== user.tenantId) return null;
    return user.locale;
  }

  @Mutation(() => SignInPayload, {
    description:
      "I1: sets the viewer's own language (null: follow the tenant's) and returns a fresh token that carries it: refusals from every service are written in it from that token on. Tokens signed before keep their language until they expire.",
  })
  async setMyLocale(@Arg('locale', () => Locale, { nullable: true }) locale: Locale | null, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    const viewer = requireViewer(ctx);
    const now = ctx.clock.now();
    const { user, tenant } = await ctx.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(User, { id: viewer.userId, tenantId: viewer.tenantId });
      if (!found || found.removedAt) throw kitRefusals.refuse('tokenInvalid');
      await manager.update(User, { id: found.id, tenantId: found.tenantId }, { locale: locale ?? null });
      found.locale = locale ?? null;
      return { user: found, tenant: await manager.findOneByOrFail(Tenant, { id: found.tenantId }) };
    });
    // the same gates as refreshToken: a new token is a new session
    await assertGuestMayEnter(ctx, user, tenant, now);
    return issueSession(ctx, user, tenant, now);
  }
}
