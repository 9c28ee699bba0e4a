import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CardsContext } from '../context.js';
import { remaining } from '../domain/quota.js';
import { readsCards } from '../domain/visibility.js';
import { CardQuotaUsage } from '../entities/card-quota-usage.entity.js';
import { CardQuota, TenantRef } from '../entities/tenant.type.js';
import { cardsRefusals } from '../refusals/refusals.js';

@Resolver(() => TenantRef)
export class TenantCardsResolver {
  @Directive('@requires(fields: "cardDigitisation { includedSides purchasedSides }")')
  @FieldResolver(() => CardQuota, {
    nullable: true,
    description: "Card sides included and purchased (from licensing) and used (counted here), L15. The tenant's own members only; null for anyone else.",
  })
  async cardQuota(@Root() tenant: TenantRef, @Ctx() ctx: CardsContext): Promise<CardQuota | null> {
    if (!readsCards(ctx.viewer) || ctx.viewer.tenantId !== tenant.id) return null;
    // L15: licensing's numbers come with the representation (@requires); without them (licensing
    // failed, or a caller that did not send them) nothing is guessed: fail closed
    if (tenant.cardDigitisation === undefined) {
      throw cardsRefusals.refuse('cardQuotaUnavailable');
    }
    // null: licensing knows no card contract for the tenant, so it has 0 sides (as recordScan counts it)
    const contract = { included: tenant.cardDigitisation?.includedSides ?? 0, purchased: tenant.cardDigitisation?.purchasedSides ?? 0 };
    const used = (await ctx.dataSource.getRepository(CardQuotaUsage).findOneBy({ tenantId: tenant.id }))?.used ?? 0;
    const numbers = { ...contract, used };
    return { ...numbers, remaining: remaining(numbers) };
  }
}
