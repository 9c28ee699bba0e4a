import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kyodo/auth';
import { recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { placeOnce, requireVendorOperator, todayFor, type LicensingContext } from '../access.js';
import { totalsOf } from '../domain/invoices.js';
import { findPrice } from '../domain/price-book.js';
import { SIDES_PER_PACK } from '../domain/service-contracts.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { DigitisationPackOrder, ServiceContract } from '../entities/service-contract.entity.js';
import { OrderDigitisationPackInput } from '../inputs/guest-license.inputs.js';
import { GrantDigitisationPackInput } from '../inputs/back-office.inputs.js';
import { recordDigitisationChange } from '../digitisation-feed.js';
import { writeInvoice } from '../invoicing.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { idempotencyKeyOf } from './guest-license.resolver.js';

export const MAX_PACKS_PER_ORDER = 100;

@Resolver(() => DigitisationPackOrder)
export class DigitisationPackResolver {
  @Mutation(() => DigitisationPackOrder, {
    description: `L15: buys digitisation packs (${SIDES_PER_PACK.toLocaleString('en-US')} card sides each) that raise the card quota. The same idempotency key twice buys once. Tenant administrators only.`,
  })
  async orderDigitisationPack(@Arg('input', () => OrderDigitisationPackInput) input: OrderDigitisationPackInput, @Ctx() ctx: LicensingContext): Promise<DigitisationPackOrder> {
    const viewer = requireAdmin(ctx);
    return placePackOrder(ctx, viewer, viewer.tenantId, input.packs, input.idempotencyKey);
  }

  @Mutation(() => DigitisationPackOrder, {
    description: `L15 (back office): records digitisation packs (${SIDES_PER_PACK.toLocaleString('en-US')} card sides each) sold to a tenant, invoiced to it like its own order. The same idempotency key twice records once. Vendor operators (VENDOR_ADMIN) only.`,
  })
  async grantDigitisationPack(@Arg('input', () => GrantDigitisationPackInput) input: GrantDigitisationPackInput, @Ctx() ctx: LicensingContext): Promise<DigitisationPackOrder> {
    const viewer = requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyPackGrants'));
    return placePackOrder(ctx, viewer, input.tenantId, input.packs, input.idempotencyKey);
  }
}

/**
 * L15: a pack order for `tenantId` by `actor` (its administrator, or a vendor operator): raises the
 * purchased sides, invoices it and audits it (A1) in one transaction; idempotent per tenant and key.
 */
async function placePackOrder(ctx: LicensingContext, actor: Viewer, tenantId: string, packs: number, rawKey: string): Promise<DigitisationPackOrder> {
  const key = idempotencyKeyOf(rawKey);
  if (!Number.isInteger(packs) || packs < 1 || packs > MAX_PACKS_PER_ORDER) throw licensingRefusals.refuse('packCount', { max: MAX_PACKS_PER_ORDER });
  const orders = ctx.dataSource.getRepository(DigitisationPackOrder);
  const same = (order: DigitisationPackOrder) => {
    if (order.packs !== packs) throw licensingRefusals.refuse('packOrderKeyReused', { key, packs: order.packs });
    return order;
  };
  return placeOnce(
    () => orders.findOneBy({ tenantId, idempotencyKey: key }),
    (earlier) => same(earlier),
    async () => {
      return ctx.dataSource.transaction(async (manager) => {
        const service = await manager.findOneBy(ServiceContract, { tenantId });
        if (!service) throw licensingRefusals.refuse('packNoCardService');
        const today = todayFor(ctx, null);
        const sides = packs * SIDES_PER_PACK;
        await manager
          .createQueryBuilder()
          .update(ServiceContract)
          .set({ purchasedSides: () => 'purchasedSides + :sides' })
          .where('id = :id', { id: service.id })
          .setParameters({ sides })
          .execute();
        // L15: cards' copy of the quota follows this row
        await recordDigitisationChange(manager, tenantId);
        const price = findPrice(await manager.find(PriceRow), { product: 'CARD_DIGITISATION_PACK', course: null, billingCycle: null, on: today, basePurchasedOn: today });
        if (!price) throw licensingRefusals.refuse('packNoPrice');
        const lines = [{ description: `Card digitisation pack (${SIDES_PER_PACK.toLocaleString('en-US')} sides)`, quantity: packs, unitPrice: price.amount, periodFrom: null, periodTo: null, amount: price.amount * packs }];
        const invoiceId = await writeInvoice(manager, tenantId, today, lines, totalsOf(lines), null, null, { actor });
        const order = { id: randomUUID(), tenantId, idempotencyKey: key, packs, sides, orderDate: today, orderedBy: actor.userId, invoiceId };
        await manager.insert(DigitisationPackOrder, order);
        await recordAudit(manager, {
          at: ctx.clock.now(),
          actor,
          tenantId,
          action: 'digitisationPack.order',
          subject: `ServiceContract:${service.id}`,
          before: { purchasedSides: service.purchasedSides },
          after: { purchasedSides: service.purchasedSides + sides, packs },
        });
        return manager.findOneByOrFail(DigitisationPackOrder, { id: order.id });
      });
    },
  );
}
