import { isVendorAdmin } from '@kyodo/auth';
import { decodeCursor, encodeCursor, pageSize, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { isTenantAdmin, type LicensingContext } from '../access.js';
import { BillingRunRecord } from '../entities/billing-run.entity.js';
import { Contract } from '../entities/contract.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { DigitisationPackOrder } from '../entities/service-contract.entity.js';
import { TenantRef } from '../entities/tenant.type.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { SafeIntScalar } from '../scalars/date.scalar.js';

/** L16: one past billing run as operators read it (billingRuns). */
@ObjectType('PastBillingRun', { description: 'L16: one billing run and its result, as kept when it ended.' })
export class PastBillingRun {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The period billed, YYYY-MM.' })
  period: string;

  @Field(() => Date, { description: 'When the run ended (UTC).' })
  ranAt: Date;

  @Field(() => String, { description: 'OPERATOR (runBilling), SCHEDULE (the hourly run; kept only when it issued something or found a pending contract) or CLI.' })
  via: string;

  @Field(() => ID, { nullable: true, description: 'The operator who ran it; null for the schedule and the command line.' })
  ranBy: string | null;

  @Field(() => Int)
  issuedCount: number;

  @Field(() => SafeIntScalar, { description: "The issued invoices' totals, yen including tax." })
  issuedTotal: number;

  @Field(() => [ID], { description: 'Tenants whose base contract was pending (issue 18 #6): not invoiced.' })
  pendingTenants: string[];

  invoiceIds: string[];
}

@ObjectType({ description: 'L16: one past billing run in the list.' })
export class PastBillingRunEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to continue after this run.' })
  cursor: string;

  @Field(() => PastBillingRun)
  node: PastBillingRun;
}

@ObjectType({ description: "Named for the billing runs so it never clashes with another subgraph's page type." })
export class PastBillingRunPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'L16: a page of past billing runs, newest first.' })
export class PastBillingRunConnection {
  @Field(() => [PastBillingRunEdge])
  edges: PastBillingRunEdge[];

  @Field(() => PastBillingRunPageInfo)
  pageInfo: PastBillingRunPageInfo;
}

const runOf = (row: BillingRunRecord): PastBillingRun => ({
  id: row.id,
  period: row.period,
  ranAt: new Date(row.ranAt),
  via: row.via,
  ranBy: row.ranBy,
  issuedCount: row.issuedCount,
  issuedTotal: Number(row.issuedTotal),
  pendingTenants: JSON.parse(row.pendingTenants) as string[],
  invoiceIds: JSON.parse(row.invoiceIds) as string[],
});

/** The vendor operators' views of billing (L16): past runs, newest first. */
@Resolver(() => PastBillingRun)
export class PastBillingRunResolver {
  @Query(() => PastBillingRunConnection, {
    // nullable like every root list: an outage nulls this field only (SURVIVES_OUTAGE)
    ...SURVIVES_OUTAGE,
    description: 'L16: past billing runs and what each issued, newest first. Vendor operators (VENDOR_ADMIN) only: anyone else FORBIDDEN, anonymous UNAUTHENTICATED.',
  })
  async billingRuns(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LicensingContext,
  ): Promise<PastBillingRunConnection | null> {
    const viewer = requireViewer(ctx);
    if (!isVendorAdmin(viewer)) throw licensingRefusals.refuse('vendorOnlyBillingRuns');
    const size = pageSize(first);
    let qb = ctx.dataSource.getRepository(BillingRunRecord).createQueryBuilder('r');
    if (after) qb = qb.where('(r.ranAt < :at OR (r.ranAt = :at AND r.id < :id))', decodeCursor(after, ['at', 'id'] as const));
    const rows = await qb.orderBy('r.ranAt', 'DESC').addOrderBy('r.id', 'DESC').take(size + 1).getMany();
    const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor({ at: row.ranAt, id: row.id }), node: runOf(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @FieldResolver(() => [Invoice], { description: 'The invoices the run issued, oldest first.' })
  async invoices(@Root() run: PastBillingRun, @Ctx() ctx: LicensingContext): Promise<Invoice[]> {
    if (run.invoiceIds.length === 0) return [];
    const found = await ctx.dataSource.getRepository(Invoice).findBy({ id: In(run.invoiceIds) });
    const order = new Map(run.invoiceIds.map((id, i) => [id, i]));
    return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
}

/** What vendor operators read of any tenant's contract beside what its members read (T4-T6, issue 18 #6). */
@Resolver(() => Contract)
export class ContractOperatorFieldsResolver {
  @FieldResolver(() => Int, { description: 'T5: member seats held after every seat order so far, a decrease not yet due included (memberSeats: those in force today).' })
  memberSeatsOrdered(@Root() contract: Contract): number {
    return contract.memberSeats;
  }

  @FieldResolver(() => Boolean, { description: 'Issue 18 #6: true while spaces has not confirmed the tenant exists (a failed onboarding): billing never invoices a pending contract.' })
  pending(@Root() contract: Contract): boolean {
    return !contract.tenantConfirmed;
  }
}

/** L15: the digitisation packs sold to a tenant, for its administrators and vendor operators. */
@Resolver(() => TenantRef)
export class TenantPackOrdersResolver {
  @FieldResolver(() => [DigitisationPackOrder], { nullable: true, description: "L15: the tenant's digitisation pack orders, oldest first. Its administrators and vendor operators; null for anyone else." })
  async digitisationPackOrders(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<DigitisationPackOrder[] | null> {
    if (!isTenantAdmin(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    return ctx.dataSource.getRepository(DigitisationPackOrder).find({ where: { tenantId: tenant.id }, order: { orderDate: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }
}
