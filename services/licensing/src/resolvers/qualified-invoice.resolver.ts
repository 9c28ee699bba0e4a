import { isVendorAdmin } from '@kyodo/auth';
import { checkedText, decodeCursor, encodeCursor, pageSize, recordAudit, requireViewer, rowLockOf, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyRuleAsync, dateRefusal, isTenantAdmin, requireVendorOperator, todayFor, type LicensingContext } from '../access.js';
import { isAcceptedDate } from '../domain/calendar-dates.js';
import { taxByRateOf } from '../domain/invoices.js';
import { Invoice, InvoiceRecipient } from '../entities/invoice.entity.js';
import { invoicePdfUrl } from '../invoice-files.js';
import { writeCreditNote } from '../invoicing.js';
import { grouped } from '../domain/refusal.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { CreditNoteInput, InvoiceConnection, InvoiceIssuer, InvoiceSearchInput, InvoiceTaxByRate } from '../types/invoice.types.js';

export const RECIPIENT_NAME_MAX = 200;

/** Q1: a registered name, one line of 1 to 200 characters. */
export function checkedRecipientName(value: string): string {
  const name = checkedText(value, 'name').trim();
  if (name.length < 1 || name.length > RECIPIENT_NAME_MAX) throw licensingRefusals.refuse('recipientNameLength', { max: RECIPIENT_NAME_MAX });
  return name;
}

/** Who may read an invoice: the invoiced tenant's administrators and vendor operators (Q1). */
const mayReadInvoicesOf = (ctx: LicensingContext, tenantId: string) => isTenantAdmin(ctx.viewer, tenantId) || isVendorAdmin(ctx.viewer);

const SEARCH_AMOUNT_MAX = 2_000_000_000;

@Resolver(() => Invoice)
export class QualifiedInvoiceResolver {
  @FieldResolver(() => InvoiceIssuer, { nullable: true, description: 'Q1: the issuer (name and registration number) as it was when the invoice was issued; null on invoices issued before Q1.' })
  issuer(@Root() invoice: Invoice): InvoiceIssuer | null {
    if (!invoice.issuerName || !invoice.issuerRegistrationNumber) return null;
    return { name: invoice.issuerName, registrationNumber: invoice.issuerRegistrationNumber };
  }

  @FieldResolver(() => [InvoiceTaxByRate], { description: "Q1: per tax rate, the lines' total and the tax on it (rounded down once per rate per invoice), highest rate first." })
  async taxByRate(@Root() invoice: Invoice, @Ctx() ctx: LicensingContext): Promise<InvoiceTaxByRate[]> {
    return taxByRateOf(await ctx.loaders.linesByInvoice.load(invoice.id));
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'Q1: the invoice a credit note corrects; null on an invoice.' })
  async correctsInvoice(@Root() invoice: Invoice, @Ctx() ctx: LicensingContext): Promise<Invoice | null> {
    return invoice.correctsInvoiceId ? ((await ctx.loaders.invoiceById.load(invoice.correctsInvoiceId)) ?? null) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Q1: a signed link to the invoice's PDF (Japanese first, English second), valid for 10 minutes; ask again for a new one. The invoiced tenant's administrators and vendor operators; null for anyone else.",
  })
  pdfUrl(@Root() invoice: Invoice, @Ctx() ctx: LicensingContext): string | null {
    if (!mayReadInvoicesOf(ctx, invoice.tenantId)) return null;
    return invoicePdfUrl(ctx.deps, invoice.id, ctx.clock.now());
  }

  @Query(() => InvoiceConnection, {
    // a root connection a client shows beside other data: licensing down must not null the whole answer
    ...SURVIVES_OUTAGE,
    description:
      'Q1 (electronic-records search): invoices and credit notes by issue-date range, amount range (total, tax included) and counterparty, newest first. Vendor operators search every tenant; a tenant administrator only their own tenant; anyone else is FORBIDDEN.',
  })
  async invoiceSearch(
    @Arg('filter', () => InvoiceSearchInput, { nullable: true }) filter: InvoiceSearchInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LicensingContext,
  ): Promise<InvoiceConnection> {
    const viewer = requireViewer(ctx);
    const operator = isVendorAdmin(viewer);
    if (!operator && !isTenantAdmin(viewer, viewer.tenantId)) throw licensingRefusals.refuse('invoiceSearchForbidden');
    const size = pageSize(first);
    const f = filter ?? {};
    for (const [field, value] of [['issuedFrom', f.issuedFrom], ['issuedTo', f.issuedTo]] as const) {
      if (value && !isAcceptedDate(value)) throw dateRefusal(field);
    }
    for (const [field, value] of [['minTotal', f.minTotal], ['maxTotal', f.maxTotal]] as const) {
      if (value !== null && value !== undefined && Math.abs(value) > SEARCH_AMOUNT_MAX) throw licensingRefusals.refuse('invoiceSearchAmount', { field, max: grouped(SEARCH_AMOUNT_MAX) }, { field });
    }
    let qb = ctx.dataSource.getRepository(Invoice).createQueryBuilder('i').where('1 = 1');
    // T1: an administrator's search never leaves their tenant, whatever tenantId says (another tenant's id finds nothing)
    if (!operator) qb = qb.andWhere('i.tenantId = :own', { own: viewer.tenantId });
    if (f.tenantId) qb = qb.andWhere('i.tenantId = :tenantId', { tenantId: f.tenantId });
    if (f.issuedFrom) qb = qb.andWhere('i.issuedOn >= :issuedFrom', { issuedFrom: f.issuedFrom });
    if (f.issuedTo) qb = qb.andWhere('i.issuedOn <= :issuedTo', { issuedTo: f.issuedTo });
    if (f.minTotal !== null && f.minTotal !== undefined) qb = qb.andWhere('i.total >= :minTotal', { minTotal: f.minTotal });
    if (f.maxTotal !== null && f.maxTotal !== undefined) qb = qb.andWhere('i.total <= :maxTotal', { maxTotal: f.maxTotal });
    const name = f.recipientName?.trim();
    if (name) qb = qb.andWhere("i.recipientName LIKE :name ESCAPE '!'", { name: `%${name.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    if (after) {
      const position = decodeCursor(after, ['issuedOn', 'id'] as const);
      qb = qb.andWhere('(i.issuedOn < :afterOn OR (i.issuedOn = :afterOn AND i.id < :afterId))', { afterOn: position.issuedOn, afterId: position.id });
    }
    const rows = await qb.orderBy('i.issuedOn', 'DESC').addOrderBy('i.id', 'DESC').take(size + 1).getMany();
    const edges = rows.slice(0, size).map((node) => ({ cursor: encodeCursor({ issuedOn: node.issuedOn, id: node.id }), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => Invoice, {
    description:
      'Q1: corrects an issued invoice with a credit note (its own number, negative amounts, naming the invoice it corrects); the invoice itself never changes. At most what remains of the invoice after earlier credit notes. Vendor operators (VENDOR_ADMIN) only; audited (A1).',
  })
  async issueCreditNote(@Arg('input', () => CreditNoteInput) input: CreditNoteInput, @Ctx() ctx: LicensingContext): Promise<Invoice> {
    const viewer = requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyCreditNote'));
    return ctx.dataSource.transaction(async (manager) => {
      // the invoice row is locked for the transaction, so two corrections at once cannot both take the same remainder
      // (SQLite has no row locks: its writers take turns for the whole transaction anyway)
      const invoice = await manager.findOne(Invoice, { where: { id: input.invoiceId }, ...rowLockOf(manager) });
      if (!invoice) throw licensingRefusals.refuse('invoiceNotFound');
      const id = await applyRuleAsync(() => writeCreditNote(manager, invoice, { amount: input.amount, reason: input.reason, taxRatePercent: input.taxRatePercent }, todayFor(ctx, null), viewer));
      return manager.findOneByOrFail(Invoice, { id });
    });
  }

  @Mutation(() => String, {
    description:
      "Q1: sets the name the tenant is invoiced under (its registered name), shown on invoices issued from now on (issued ones keep the name they were issued with). The tenant's administrators only; audited (A1).",
  })
  async setInvoiceRecipientName(@Arg('tenantId', () => ID) tenantId: string, @Arg('name', () => String) name: string, @Ctx() ctx: LicensingContext): Promise<string> {
    const viewer = requireViewer(ctx);
    if (!isTenantAdmin(viewer, tenantId)) throw licensingRefusals.refuse('recipientNameAdminOnly');
    const registeredName = checkedRecipientName(name);
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(InvoiceRecipient, { tenantId });
      const now = ctx.clock.now();
      await manager.upsert(InvoiceRecipient, { tenantId, registeredName, updatedAt: now.toISOString() }, ['tenantId']);
      await recordAudit(manager, { at: now, actor: viewer, tenantId, action: 'invoiceRecipient.rename', subject: `Tenant:${tenantId}`, before: before ? { registeredName: before.registeredName } : null, after: { registeredName } });
      return registeredName;
    });
  }
}
