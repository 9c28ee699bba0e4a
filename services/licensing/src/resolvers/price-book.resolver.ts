import { SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { todayFor, type LicensingContext } from '../access.js';
import { priceBookOn } from '../domain/price-book.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { DateScalar } from '../scalars/date.scalar.js';

@Resolver(() => PriceRow)
export class PriceBookResolver {
  @Query(() => [PriceRow], { ...SURVIVES_OUTAGE, description: 'L1: the price rows that apply on a date (default: today, Asia/Tokyo). Prices are public, as on the vendor\'s price page.' })
  async priceBook(@Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: LicensingContext): Promise<PriceRow[]> {
    const rows = await ctx.dataSource.getRepository(PriceRow).find();
    return priceBookOn(rows, asOf ?? todayFor(ctx, null));
  }
}
