import { randomUUID } from 'node:crypto';
import { recordAudit, requireAdmin, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { applyRule, dateRefusal, placeOnce, todayFor, type LicensingContext } from '../access.js';
import { settleContract } from '../contract-renewal.js';
import { isAcceptedDate } from '../domain/calendar-dates.js';
import { courseForOrder } from '../domain/course-orders.js';
import { grouped } from '../domain/refusal.js';
import { MIN_MEMBER_SEATS, quoteSeatOrder, type SeatQuote } from '../domain/seat-orders.js';
import { Contract } from '../entities/contract.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { CourseOrder } from '../entities/course-order.entity.js';
import { MemberSeatOrder } from '../entities/member-seat-order.entity.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { OrderMemberSeatsInput, QuoteMemberSeatsInput } from '../inputs/member-seat.inputs.js';
import { writeInvoice } from '../invoicing.js';
import { activeMemberCount } from '../spaces-members.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { MemberSeatQuote } from '../types/licensing.types.js';
import { idempotencyKeyOf } from './guest-license.resolver.js';

async function quoteFor(ctx: LicensingContext, manager: EntityManager, tenantId: string, input: QuoteMemberSeatsInput, activeMembers: number): Promise<{ contract: Contract; quote: SeatQuote; orderDate: string }> {
  const found = await manager.findOneBy(Contract, { tenantId });
  if (!found) throw licensingRefusals.refuse('seatsNoBaseContract');
  const contract = await settleContract(manager, found, todayFor(ctx, found));
  const orderDate = input.orderDate ?? todayFor(ctx, contract);
  if (!isAcceptedDate(orderDate)) throw dateRefusal('orderDate');
  const [prices, courseOrders] = await Promise.all([manager.find(PriceRow), manager.findBy(CourseOrder, { tenantId })]);
  const terms = { ...contract, course: courseForOrder(contract, courseOrders, orderDate), basePurchasedOn: contract.basePurchasedOn ?? contract.startsOn, memberSeatsHeld: contract.memberSeats };
  const quote = applyRule(() => quoteSeatOrder(terms, { quantity: input.quantity, orderDate, forRenewal: input.forRenewal, activeMembers }, prices));
  return { contract, quote, orderDate };
}

function sameOrder(order: MemberSeatOrder, input: OrderMemberSeatsInput): MemberSeatOrder {
  const wasForRenewal = order.months === 0;
  if (order.quantity !== input.quantity || (input.orderDate != null && input.orderDate !== order.orderDate) || wasForRenewal !== (input.forRenewal === true)) {
    throw licensingRefusals.refuse('seatOrderKeyReused', { key: order.idempotencyKey, quantity: grouped(order.quantity), orderDate: order.orderDate });
  }
  return order;
}

@Resolver(() => MemberSeatOrder)
export class MemberSeatResolver {
  @Query(() => MemberSeatQuote, { description: 'T5/T6: the price of a member seat change before ordering it (pro-rated like guest licences, L6/L7). Tenant administrators only.' })
  async quoteMemberSeats(@Arg('input', () => QuoteMemberSeatsInput) input: QuoteMemberSeatsInput, @Ctx() ctx: LicensingContext): Promise<SeatQuote> {
    const viewer = requireAdmin(ctx);
    // a quote of an increase needs no member count; a decrease is checked against spaces' count
    const members = input.quantity < 0 ? await activeMemberCount(ctx, viewer.tenantId) : 0;
    return (await quoteFor(ctx, ctx.dataSource.manager, viewer.tenantId, input, members)).quote;
  }

  @Mutation(() => MemberSeatOrder, {
    description: `T5/T6: adds (positive quantity) or removes (negative) member seats as quoted, and bills it. At least ${MIN_MEMBER_SEATS} seats, never fewer than the active members. The same idempotency key twice orders once. Tenant administrators only.`,
  })
  async orderMemberSeats(@Arg('input', () => OrderMemberSeatsInput) input: OrderMemberSeatsInput, @Ctx() ctx: LicensingContext): Promise<MemberSeatOrder> {
    const viewer = requireAdmin(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const orders = ctx.dataSource.getRepository(MemberSeatOrder);
    return placeOnce(
      () => orders.findOneBy({ tenantId: viewer.tenantId, idempotencyKey: key }),
      (earlier) => sameOrder(earlier, input),
      async () => {
      // T5: the member count comes from spaces, before the transaction (no remote call holds a lock)
      const members = input.quantity < 0 ? await activeMemberCount(ctx, viewer.tenantId) : 0;
        return ctx.dataSource.transaction(async (manager) => {
          const { contract, quote, orderDate } = await quoteFor(ctx, manager, viewer.tenantId, input, members);
          // one conditional UPDATE: two racing decreases cannot together go below the minimum
          const changed = await manager
            .createQueryBuilder()
            .update(Contract)
            .set({ memberSeats: () => 'memberSeats + :delta' })
            .where('id = :id AND cancelledOn IS NULL AND memberSeats = :before AND memberSeats + :delta >= :min')
            .setParameters({ id: contract.id, delta: quote.quantity, before: contract.memberSeats, min: MIN_MEMBER_SEATS })
            .execute();
          if ((changed.affected ?? 0) !== 1) throw licensingRefusals.refuse('seatsChangedMeanwhile');
          const invoiceId = quote.total > 0 ? await writeInvoice(manager, viewer.tenantId, orderDate, quote.lines, quote, null, null, { actor: viewer }) : null;
          const order = {
            id: randomUUID(),
            tenantId: viewer.tenantId,
            idempotencyKey: key,
            quantity: quote.quantity,
            seatsAfter: quote.seatsAfter,
            orderDate,
            effectiveFrom: quote.effectiveFrom,
            seatsFrom: quote.seatsFrom,
            months: quote.months,
            unitPrice: quote.unitPrice,
            subtotal: quote.subtotal,
            tax: quote.tax,
            total: quote.total,
            orderedBy: viewer.userId,
            invoiceId,
          };
          await manager.insert(MemberSeatOrder, order);
          await recordAudit(manager, {
            at: ctx.clock.now(),
            actor: viewer,
            tenantId: viewer.tenantId,
            action: 'memberSeats.order',
            subject: `Contract:${contract.id}`,
            before: { memberSeats: contract.memberSeats },
            after: { memberSeats: quote.seatsAfter, quantity: quote.quantity, seatsFrom: quote.seatsFrom, total: quote.total },
          });
          return manager.findOneByOrFail(MemberSeatOrder, { id: order.id });
        });
      },
    );
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice the order produced; null when it charged nothing: a decrease, or any monthly order (L16: the next 1st-of-month invoice bills what is in force that day).' })
  async invoice(@Root() order: MemberSeatOrder, @Ctx() ctx: LicensingContext): Promise<Invoice | null> {
    return order.invoiceId ? ctx.loaders.invoiceById.load(order.invoiceId) : null;
  }

  @Query(() => [MemberSeatOrder], { ...SURVIVES_OUTAGE, description: "The tenant's member seat orders, oldest first. Tenant administrators only." })
  async memberSeatOrders(@Ctx() ctx: LicensingContext): Promise<MemberSeatOrder[]> {
    const viewer = requireAdmin(ctx);
    return ctx.loaders.seatOrdersByTenant.load(viewer.tenantId);
  }
}
