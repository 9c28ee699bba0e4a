import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CardsContext } from '../context.js';
import { remaining } from '../domain/quota.js';
import { readsCards } from '../domain/visibility.js';
import { CardQuotaUsage } from '../entities/card-quota-usage.entity.js';
import { CardQuota, TenantRef } from '../entities/tenant.type.js';
import { tenantDigitisation } from '../peers.js';

@Resolver(() => TenantRef)
export class TenantCardsResolver {
  @FieldResolver(() => CardQuota, {
    nullable: true,
    description: "Card sides included and purchased (from licensing) and used (counted here), L15. The tenant's own members only; null for anyone else.",
  })
  async cardQuota(@Root() tenant: TenantRef, @Ctx() ctx: CardsContext): Promise<CardQuota | null> {
    if (!readsCards(ctx.viewer) || ctx.viewer.tenantId !== tenant.id) return null;
    const contract = await tenantDigitisation(ctx, tenant.id);
    const used = (await ctx.dataSource.getRepository(CardQuotaUsage).findOneBy({ tenantId: tenant.id }))?.used ?? 0;
    const numbers = { ...contract, used };
    return { ...numbers, remaining: remaining(numbers) };
  }
}
