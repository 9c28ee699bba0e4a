import { randomUUID } from 'node:crypto';
import { badInput, conflict, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isUniqueViolation, todayFor, type LicensingContext } from '../access.js';
import { totalsOf } from '../domain/invoices.js';
import { findPrice } from '../domain/price-book.js';
import { SIDES_PER_PACK } from '../domain/service-contracts.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { DigitisationPackOrder, ServiceContract } from '../entities/service-contract.entity.js';
import { OrderDigitisationPackInput } from '../inputs/guest-license.inputs.js';
import { recordDigitisationChange } from '../digitisation-feed.js';
import { writeInvoice } from '../invoicing.js';
import { idempotencyKeyOf } from './guest-license.resolver.js';

export const MAX_PACKS_PER_ORDER = 100;

@Resolver(() => DigitisationPackOrder)
export class DigitisationPackResolver {
  @Mutation(() => DigitisationPackOrder, {
    description: `L15: buys digitisation packs (${SIDES_PER_PACK.toLocaleString('en-US')} card sides each) that raise the card quota. The same idempotency key twice buys once. Tenant administrators only.`,
  })
  async orderDigitisationPack(@Arg('input', () => OrderDigitisationPackInput) input: OrderDigitisationPackInput, @Ctx() ctx: LicensingContext): Promise<DigitisationPackOrder> {
    const viewer = requireAdmin(ctx, 'buy digitisation packs');
    const key = idempotencyKeyOf(input.idempotencyKey);
    if (!Number.isInteger(input.packs) || input.packs < 1 || input.packs > MAX_PACKS_PER_ORDER) throw badInput(`Order 1 to ${MAX_PACKS_PER_ORDER} packs at a time.`, 'packs');
    const orders = ctx.dataSource.getRepository(DigitisationPackOrder);
    const same = (order: DigitisationPackOrder) => {
      if (order.packs !== input.packs) throw conflict(`The idempotency key "${key}" was already used for an order of ${order.packs} pack(s); use a new key for a new order.`);
      return order;
    };
    const earlier = await orders.findOneBy({ tenantId: viewer.tenantId, idempotencyKey: key });
    if (earlier) return same(earlier);
    try {
      return await ctx.dataSource.transaction(async (manager) => {
        const service = await manager.findOneBy(ServiceContract, { tenantId: viewer.tenantId });
        if (!service) throw conflict('This tenant has no card service contract, so digitisation packs cannot be bought (L11).');
        const today = todayFor(ctx, null);
        const sides = input.packs * SIDES_PER_PACK;
        await manager
          .createQueryBuilder()
          .update(ServiceContract)
          .set({ purchasedSides: () => 'purchasedSides + :sides' })
          .where('id = :id', { id: service.id })
          .setParameters({ sides })
          .execute();
        // L15: cards' copy of the quota follows this row
        await recordDigitisationChange(manager, viewer.tenantId);
        const price = findPrice(await manager.find(PriceRow), { product: 'CARD_DIGITISATION_PACK', course: null, billingCycle: null, on: today, basePurchasedOn: today });
        if (!price) throw conflict('No price applies to digitisation packs today; contact sales.');
        const lines = [{ description: `Card digitisation pack (${SIDES_PER_PACK.toLocaleString('en-US')} sides)`, quantity: input.packs, unitPrice: price.amount, periodFrom: null, periodTo: null, amount: price.amount * input.packs }];
        const invoiceId = await writeInvoice(manager, viewer.tenantId, today, lines, totalsOf(lines));
        const order = { id: randomUUID(), tenantId: viewer.tenantId, idempotencyKey: key, packs: input.packs, sides, orderDate: today, orderedBy: viewer.userId, invoiceId };
        await manager.insert(DigitisationPackOrder, order);
        return manager.findOneByOrFail(DigitisationPackOrder, { id: order.id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const first = await orders.findOneBy({ tenantId: viewer.tenantId, idempotencyKey: key });
        if (first) return same(first);
      }
      throw error;
    }
  }
}
