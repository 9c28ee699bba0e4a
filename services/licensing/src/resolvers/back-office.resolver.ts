import { randomUUID } from 'node:crypto';
import { recordAudit } from '@kyodo/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { applyRule, dateRefusal, isUniqueViolation, requireVendorOperator, todayFor, type LicensingContext } from '../access.js';
import { MAX_INCLUDED_SIDES, MAX_SERVICE_SEATS, refuseOutOfRange } from '../domain/bounds.js';
import { isAcceptedDate } from '../domain/calendar-dates.js';
import { checkNewPriceRow, refuseChangeInEffect, type NewPriceRow } from '../domain/price-rows.js';
import { billingStartsOn, deliveryDate, MIN_NAMED_SEATS } from '../domain/service-contracts.js';
import { PriceRow } from '../entities/price-row.entity.js';
import { ServiceContract } from '../entities/service-contract.entity.js';
import { PriceRowInput, ServiceContractInput } from '../inputs/back-office.inputs.js';
import { licensingRefusals } from '../refusals/refusals.js';
import { vendorCalendar } from '../support-calendar.js';
import { recordDigitisationChange } from '../digitisation-feed.js';

/** The extensions.reason of a refused edit of a row in effect: clients tell it apart from other conflicts. */
export const PRICE_ROW_IN_EFFECT = 'PRICE_ROW_IN_EFFECT';

const rowOf = (input: PriceRowInput): NewPriceRow => ({
  product: input.product.trim(),
  course: input.course ?? null,
  billingCycle: input.billingCycle ?? null,
  unit: input.unit.trim(),
  amount: input.amount,
  effectiveFrom: input.effectiveFrom,
  effectiveTo: input.effectiveTo ?? null,
  legacyCutoff: input.legacyCutoff ?? null,
});

const snapshot = (row: PriceRow) => ({ product: row.product, course: row.course, billingCycle: row.billingCycle, unit: row.unit, amount: row.amount, effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, legacyCutoff: row.legacyCutoff });

function refuseInEffect(row: PriceRow, today: string): void {
  applyRule(() => refuseChangeInEffect(row, today), { reason: PRICE_ROW_IN_EFFECT });
}

const priceRowsVendorOnly = () => licensingRefusals.refuse('vendorOnlyPriceRows');

/** The vendor's back office in licensing: price rows (L1, T5) and card service contracts (L11-L13); every change audited (A1). */
@Resolver()
export class BackOfficeResolver {
  @Mutation(() => PriceRow, { description: 'L1/T5 (back office): adds a price row applying from today or later; rows already in effect stay as they are. Vendor operators only.' })
  async addPriceRow(@Arg('input', () => PriceRowInput) input: PriceRowInput, @Ctx() ctx: LicensingContext): Promise<PriceRow> {
    const viewer = requireVendorOperator(ctx, priceRowsVendorOnly);
    const row = applyRule(() => checkNewPriceRow(rowOf(input), todayFor(ctx, null)));
    return ctx.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await manager.insert(PriceRow, { id, ...row });
      const saved = await manager.findOneByOrFail(PriceRow, { id });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: 'priceRow.add', subject: `PriceRow:${id}`, before: null, after: snapshot(saved) });
      return saved;
    });
  }

  @Mutation(() => PriceRow, {
    description: `L1 (back office): edits a price row that is not in effect yet. A row in effect (from today or earlier) is refused: CONFLICT with extensions.reason ${PRICE_ROW_IN_EFFECT}; add a new row instead. Vendor operators only.`,
  })
  async updatePriceRow(@Arg('id', () => ID) id: string, @Arg('input', () => PriceRowInput) input: PriceRowInput, @Ctx() ctx: LicensingContext): Promise<PriceRow> {
    const viewer = requireVendorOperator(ctx, priceRowsVendorOnly);
    const today = todayFor(ctx, null);
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(PriceRow, { id });
      if (!before) throw licensingRefusals.refuse('priceRowNotFound');
      refuseInEffect(before, today);
      const row = applyRule(() => checkNewPriceRow(rowOf(input), today));
      await manager.update(PriceRow, { id }, row);
      const after = await manager.findOneByOrFail(PriceRow, { id });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: 'priceRow.update', subject: `PriceRow:${id}`, before: snapshot(before), after: snapshot(after) });
      return after;
    });
  }

  @Mutation(() => Boolean, { description: `L1 (back office): deletes a price row that is not in effect yet (one in effect: CONFLICT, reason ${PRICE_ROW_IN_EFFECT}). Vendor operators only.` })
  async deletePriceRow(@Arg('id', () => ID) id: string, @Ctx() ctx: LicensingContext): Promise<boolean> {
    const viewer = requireVendorOperator(ctx, priceRowsVendorOnly);
    const today = todayFor(ctx, null);
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(PriceRow, { id });
      if (!before) throw licensingRefusals.refuse('priceRowNotFound');
      refuseInEffect(before, today);
      await manager.delete(PriceRow, { id });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: null, action: 'priceRow.delete', subject: `PriceRow:${id}`, before: snapshot(before), after: null });
      return true;
    });
  }

  @Mutation(() => ServiceContract, {
    description: "L11-L13 (back office): records a tenant's card service contract (one per tenant: a second is CONFLICT). Seats at least 5 (L12); delivery and billing start default to L13's dates. Vendor operators only.",
  })
  async createServiceContract(@Arg('input', () => ServiceContractInput) input: ServiceContractInput, @Ctx() ctx: LicensingContext): Promise<ServiceContract> {
    return saveServiceContract(ctx, input, 'create');
  }

  @Mutation(() => ServiceContract, { description: "L11-L13 (back office): changes a tenant's card service contract (seats, delivery date, billing start...). Vendor operators only." })
  async updateServiceContract(@Arg('input', () => ServiceContractInput) input: ServiceContractInput, @Ctx() ctx: LicensingContext): Promise<ServiceContract> {
    return saveServiceContract(ctx, input, 'update');
  }
}

async function saveServiceContract(ctx: LicensingContext, input: ServiceContractInput, mode: 'create' | 'update'): Promise<ServiceContract> {
  const viewer = requireVendorOperator(ctx, () => licensingRefusals.refuse('vendorOnlyServiceContracts'));
  if (!Number.isInteger(input.seats) || input.seats < MIN_NAMED_SEATS) throw licensingRefusals.refuse('serviceSeatsTooFew', { min: MIN_NAMED_SEATS });
  applyRule(() => refuseOutOfRange(input.seats, MIN_NAMED_SEATS, MAX_SERVICE_SEATS, 'serviceSeatsOutOfRange'));
  if (input.includedSides != null) applyRule(() => refuseOutOfRange(input.includedSides!, 0, MAX_INCLUDED_SIDES, 'includedSidesOutOfRange'));
  for (const field of ['papersReceivedOn', 'deliveredOn', 'billingStartsOn'] as const) {
    const value = input[field];
    if (value != null && !isAcceptedDate(value)) throw dateRefusal(field);
  }
  if (input.includedSides != null && (!Number.isInteger(input.includedSides) || input.includedSides < 0)) throw licensingRefusals.refuse('includedSidesNotWhole');
  // L13: counted on the vendor's one calendar, its closing days as support keeps them
  const deliveredOn = input.deliveredOn ?? deliveryDate(input.papersReceivedOn, input.deployment, await vendorCalendar(ctx));
  const billingStart = input.billingStartsOn ?? billingStartsOn(deliveredOn);
  if (deliveredOn < input.papersReceivedOn) throw licensingRefusals.refuse('deliveryBeforePapers', { deliveredOn, papersReceivedOn: input.papersReceivedOn });
  if (billingStart < deliveredOn) throw licensingRefusals.refuse('billingBeforeDelivery', { billingStartsOn: billingStart, deliveredOn });
  const view = (c: ServiceContract) => ({ product: c.product, deployment: c.deployment, seats: c.seats, papersReceivedOn: c.papersReceivedOn, deliveredOn: c.deliveredOn, billingStartsOn: c.billingStartsOn, includedSides: c.includedSides });
  try {
    return await ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(ServiceContract, { tenantId: input.tenantId });
      if (mode === 'create' && before) throw licensingRefusals.refuse('cardServiceExists');
      if (mode === 'update' && !before) throw licensingRefusals.refuse('cardServiceNotFound');
      const fields = {
        product: input.product,
        deployment: input.deployment,
        seats: input.seats,
        papersReceivedOn: input.papersReceivedOn,
        deliveredOn,
        billingStartsOn: billingStart,
        includedSides: input.includedSides ?? before?.includedSides ?? 0,
      };
      const id = before?.id ?? randomUUID();
      if (before) await manager.update(ServiceContract, { id }, fields);
      else await manager.insert(ServiceContract, { id, tenantId: input.tenantId, terminationNoticeOn: null, purchasedSides: 0, ...fields });
      // L15: seats, product or dates decide the card quota and the service's end: cards' copy follows this row
      await recordDigitisationChange(manager, input.tenantId);
      const after = await manager.findOneByOrFail(ServiceContract, { id });
      await recordAudit(manager, {
        at: ctx.clock.now(),
        actor: viewer,
        tenantId: input.tenantId,
        action: `serviceContract.${mode}`,
        subject: `ServiceContract:${id}`,
        before: before ? view(before) : null,
        after: view(after),
      });
      return after;
    });
  } catch (error) {
    // two operators created it at once: the unique tenant index let one through
    if (mode === 'create' && isUniqueViolation(error)) throw licensingRefusals.refuse('cardServiceExists');
    throw error;
  }
}
