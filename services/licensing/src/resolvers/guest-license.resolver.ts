import { recordContractChange, settleContractChange } from '../contract-feed.js';
import { randomUUID } from 'node:crypto';
import { recordAudit, requireAdmin, rowLockOf, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { applyRule, dateRefusal, placeOnce, todayFor, type LicensingContext } from '../access.js';
import { settleContract } from '../contract-renewal.js';
import { assertGuestOfTenant } from '../spaces-guests.js';
import { isAcceptedDate } from '../domain/calendar-dates.js';
import { guestLicensesInForce, quoteGuestOrder, type BaseContractTerms, type GuestQuote } from '../domain/guest-orders.js';
import { courseForOrder } from '../domain/course-orders.js';
import { refuseAssignment } from '../domain/guest-licenses.js';
import { grouped } from '../domain/refusal.js';
import { Contract } from '../entities/contract.entity.js';
import { GuestLicenseAssignment } from '../entities/guest-license-assignment.entity.js';
import { GuestLicenseOrder } from '../entities/guest-license-order.entity.js';
import { Invoice, InvoiceLine } from '../entities/invoice.entity.js';
import { CourseOrder } from '../entities/course-order.entity.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { GuestLicenseAssignmentInput, OrderGuestLicensesInput, QuoteGuestLicensesInput } from '../inputs/guest-license.inputs.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { Quote } from '../types/licensing.types.js';
import { creditPeriodsCancelled, writeInvoice } from '../invoicing.js';

export function contractTerms(contract: Contract): BaseContractTerms {
  return {
    course: contract.course,
    billingCycle: contract.billingCycle,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    seller: contract.seller,
    basePurchasedOn: contract.basePurchasedOn ?? contract.startsOn,
    cancelledOn: contract.cancelledOn,
    guestLicenses: contract.guestLicensesHeld,
    terminationNoticeOn: contract.terminationNoticeOn,
  };
}

export function idempotencyKeyOf(raw: string): string {
  const key = raw.trim();
  if (!key || key.length > 100) throw licensingRefusals.refuse('idempotencyKeyLength');
  return key;
}

async function quoteFor(ctx: LicensingContext, manager: EntityManager, tenantId: string, input: QuoteGuestLicensesInput): Promise<{ contract: Contract; quote: GuestQuote; orderDate: string }> {
  const found = await manager.findOneBy(Contract, { tenantId });
  if (!found) throw licensingRefusals.refuse('guestsNoBaseContract');
  const contract = await settleContract(manager, found, todayFor(ctx, found));
  const orderDate = input.orderDate ?? todayFor(ctx, contract);
  if (!isAcceptedDate(orderDate)) throw dateRefusal('orderDate');
  const [prices, courseOrders] = await Promise.all([manager.find(PriceRow), manager.findBy(CourseOrder, { tenantId })]);
  const terms = { ...contractTerms(contract), course: courseForOrder(contract, courseOrders, orderDate) };
  const quote = applyRule(() => quoteGuestOrder(terms, { quantity: input.quantity, orderDate, seller: input.seller, forRenewal: input.forRenewal }, prices));
  return { contract, quote, orderDate };
}

/** An order placed for the renewal (L7) is the only kind charged for 0 months (monthly orders have none, annual ones at least 1). */
const wasForRenewal = (order: GuestLicenseOrder) => order.months === 0;

function sameOrder(order: GuestLicenseOrder, input: OrderGuestLicensesInput): GuestLicenseOrder {
  if (order.quantity !== input.quantity || (input.orderDate != null && input.orderDate !== order.orderDate)) {
    throw licensingRefusals.refuse('guestOrderKeyReused', { key: order.idempotencyKey, quantity: grouped(order.quantity), orderDate: order.orderDate });
  }
  if (wasForRenewal(order) !== (input.forRenewal === true)) {
    const params = { key: order.idempotencyKey, quantity: grouped(order.quantity), orderDate: order.orderDate };
    throw licensingRefusals.refuse(wasForRenewal(order) ? 'guestOrderKeyReusedForRenewal' : 'guestOrderKeyReusedForCurrentTerm', params);
  }
  return order;
}

@Resolver(() => GuestLicenseOrder)
export class GuestLicenseResolver {
  @Query(() => Quote, { description: 'L5-L7: the price of a guest licence change before ordering it. Tenant administrators only.' })
  async quoteGuestLicenses(@Arg('input', () => QuoteGuestLicensesInput) input: QuoteGuestLicensesInput, @Ctx() ctx: LicensingContext): Promise<Quote> {
    const viewer = requireAdmin(ctx);
    const { quote } = await quoteFor(ctx, ctx.dataSource.manager, viewer.tenantId, input);
    return quote;
  }

  @Mutation(() => GuestLicenseOrder, {
    description:
      'L5-L7: buys (positive quantity) or removes (negative) guest licences as quoted, and bills it. The same idempotency key twice buys once. Tenant administrators only.',
  })
  async orderGuestLicenses(@Arg('input', () => OrderGuestLicensesInput) input: OrderGuestLicensesInput, @Ctx() ctx: LicensingContext): Promise<GuestLicenseOrder> {
    const viewer = requireAdmin(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const orders = ctx.dataSource.getRepository(GuestLicenseOrder);
    return placeOnce(
      () => orders.findOneBy({ tenantId: viewer.tenantId, idempotencyKey: key }),
      (earlier) => sameOrder(earlier, input),
      async () => {
        return ctx.dataSource.transaction(async (manager) => {
          const { contract, quote, orderDate } = await quoteFor(ctx, manager, viewer.tenantId, input);
          // the count changes in one conditional UPDATE: concurrent orders never leave it wrong
          const changed = await manager
            .createQueryBuilder()
            .update(Contract)
            .set({ guestLicensesHeld: () => 'guestLicensesHeld + :delta' })
            .where('id = :id AND cancelledOn IS NULL AND guestLicensesHeld + :delta >= 0 AND guestLicensesHeld + :delta >= guestLicensesAssigned')
            .setParameters({ id: contract.id, delta: quote.quantity })
            .execute();
          if ((changed.affected ?? 0) !== 1) {
            const now = await manager.findOneByOrFail(Contract, { id: contract.id });
            if (now.cancelledOn) throw licensingRefusals.refuse('guestsContractCancelled');
            if (now.guestLicensesHeld + quote.quantity < 0) throw licensingRefusals.refuse('guestRemoveMoreThanHeld', { held: grouped(now.guestLicensesHeld), removed: grouped(-quote.quantity) });
            throw licensingRefusals.refuse('guestDecreaseBelowAssigned', { assigned: grouped(now.guestLicensesAssigned), after: grouped(now.guestLicensesHeld + quote.quantity) });
          }
          const after = await manager.findOneByOrFail(Contract, { id: contract.id });
          const invoiceId = quote.total > 0 ? await writeInvoice(manager, viewer.tenantId, orderDate, quote.lines, quote, null, null, { actor: viewer }) : null;
          const order = manager.create(GuestLicenseOrder, {
            id: randomUUID(),
            tenantId: viewer.tenantId,
            idempotencyKey: key,
            quantity: quote.quantity,
            guestLicensesAfter: after.guestLicensesHeld,
            orderDate,
            effectiveFrom: quote.effectiveFrom,
            licensesFrom: quote.licensesFrom,
            endsOn: quote.endsOn,
            months: quote.months,
            unitPrice: quote.unitPrice,
            subtotal: quote.subtotal,
            tax: quote.tax,
            total: quote.total,
            seller: input.seller?.trim() || contract.seller,
            orderedBy: viewer.userId,
            invoiceId,
          });
          await manager.insert(GuestLicenseOrder, order);
          await recordAudit(manager, {
            at: ctx.clock.now(),
            actor: viewer,
            tenantId: viewer.tenantId,
            action: 'guestLicenses.order',
            subject: `Contract:${contract.id}`,
            before: { guestLicensesHeld: contract.guestLicensesHeld },
            after: { guestLicensesHeld: after.guestLicensesHeld, quantity: quote.quantity, licensesFrom: quote.licensesFrom, total: quote.total },
          });
          return manager.findOneByOrFail(GuestLicenseOrder, { id: order.id });
        });
      },
    );
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice the order produced; null when it charged nothing: a decrease, or any monthly order (L16: the next 1st-of-month invoice bills what is in force that day).' })
  async invoice(@Root() order: GuestLicenseOrder, @Ctx() ctx: LicensingContext): Promise<Invoice | null> {
    return order.invoiceId ? ctx.loaders.invoiceById.load(order.invoiceId) : null;
  }

  @Query(() => [GuestLicenseOrder], { ...SURVIVES_OUTAGE, description: "The tenant's guest licence orders, oldest first. Tenant administrators only." })
  async guestLicenseOrders(@Ctx() ctx: LicensingContext): Promise<GuestLicenseOrder[]> {
    const viewer = requireAdmin(ctx);
    return ctx.loaders.ordersByTenant.load(viewer.tenantId);
  }

  @Mutation(() => Boolean, {
    description:
      "L3: assigns one of the tenant's guest licences to a guest of the tenant (spaces is asked; not a guest: BAD_USER_INPUT, spaces unreachable: SERVICE_UNAVAILABLE), who is then LICENSED. At most as many as bought. Tenant administrators only.",
  })
  async assignGuestLicense(@Arg('input', () => GuestLicenseAssignmentInput) input: GuestLicenseAssignmentInput, @Ctx() ctx: LicensingContext): Promise<boolean> {
    const viewer = requireAdmin(ctx);
    const userId = input.userId.trim();
    if (!userId || userId.length > 36) throw licensingRefusals.refuse('guestIdMissing');
    await assertGuestOfTenant(ctx, viewer.tenantId, userId);
    return ctx.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Contract, { tenantId: viewer.tenantId });
      if (!found) throw licensingRefusals.refuse('guestsNoBaseContract');
      const contract = await settleContract(manager, found, todayFor(ctx, found));
      if (contract.cancelledOn) throw licensingRefusals.refuse('assignmentContractCancelled');
      if (await manager.existsBy(GuestLicenseAssignment, { tenantId: viewer.tenantId, userId })) return true;
      // L3/L6/L7: bounded by the licences in force today, not the stored count held (which already
      // includes orders dated later and decreases not yet due); the UPDATE stays conditional, so
      // two assignments racing for the last licence cannot both take it
      const inForce = guestLicensesInForce(contract, await manager.findBy(GuestLicenseOrder, { tenantId: viewer.tenantId }), todayFor(ctx, contract));
      const taken = await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ guestLicensesAssigned: () => 'guestLicensesAssigned + 1' })
        .where('id = :id AND cancelledOn IS NULL AND guestLicensesAssigned < :inForce', { id: contract.id, inForce })
        .execute();
      if ((taken.affected ?? 0) !== 1) {
        const now = await manager.findOneByOrFail(Contract, { id: contract.id });
        const reason = refuseAssignment(inForce, now.guestLicensesAssigned);
        throw reason ? licensingRefusals.refuseWith(reason) : licensingRefusals.refuse('assignmentRetry');
      }
      await manager.insert(GuestLicenseAssignment, { tenantId: viewer.tenantId, userId, assignedBy: viewer.userId });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'guestLicense.assign', subject: `User:${userId}`, before: { assigned: false }, after: { assigned: true } });
      return true;
    });
  }

  @Mutation(() => Boolean, { description: 'Frees the guest licence assigned to a guest. Tenant administrators only.' })
  async unassignGuestLicense(@Arg('input', () => GuestLicenseAssignmentInput) input: GuestLicenseAssignmentInput, @Ctx() ctx: LicensingContext): Promise<boolean> {
    const viewer = requireAdmin(ctx);
    return ctx.dataSource.transaction(async (manager) => {
      const removed = await manager.delete(GuestLicenseAssignment, { tenantId: viewer.tenantId, userId: input.userId });
      if ((removed.affected ?? 0) !== 1) throw licensingRefusals.refuse('assignmentNotFound');
      await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ guestLicensesAssigned: () => 'guestLicensesAssigned - 1' })
        .where('tenantId = :tenantId AND guestLicensesAssigned > 0', { tenantId: viewer.tenantId })
        .execute();
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'guestLicense.unassign', subject: `User:${input.userId}`, before: { assigned: true }, after: { assigned: false } });
      return true;
    });
  }

  @Mutation(() => Contract, {
    description:
      "L8: cancels the base contract today; its guest licences end with it and the guest spaces become unreadable to everyone. On a 1st (or an annual term start) whose invoice was already issued, that invoice is credited in full with a credit note (L16, Q1). Tenant administrators only.",
  })
  async cancelContract(@Ctx() ctx: LicensingContext): Promise<Contract> {
    const viewer = requireAdmin(ctx);
    const cancelled = await ctx.dataSource.transaction(async (manager) => {
      // locked until the end: a second cancellation, or a billing run writing today's invoice, waits for this one (L8/L16)
      const found = await manager.findOne(Contract, { where: { tenantId: viewer.tenantId }, ...rowLockOf(manager) });
      if (!found) throw licensingRefusals.refuse('baseContractNotFound');
      const contract = await settleContract(manager, found, todayFor(ctx, found));
      if (contract.cancelledOn) throw licensingRefusals.refuse('baseContractAlreadyCancelled', { cancelledOn: contract.cancelledOn });
      const cancelledOn = todayFor(ctx, contract);
      await manager.delete(GuestLicenseAssignment, { tenantId: viewer.tenantId });
      await manager.update(Contract, contract.id, { cancelledOn, guestLicensesHeld: 0, guestLicensesAssigned: 0 });
      // L16/Q1: a cancellation on a 1st (or a term start) after that day's run: the period's invoice is credited in full
      await creditPeriodsCancelled(manager, viewer.tenantId, cancelledOn, viewer);
      // L8/S9: spaces closes the guest spaces and ends the links from its copy of this row
      await recordContractChange(manager, viewer.tenantId);
      await recordAudit(manager, {
        at: ctx.clock.now(),
        actor: viewer,
        tenantId: viewer.tenantId,
        action: 'contract.cancel',
        subject: `Contract:${contract.id}`,
        before: { cancelledOn: null, guestLicensesHeld: contract.guestLicensesHeld, guestLicensesAssigned: contract.guestLicensesAssigned },
        after: { cancelledOn, guestLicensesHeld: 0, guestLicensesAssigned: 0 },
      });
      return manager.findOneByOrFail(Contract, { id: contract.id });
    });
    // L8/S9, issue 19: the access ends today, so it has ended everywhere when the administrator sees the answer
    await settleContractChange(ctx.dataSource);
    return cancelled;
  }
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => [Invoice], { ...SURVIVES_OUTAGE, description: "The tenant's invoices, newest first. Tenant administrators only." })
  async invoices(@Ctx() ctx: LicensingContext): Promise<Invoice[]> {
    const viewer = requireAdmin(ctx);
    return ctx.dataSource.getRepository(Invoice).find({ where: { tenantId: viewer.tenantId }, order: { issuedOn: 'DESC', createdAt: 'DESC', id: 'ASC' } });
  }

  @FieldResolver(() => [InvoiceLine])
  async lines(@Root() invoice: Invoice, @Ctx() ctx: LicensingContext): Promise<InvoiceLine[]> {
    return ctx.loaders.linesByInvoice.load(invoice.id);
  }
}
