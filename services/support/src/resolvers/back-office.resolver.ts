import { randomUUID } from 'node:crypto';
import { isVendorAdmin, type Viewer } from '@kyodo/auth';
import { recordAudit, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SupportContext } from '../context.js';
import { closingDayProblem, isCalendarDay, productIdProblem, versionProblem } from '../domain/back-office.js';
import { SupportClosingDay } from '../entities/support-closing-day.entity.js';
import { SupportProduct, SupportProductVersion } from '../entities/support-product.entity.js';
import { ClosingDayInput, SupportProductInput, SupportProductVersionInput } from '../inputs/back-office.input.js';
import { supportRefusals } from '../refusals/refusals.js';

function requireVendorOperator(ctx: SupportContext, refusal: 'catalogueVendorOnly' | 'closingDaysVendorOnly'): Viewer {
  const viewer = requireViewer(ctx);
  if (!isVendorAdmin(viewer)) throw supportRefusals.refuse(refusal);
  return viewer;
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw supportRefusals.refuse('backOfficeTextLength', { field, max }, { field });
  return trimmed;
}

const closingDayView = (d: SupportClosingDay) => ({ year: d.year, month: d.month, day: d.day, reason: d.reason });

/** The vendor's back office in support: the product catalogue (P5) and the closing days (P7); every change audited (A1). */
@Resolver()
export class SupportBackOfficeResolver {
  @Query(() => [SupportClosingDay], { ...SURVIVES_OUTAGE, description: "P7/L13: the vendor's own closing days (besides national holidays), as the desk's calendar counts them." })
  async closingDays(@Ctx() ctx: SupportContext): Promise<SupportClosingDay[]> {
    return ctx.dataSource.getRepository(SupportClosingDay).find({ order: { year: 'ASC', month: 'ASC', day: 'ASC', id: 'ASC' } });
  }

  @Mutation(() => SupportProduct, { description: 'P5 (back office): adds a product to the support catalogue, or renames it. Vendor operators only.' })
  async saveSupportProduct(@Arg('input', () => SupportProductInput) input: SupportProductInput, @Ctx() ctx: SupportContext): Promise<SupportProduct> {
    const viewer = requireVendorOperator(ctx, 'catalogueVendorOnly');
    const id = input.id.trim();
    const problem = productIdProblem(id);
    if (problem) throw supportRefusals.refuseWith(problem);
    const name = text(input.name, 'name', 100);
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(SupportProduct, { id });
      if (before) await manager.update(SupportProduct, { id }, { name });
      else await manager.insert(SupportProduct, { id, name });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: before ? 'supportProduct.update' : 'supportProduct.create', subject: `SupportProduct:${id}`, before: before ? { name: before.name } : null, after: { name } });
      return manager.findOneByOrFail(SupportProduct, { id });
    });
  }

  @Mutation(() => SupportProductVersion, { description: "P5 (back office): adds a product version or changes its end of support (from then on no ticket is opened for it). Vendor operators only." })
  async saveSupportProductVersion(@Arg('input', () => SupportProductVersionInput) input: SupportProductVersionInput, @Ctx() ctx: SupportContext): Promise<SupportProductVersion> {
    const viewer = requireVendorOperator(ctx, 'catalogueVendorOnly');
    const productId = input.productId.trim();
    const version = input.version.trim();
    const problem = versionProblem(version);
    if (problem) throw supportRefusals.refuseWith(problem);
    const endOfSupport = input.endOfSupport?.trim() || null;
    if (endOfSupport !== null && !isCalendarDay(endOfSupport)) throw supportRefusals.refuse('endOfSupportFormat');
    return ctx.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(SupportProduct, { id: productId }))) throw supportRefusals.refuse('productNotFound', { productId });
      const before = await manager.findOneBy(SupportProductVersion, { productId, version });
      if (before) await manager.update(SupportProductVersion, { productId, version }, { endOfSupport });
      else await manager.insert(SupportProductVersion, { productId, version, endOfSupport });
      await recordAudit(manager, {
        at: ctx.clock.now(),
        actor: viewer,
        tenantId: null,
        action: before ? 'supportProductVersion.update' : 'supportProductVersion.create',
        subject: `SupportProductVersion:${productId}/${version}`,
        before: before ? { endOfSupport: before.endOfSupport } : null,
        after: { endOfSupport },
      });
      return manager.findOneByOrFail(SupportProductVersion, { productId, version });
    });
  }

  @Mutation(() => SupportClosingDay, { description: "P7/L13 (back office): adds a day the vendor is closed; the desk's deadlines skip it from then on. Vendor operators only." })
  async addClosingDay(@Arg('input', () => ClosingDayInput) input: ClosingDayInput, @Ctx() ctx: SupportContext): Promise<SupportClosingDay> {
    const viewer = requireVendorOperator(ctx, 'closingDaysVendorOnly');
    const day = { year: input.year ?? null, month: input.month, day: input.day, reason: text(input.reason, 'reason', 200) };
    const problem = closingDayProblem(day);
    if (problem) throw supportRefusals.refuseWith(problem);
    return ctx.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await manager.insert(SupportClosingDay, { id, ...day });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: 'closingDay.add', subject: `ClosingDay:${id}`, before: null, after: day });
      return manager.findOneByOrFail(SupportClosingDay, { id });
    });
  }

  @Mutation(() => Boolean, { description: "P7/L13 (back office): removes one of the vendor's closing days. Vendor operators only." })
  async removeClosingDay(@Arg('id', () => ID) id: string, @Ctx() ctx: SupportContext): Promise<boolean> {
    const viewer = requireVendorOperator(ctx, 'closingDaysVendorOnly');
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(SupportClosingDay, { id });
      if (!before) throw supportRefusals.refuse('closingDayNotFound');
      await manager.delete(SupportClosingDay, { id });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: 'closingDay.remove', subject: `ClosingDay:${id}`, before: closingDayView(before), after: null });
      return true;
    });
  }
}
