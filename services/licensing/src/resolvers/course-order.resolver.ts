import { randomUUID } from 'node:crypto';
import { recordAudit, requireAdmin, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { applyRule, dateRefusal, placeOnce, todayFor, type LicensingContext } from '../access.js';
import { settleContract } from '../contract-renewal.js';
import { isAcceptedDate } from '../domain/calendar-dates.js';
import { courseOn, quoteCourseChange, type CourseQuote as CourseQuoteData } from '../domain/course-orders.js';
import { memberSeatsOn } from '../domain/seat-orders.js';
import { Contract, Course } from '../entities/contract.entity.js';
import { CourseOrder } from '../entities/course-order.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { MemberSeatOrder } from '../entities/member-seat-order.entity.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { OrderCourseChangeInput, QuoteCourseChangeInput } from '../inputs/course-order.inputs.js';
import { writeInvoice } from '../invoicing.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { CourseQuote } from '../types/licensing.types.js';
import { idempotencyKeyOf } from './guest-license.resolver.js';

async function quoteFor(ctx: LicensingContext, manager: EntityManager, tenantId: string, input: QuoteCourseChangeInput): Promise<{ contract: Contract; quote: CourseQuoteData; orderDate: string }> {
  const found = await manager.findOneBy(Contract, { tenantId });
  if (!found) throw licensingRefusals.refuse('courseNoBaseContract');
  const contract = await settleContract(manager, found, todayFor(ctx, found));
  const orderDate = input.orderDate ?? todayFor(ctx, contract);
  if (!isAcceptedDate(orderDate)) throw dateRefusal('orderDate');
  const [prices, courseOrders, seatOrders] = await Promise.all([manager.find(PriceRow), manager.findBy(CourseOrder, { tenantId }), manager.findBy(MemberSeatOrder, { tenantId })]);
  const terms = {
    ...contract,
    basePurchasedOn: contract.basePurchasedOn ?? contract.startsOn,
    courseHeld: contract.course,
    courseInForce: courseOn(contract.course, courseOrders, orderDate),
    // T6: an annual upgrade charges the member seats in force on the order date
    seatsInForce: memberSeatsOn({ memberSeatsHeld: contract.memberSeats, cancelledOn: contract.cancelledOn }, seatOrders, orderDate),
  };
  const quote = applyRule(() => quoteCourseChange(terms, { course: input.course, orderDate, forRenewal: input.forRenewal }, prices));
  return { contract, quote, orderDate };
}

function sameOrder(order: CourseOrder, input: OrderCourseChangeInput): CourseOrder {
  const wasForRenewal = order.months === 0;
  if (order.course !== input.course || (input.orderDate != null && input.orderDate !== order.orderDate) || wasForRenewal !== (input.forRenewal === true)) {
    throw licensingRefusals.refuse('courseOrderKeyReused', { key: order.idempotencyKey, course: order.course, orderDate: order.orderDate });
  }
  return order;
}

@Resolver(() => CourseOrder)
export class CourseOrderResolver {
  @Query(() => CourseQuote, { description: 'T6: the price and timing of a course change before ordering it (L6/L7 timing). Tenant administrators only.' })
  async quoteCourseChange(@Arg('input', () => QuoteCourseChangeInput) input: QuoteCourseChangeInput, @Ctx() ctx: LicensingContext): Promise<CourseQuoteData> {
    const viewer = requireAdmin(ctx);
    return (await quoteFor(ctx, ctx.dataSource.manager, viewer.tenantId, input)).quote;
  }

  @Mutation(() => CourseOrder, {
    description: 'T6: changes the base contract course as quoted, and bills it (an annual upgrade is invoiced on the order date). The same idempotency key twice orders once. Tenant administrators only.',
  })
  async orderCourseChange(@Arg('input', () => OrderCourseChangeInput) input: OrderCourseChangeInput, @Ctx() ctx: LicensingContext): Promise<CourseOrder> {
    const viewer = requireAdmin(ctx);
    const key = idempotencyKeyOf(input.idempotencyKey);
    const orders = ctx.dataSource.getRepository(CourseOrder);
    return placeOnce(
      () => orders.findOneBy({ tenantId: viewer.tenantId, idempotencyKey: key }),
      (earlier) => sameOrder(earlier, input),
      async () => {
        return ctx.dataSource.transaction(async (manager) => {
          const { contract, quote, orderDate } = await quoteFor(ctx, manager, viewer.tenantId, input);
          // one conditional UPDATE: two racing orders cannot both change the course they read
          const changed = await manager
            .createQueryBuilder()
            .update(Contract)
            .set({ course: quote.course as Course })
            .where('id = :id AND cancelledOn IS NULL AND course = :before')
            .setParameters({ id: contract.id, before: quote.courseBefore })
            .execute();
          if ((changed.affected ?? 0) !== 1) throw licensingRefusals.refuse('courseChangedMeanwhile');
          const invoiceId = quote.total > 0 ? await writeInvoice(manager, viewer.tenantId, orderDate, quote.lines, quote, null, null, { actor: viewer }) : null;
          const order = {
            id: randomUUID(),
            tenantId: viewer.tenantId,
            idempotencyKey: key,
            courseBefore: quote.courseBefore as Course,
            course: quote.course as Course,
            orderDate,
            effectiveFrom: quote.effectiveFrom,
            courseFrom: quote.courseFrom,
            seats: quote.seats,
            months: quote.months,
            unitPrice: quote.unitPrice,
            subtotal: quote.subtotal,
            tax: quote.tax,
            total: quote.total,
            orderedBy: viewer.userId,
            invoiceId,
          };
          await manager.insert(CourseOrder, order);
          // A1: in the order's transaction
          await recordAudit(manager, {
            at: ctx.clock.now(),
            actor: viewer,
            tenantId: viewer.tenantId,
            action: 'course.order',
            subject: `Contract:${contract.id}`,
            before: { course: quote.courseBefore },
            after: { course: quote.course, courseFrom: quote.courseFrom, effectiveFrom: quote.effectiveFrom, total: quote.total },
          });
          return manager.findOneByOrFail(CourseOrder, { id: order.id });
        });
      },
    );
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice the order produced; null when it charged nothing now.' })
  async invoice(@Root() order: CourseOrder, @Ctx() ctx: LicensingContext): Promise<Invoice | null> {
    return order.invoiceId ? ctx.loaders.invoiceById.load(order.invoiceId) : null;
  }

  @Query(() => [CourseOrder], { ...SURVIVES_OUTAGE, description: "The tenant's course orders, oldest first. Tenant administrators only." })
  async courseOrders(@Ctx() ctx: LicensingContext): Promise<CourseOrder[]> {
    const viewer = requireAdmin(ctx);
    return ctx.loaders.courseOrdersByTenant.load(viewer.tenantId);
  }
}
