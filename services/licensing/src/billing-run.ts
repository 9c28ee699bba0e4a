import { jobLeaseMsFrom, jobLeases, rowLockOf, subgraphMetrics, type BackgroundRuntime, type JobLeases, type Logger, type ServiceMetrics } from '@kyodo/subgraph-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BillingRunRecord, type BillingRunTrigger } from './entities/billing-run.entity.js';
import { isUniqueViolation } from './access.js';
import { settleContract } from './contract-renewal.js';
import { localDateOf } from './domain/calendar-dates.js';
import { billingKeyOf, periodInvoice, periodStart, serviceBillingKeyOf, serviceTermInvoice } from './domain/recurring-billing.js';
import { Contract } from './entities/contract.entity.js';
import { GuestLicenseOrder } from './entities/guest-license-order.entity.js';
import { Invoice } from './entities/invoice.entity.js';
import { CourseOrder } from './entities/course-order.entity.js';
import { MemberSeatOrder } from './entities/member-seat-order.entity.js';
import { PriceRow } from './entities/price-row.entity.js';
import { ServiceContract } from './entities/service-contract.entity.js';
import { writeInvoice } from './invoicing.js';
import { licensingRefusals } from './refusals/refusals.js';

export interface BillingRunResult {
  period: string;
  /** The invoices this run issued (those already there for the period are not issued again). */
  issued: Invoice[];
  /** Issue 18 #6: tenants whose base contract is pending (spaces never confirmed the tenant): not invoiced. */
  pendingTenants: string[];
}

/** The period `now` falls in for the vendor (Tokyo): what the scheduled run bills. */
export function currentPeriod(now: Date): string {
  return localDateOf(now).slice(0, 7);
}

/**
 * L16: issues, for every base contract whose tenant spaces confirmed (issue 18 #6), the period's invoice when it has none yet, and for every
 * card service contract the invoice of a term starting in the period (L13/L14). Each contract
 * is first settled to today (L14: a renewed term's guest invoice is issued on the way). Idempotent
 * per tenant and period: the invoice's unique billing key makes a second run, or a replica running
 * at the same moment, insert nothing (its INSERT fails on the key and that tenant is skipped).
 * A period that has not begun yet is refused: an invoice is never dated ahead of the clock.
 */
export async function runBilling(dataSource: DataSource, period: string, now: Date, by: { trigger: BillingRunTrigger; userId?: string | null } = { trigger: 'SCHEDULE' }): Promise<BillingRunResult> {
  const first = periodStart(period);
  if (!first) throw licensingRefusals.thrown({ key: 'billingPeriodForm', params: { period } });
  if (first > localDateOf(now)) throw licensingRefusals.thrown({ key: 'billingPeriodNotBegun', params: { period } });
  const prices = await dataSource.getRepository(PriceRow).find();
  const issued: Invoice[] = [];
  const pendingTenants: string[] = [];
  for (const found of await dataSource.getRepository(Contract).find({ order: { tenantId: 'ASC' } })) {
    // issue 18 #6: a contract whose tenant spaces never confirmed (a failed onboarding) is never invoiced
    if (!found.tenantConfirmed) {
      pendingTenants.push(found.tenantId);
      continue;
    }
    const settled = await settleContract(dataSource.manager, found, localDateOf(now, found.timeZone));
    const billingKey = billingKeyOf(settled.tenantId, period);
    if (await dataSource.getRepository(Invoice).existsBy({ billingKey })) continue;
    try {
      const id = await dataSource.transaction(async (tx) => {
        // L8/L16: the contract row is locked (and read afresh) until the invoice is written, so a
        // cancellation at the same moment either came first (and this reads it) or waits, then
        // finds the invoice and credits it (creditPeriodsCancelled)
        const contract = await tx.findOne(Contract, { where: { id: settled.id }, ...rowLockOf(tx) });
        if (!contract) return null;
        const orders = await tx.findBy(GuestLicenseOrder, { tenantId: contract.tenantId });
        const seatOrders = await tx.findBy(MemberSeatOrder, { tenantId: contract.tenantId });
        const courseOrders = await tx.findBy(CourseOrder, { tenantId: contract.tenantId });
        const bill = periodInvoice(period, { ...contract, basePurchasedOn: contract.basePurchasedOn ?? contract.startsOn }, orders, prices, seatOrders, courseOrders);
        return bill ? writeInvoice(tx, contract.tenantId, bill.issuedOn, bill.lines, bill, null, billingKey) : null;
      });
      if (id) issued.push(await dataSource.getRepository(Invoice).findOneByOrFail({ id }));
    } catch (error) {
      // another run (a second replica) issued this tenant's invoice for the period first
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // L13/L16: card service contracts, a year at a time from billing start (their own invoice and key)
  for (const service of await dataSource.getRepository(ServiceContract).find({ order: { tenantId: 'ASC' } })) {
    const bill = serviceTermInvoice(period, service, prices);
    // a term starting later this month is billed by a run on or after its first day, never ahead of the clock
    if (!bill || bill.issuedOn > localDateOf(now)) continue;
    const billingKey = serviceBillingKeyOf(service.id, bill.issuedOn);
    if (await dataSource.getRepository(Invoice).existsBy({ billingKey })) continue;
    try {
      const id = await dataSource.transaction((tx) => writeInvoice(tx, service.tenantId, bill.issuedOn, bill.lines, bill, null, billingKey));
      issued.push(await dataSource.getRepository(Invoice).findOneByOrFail({ id }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  await keepBillingRun(dataSource, { period, issued, pendingTenants }, now, by);
  return { period, issued, pendingTenants };
}

/** L16: the run's result for the operators' list (billingRuns); a scheduled no-op is not kept (see BillingRunRecord). */
async function keepBillingRun(dataSource: DataSource, result: BillingRunResult, now: Date, by: { trigger: BillingRunTrigger; userId?: string | null }): Promise<void> {
  if (by.trigger === 'SCHEDULE' && result.issued.length === 0 && result.pendingTenants.length === 0) return;
  await dataSource.getRepository(BillingRunRecord).insert({
    id: randomUUID(),
    period: result.period,
    ranAt: now.toISOString(),
    via: by.trigger,
    ranBy: by.userId ?? null,
    issuedCount: result.issued.length,
    issuedTotal: result.issued.reduce((sum, invoice) => sum + invoice.total, 0),
    invoiceIds: JSON.stringify(result.issued.map((invoice) => invoice.id)),
    pendingTenants: JSON.stringify(result.pendingTenants),
  });
}

export const BILLING_EVERY_MINUTES_DEFAULT = 60;

/** The lease the scheduled run takes on its period: with N replicas one bills it at a time. */
export const billingLeaseKey = (period: string) => `licensing:billing-run:${period}`;

/**
 * L16 on a schedule: every `everyMinutes` the service bills the current period (a no-op once it is
 * billed), the replica holding the period's lease only (the unique billing key stays the guard
 * against a second invoice; the lease spares the other replicas the same work and its renewals,
 * L14). Runs only when the service was started with an environment (`npm start`, production)
 * and BILLING_SCHEDULE is not "off"; tests start subgraphs without one, so it is off there.
 */
export function startBillingSchedule({ dataSource, clock, logger, deps }: BackgroundRuntime): () => Promise<void> {
  const env = deps.env;
  if (!env || env.BILLING_SCHEDULE === 'off') return async () => {};
  const minutes = Number(env.BILLING_EVERY_MINUTES ?? BILLING_EVERY_MINUTES_DEFAULT);
  const everyMs = (Number.isFinite(minutes) && minutes > 0 ? minutes : BILLING_EVERY_MINUTES_DEFAULT) * 60_000;
  const leases = jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(env) });
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running || !dataSource.isInitialized) return;
    running = billCurrentPeriod(dataSource, leases, clock.now(), logger, subgraphMetrics(deps, 'licensing')).finally(() => {
      running = undefined;
    });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** One scheduled run: claims the period, bills it, gives the period back. False when another replica holds it. */
export async function billCurrentPeriod(dataSource: DataSource, leases: JobLeases, now: Date, logger: Logger, metrics: ServiceMetrics): Promise<boolean> {
  const period = currentPeriod(now);
  try {
    const { ran, value } = await leases.run(billingLeaseKey(period), () =>
      // counted on this replica's /metrics (kyodo_job_runs_total{job="billing-run"})
      metrics.trackJob('billing-run', () => runBilling(dataSource, period, now)),
    );
    if (value && value.issued.length > 0) logger.info('billing run issued invoices', { period, issued: value.issued.length });
    // a contract left by a failed onboarding, or one whose confirmation was lost: an operator looks (confirmBaseContract)
    if (value && value.pendingTenants.length > 0) logger.warn('base contracts pending a tenant were not invoiced', { period, tenants: value.pendingTenants });
    return ran;
  } catch (error) {
    logger.warn('billing run failed', { period, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
