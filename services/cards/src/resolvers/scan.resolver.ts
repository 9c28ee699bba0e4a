import { requireMember, tokyoDate } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireVisibleCard } from '../card-access.js';
import type { CardsContext } from '../context.js';
import { cardServiceEnded, quotaExceededParams, quotaLimit, remaining, sidesCounted, usedAtMostForScan } from '../domain/quota.js';
import { CardQuotaUsage } from '../entities/card-quota-usage.entity.js';
import { Card } from '../entities/card.entity.js';
import { RecordScanInput } from '../inputs/card.input.js';
import { tenantDigitisation } from '../peers.js';
import { cardsRefusals } from '../refusals/refusals.js';

/** The tenant has never scanned: its usage row is made outside the scan's transaction, once. */
class NoUsageRowYet extends Error {}

@Resolver(() => Card)
export class ScanResolver {
  @Mutation(() => Card, {
    description:
      'Records a scan of a card: 1 side or 2, each counted against the tenant\'s quota (L15). A scan that would go over is refused whole with QUOTA_EXCEEDED; licensing unreachable: SERVICE_UNAVAILABLE.',
  })
  async recordScan(@Arg('input', () => RecordScanInput) input: RecordScanInput, @Ctx() ctx: CardsContext): Promise<Card> {
    const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const sides = sidesCounted(input.sides);
    if (sides === null) throw cardsRefusals.refuse('scanSides', { sides: input.sides });
    const card = await requireVisibleCard(ctx, input.cardId);
    const contract = await tenantDigitisation(ctx, viewer.tenantId);
    if (contract.endsOn && cardServiceEnded(contract.endsOn, tokyoDate(ctx.clock.now()))) {
      throw cardsRefusals.refuse('cardServiceEnded', { endsOn: contract.endsOn }, { endsOn: contract.endsOn, requested: sides, remaining: 0 });
    }
    const limit = quotaLimit(contract);
    const countScan = () =>
      ctx.dataSource.transaction(async (manager) => {
        // the card first, the tenant's usage row last: every scan of the tenant waits for that one row,
        // so it is locked only for its UPDATE and the commit
        await manager
          .createQueryBuilder()
          .update(Card)
          .set({ scannedSides: () => 'scannedSides + :sides', state: 'SCANNED' })
          .where('id = :id AND tenantId = :tenantId', { id: card.id, tenantId: viewer.tenantId, sides })
          .execute();
        // L15: one conditional UPDATE, bounded by the domain's scanFits rule; two scans racing at the edge cannot both pass it
        const counted = await manager
          .createQueryBuilder()
          .update(CardQuotaUsage)
          .set({ used: () => 'used + :sides' })
          .where('tenantId = :tenantId AND used <= :usedAtMost', { tenantId: viewer.tenantId, sides, usedAtMost: usedAtMostForScan(contract, sides) })
          .execute();
        if (counted.affected) return;
        const usage = await manager.findOneBy(CardQuotaUsage, { tenantId: viewer.tenantId });
        // the tenant's first scan: no usage row yet; rolled back (the card's count too), the row is made and the scan counted again
        if (!usage) throw new NoUsageRowYet();
        const numbers = { included: contract.included, purchased: contract.purchased, used: usage.used };
        throw cardsRefusals.refuse('scanQuotaExceeded', quotaExceededParams(numbers, sides), { ...numbers, limit, requested: sides, remaining: remaining(numbers) });
      });
    try {
      await countScan();
    } catch (error) {
      if (!(error instanceof NoUsageRowYet)) throw error;
      // INSERT IGNORE / INSERT OR IGNORE: two first scans at once make one row
      await ctx.dataSource.createQueryBuilder().insert().into(CardQuotaUsage).values({ tenantId: viewer.tenantId, used: 0 }).orIgnore().execute();
      await countScan();
    }
    return ctx.dataSource.getRepository(Card).findOneByOrFail({ id: card.id });
  }
}
