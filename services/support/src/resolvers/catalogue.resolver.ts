import { recordAudit, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SupportContext } from '../context.js';
import { businessDeadline, OutsideCalendarError, tokyoDate } from '../domain/business-calendar.js';
import { isSupported } from '../domain/intake.js';
import { SUPPORT_CATEGORIES } from '../domain/scope.js';
import { isSupportAgent } from '../domain/ticket-access.js';
import { SupportLicence } from '../entities/support-licence.entity.js';
import { SupportProduct, SupportProductVersion } from '../entities/support-product.entity.js';
import { SetSupportLicenceInput } from '../inputs/ticket-actions.input.js';
import { supportRefusals } from '../refusals/refusals.js';
import { SupportCategoryType, SupportLicenceRecord } from '../types/catalogue.type.js';

function licenceRecord(tenantId: string, rows: SupportLicence[]): SupportLicenceRecord | null {
  if (rows.length === 0) return null;
  return { tenantId, customerNumber: rows[0]!.customerNumber, productIds: rows.map((r) => r.productId).sort() };
}

@Resolver(() => SupportProduct)
export class CatalogueResolver {
  @Query(() => Date, { description: 'P7: when a ticket received at `receivedAt` is due: 17:30 Asia/Tokyo on the next business day.' })
  async businessDeadline(@Arg('receivedAt', () => Date) receivedAt: Date, @Ctx() ctx: SupportContext): Promise<Date> {
    if (Number.isNaN(receivedAt.getTime())) throw supportRefusals.refuse('receivedAtInvalid');
    try {
      return businessDeadline(receivedAt, await ctx.loaders.calendar());
    } catch (error) {
      if (error instanceof OutsideCalendarError) throw supportRefusals.refuse('receivedAtOutsideCalendar', { from: error.covers.from, to: error.covers.to });
      throw error;
    }
  }

  @Query(() => [SupportCategoryType], { ...SURVIVES_OUTAGE, description: 'P4: what a ticket may be about; out-of-scope categories are answered as such.' })
  supportCategories(): SupportCategoryType[] {
    return SUPPORT_CATEGORIES.map((c) => ({ ...c }));
  }

  @Query(() => [SupportProduct], { ...SURVIVES_OUTAGE, description: 'P5: the products support answers for, with each version\'s end of support.' })
  async supportProducts(@Ctx() ctx: SupportContext): Promise<SupportProduct[]> {
    return ctx.dataSource.getRepository(SupportProduct).find({ order: { id: 'ASC' } });
  }

  @FieldResolver(() => [SupportProductVersion])
  async versions(@Root() product: SupportProduct, @Ctx() ctx: SupportContext): Promise<SupportProductVersion[]> {
    return ctx.loaders.versionsByProductId.load(product.id);
  }

  @Query(() => SupportLicenceRecord, { nullable: true, description: "P3: a tenant's licence certificate on record. Agents: any tenant; administrators: their own." })
  async supportLicence(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: SupportContext): Promise<SupportLicenceRecord | null> {
    const viewer = requireViewer(ctx);
    const ownAdmin = viewer.kind === 'MEMBER' && viewer.roles.includes('ADMIN') && viewer.tenantId === tenantId;
    if (!isSupportAgent(viewer) && !ownAdmin) throw supportRefusals.refuse('licenceRecordForbidden');
    const rows = await ctx.dataSource.getRepository(SupportLicence).find({ where: { tenantId }, order: { productId: 'ASC' } });
    return licenceRecord(tenantId, rows);
  }

  @Mutation(() => SupportLicenceRecord, {
    nullable: true,
    description: "Agents: records a tenant's licence certificate (P3), replacing what was there; no product IDs removes it (null).",
  })
  async setSupportLicence(@Arg('input', () => SetSupportLicenceInput) input: SetSupportLicenceInput, @Ctx() ctx: SupportContext): Promise<SupportLicenceRecord | null> {
    const viewer = requireViewer(ctx);
    if (!isSupportAgent(viewer)) throw supportRefusals.refuse('recordLicenceAgentsOnly');
    const customerNumber = input.customerNumber.trim();
    if (!/^\d{6}$/.test(customerNumber)) throw supportRefusals.refuse('licenceCustomerNumberFormat', { customerNumber });
    const productIds = [...new Set(input.productIds.map((p) => p.trim()))];
    return ctx.dataSource.transaction(async (manager) => {
      const known = new Set((await manager.find(SupportProduct)).map((p) => p.id));
      const unknown = productIds.filter((p) => !known.has(p));
      if (unknown.length > 0) throw supportRefusals.refuse('licenceUnknownProducts', { unknown: unknown.join(', '), products: [...known].sort().join(', ') });
      const before = await manager.find(SupportLicence, { where: { tenantId: input.tenantId }, order: { productId: 'ASC' } });
      await manager.delete(SupportLicence, { tenantId: input.tenantId });
      const rows = productIds.map((productId) => manager.create(SupportLicence, { tenantId: input.tenantId, productId, customerNumber }));
      if (rows.length > 0) await manager.insert(SupportLicence, rows);
      const after = licenceRecord(input.tenantId, rows);
      // A1: a tenant's licence certificate on record
      await recordAudit(manager, {
        at: ctx.clock.now(),
        actor: viewer,
        tenantId: input.tenantId,
        action: 'supportLicence.set',
        subject: `Tenant:${input.tenantId}`,
        before: before.length > 0 ? { customerNumber: before[0]!.customerNumber, productIds: before.map((r) => r.productId) } : null,
        after: after && { customerNumber: after.customerNumber, productIds: after.productIds },
      });
      return after;
    });
  }
}

@Resolver(() => SupportProductVersion)
export class SupportProductVersionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether tickets can be opened for it today (Asia/Tokyo).' })
  supported(@Root() version: SupportProductVersion, @Ctx() ctx: SupportContext): boolean {
    return isSupported(version, tokyoDate(ctx.clock.now()));
  }
}
