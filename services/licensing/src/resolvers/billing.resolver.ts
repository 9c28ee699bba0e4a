import { isVendorAdmin } from '@kyodo/auth';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { isTenantAdmin, requireVendorOperator, type LicensingContext } from '../access.js';
import { runBilling } from '../billing-run.js';
import { Invoice } from '../entities/invoice.entity.js';
import { TenantRef } from '../entities/tenant.type.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { BillingRun } from '../types/licensing.types.js';

@Resolver(() => BillingRun)
export class BillingRunResolver {
  @Mutation(() => BillingRun, {
    description:
      'L16: issues every invoice the period (YYYY-MM, not later than the current month) is missing: monthly contracts for the month, annual ones at a term start. Running it again issues nothing. Vendor operators (VENDOR_ADMIN) only.',
  })
  async runBilling(@Arg('period', () => String) period: string, @Ctx() ctx: LicensingContext): Promise<BillingRun & { invoices: Invoice[] }> {
    const viewer = requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyBillingRun'));
    try {
      const { issued, pendingTenants } = await runBilling(ctx.dataSource, period.trim(), ctx.clock.now(), { trigger: 'OPERATOR', userId: viewer.userId });
      return { period: period.trim(), issuedCount: issued.length, pendingTenants, invoices: issued };
    } catch (error) {
      if (licensingRefusals.isThrown(error)) throw licensingRefusals.refuseWith(error);
      throw error;
    }
  }

  @FieldResolver(() => [Invoice], { description: 'The invoices this run issued, oldest first.' })
  invoices(@Root() run: BillingRun & { invoices?: Invoice[] }): Invoice[] {
    return run.invoices ?? [];
  }
}

@Resolver(() => TenantRef)
export class TenantInvoicesResolver {
  @FieldResolver(() => [Invoice], {
    nullable: true,
    description: "The tenant's invoices, oldest first: each billing period's once (L16), plus order and renewal invoices. Its administrators and vendor operators; null for anyone else.",
  })
  async invoices(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<Invoice[] | null> {
    if (!isTenantAdmin(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    return ctx.dataSource.getRepository(Invoice).find({ where: { tenantId: tenant.id }, order: { issuedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Q1: the registered name the tenant's next invoices are addressed to (setInvoiceRecipientName changes it); null when none was given. Its administrators and vendor operators; null for anyone else.",
  })
  async invoiceRecipientName(@Root() tenant: TenantRef, @Ctx() ctx: LicensingContext): Promise<string | null> {
    if (!isTenantAdmin(ctx.viewer, tenant.id) && !isVendorAdmin(ctx.viewer)) return null;
    return (await ctx.loaders.recipientByTenantId.load(tenant.id))?.registeredName ?? null;
  }
}
