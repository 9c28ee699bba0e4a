import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import fc from 'fast-check';
import { IsNull, Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, type Course } from '../src/entities/contract.entity.js';
import { Invoice, InvoiceLine } from '../src/entities/invoice.entity.js';
import { PriceRow } from '../src/entities/price-row.entity.js';
import { licensingSubgraph } from '../src/index.js';
import {
  billedFromOf,
  firstOfNextMonth,
  firstTermStart,
  nextDay,
  plusMonths,
  referenceMidTermTotal,
  referencePeriodInvoice,
  referenceUpgradeTotal,
  seatCheckDays,
  seatsOn,
  termAround,
  termStartAfter,
  type RefCourse,
  type RefCycle,
  type RefHistory,
} from './billing-reference.js';

/**
 * Issue 18: money over a customer's lifetime, by property. Random histories of two customers (one
 * monthly, one annual) over 26 months on a manual clock: guest and seat orders up and down, course
 * changes, price rows added, cancellations, members added and removed (spaces' T5 rule, asking
 * licensing's memberSeatLimit as spaces does, against FakeSpaces' member count), billing runs at
 * random times, each twice. After every step: active members never exceed the seats in force today
 * or on any later day an ordered change takes effect (T5); one invoice per monthly period and per
 * annual term start, each equal to the independent reference (billing-reference.ts) computed from
 * the history as of its issue; the second run issues nothing; no monthly order invoices anything of
 * its own (L16); every total fits its int column. The edge of T6/L7/L16 is biased in (firstDay,
 * about one step in ten): on a 1st, or on the annual customer's term start, a seat, guest or course
 * order with a billing run before it, after it, or both; the period's invoice must still equal the
 * reference, which bills each change from its billedFrom (the month after the order; an annual
 * addition from the next term), never from the day it became usable.
 *
 * A few dozen histories by default; KYODO_BILLING_RUNS=N for more; KYODO_BILLING_SEED replays one.
 */
const RUNS = Number(process.env.KYODO_BILLING_RUNS ?? 30);
const SEED = process.env.KYODO_BILLING_SEED ? Number(process.env.KYODO_BILLING_SEED) : Date.now() % 2_147_483_647;
const INT_MAX = 2_147_483_647;
const REFUSED = new Set(['BAD_USER_INPUT', 'CONFLICT', 'QUOTA_EXCEEDED']);
const MONTHS = 26;

type Who = 'M' | 'A';
type Action =
  | { kind: 'guests'; who: Who; quantity: number }
  | { kind: 'seats'; who: Who; quantity: number }
  | { kind: 'course'; who: Who }
  | { kind: 'price'; product: 'MEMBER_SEAT' | 'GUEST_LICENSE'; course: RefCourse; cycle: RefCycle; amount: number; fromNextFirst: boolean }
  | { kind: 'member'; who: Who; add: boolean }
  | { kind: 'run'; monthsBack: number }
  | { kind: 'cancel'; who: Who; really: boolean }
  // T6/L7/L16: on the next 1st (or the annual tenant's next term start), a run before and/or after an order that day
  | { kind: 'firstDay'; who: Who; product: 'guests' | 'seats' | 'course'; quantity: number; runBefore: boolean; termStart: boolean };

const who = fc.constantFrom<Who>('M', 'A');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('guests' as const), who, quantity: fc.integer({ min: -3, max: 5 }).filter((q) => q !== 0) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('seats' as const), who, quantity: fc.integer({ min: -3, max: 4 }).filter((q) => q !== 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('course' as const), who }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ product: fc.constantFrom('MEMBER_SEAT' as const, 'GUEST_LICENSE' as const), course: fc.constantFrom<RefCourse>('LIGHT', 'STANDARD'), cycle: fc.constantFrom<RefCycle>('MONTHLY', 'ANNUAL'), step: fc.integer({ min: 1, max: 400 }), fromNextFirst: fc.boolean() })
      .map(({ step, ...row }) => ({ kind: 'price' as const, ...row, amount: row.cycle === 'MONTHLY' ? 400 + step * 3 : 5000 + step * 37 })),
  },
  // members are added more often than removed, so the seats get full and T5 has something to refuse
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('member' as const), who, add: fc.integer({ min: 0, max: 3 }).map((n) => n > 0) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('run' as const), monthsBack: fc.constantFrom(0, 0, 0, 1, 2, 5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), who, really: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('firstDay' as const), who, product: fc.constantFrom('guests' as const, 'seats' as const, 'course' as const), quantity: fc.integer({ min: -2, max: 3 }).filter((q) => q !== 0), runBefore: fc.boolean(), termStart: fc.boolean() }),
  },
);
const historyArb = fc.record({
  startDay: fc.integer({ min: 1, max: 28 }),
  monthly: fc.record({ seats: fc.integer({ min: 5, max: 8 }), course: fc.constantFrom<RefCourse>('LIGHT', 'STANDARD'), members: fc.integer({ min: 2, max: 5 }) }),
  annual: fc.record({ seats: fc.integer({ min: 5, max: 8 }), course: fc.constantFrom<RefCourse>('LIGHT', 'STANDARD'), members: fc.integer({ min: 2, max: 5 }) }),
  steps: fc.array(fc.record({ days: fc.integer({ min: 0, max: 40 }), action }), { minLength: 30, maxLength: 45 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

describe.each(testDialects())("issue 18: billing over a customer's lifetime, by property (%s)", (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-01-01T00:00:00Z');
  const spaces = new FakeSpaces({});
  let tenantCounter = 0;
  let keyCounter = 0;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN'>) => stack.auth.issuer.sign({ userId, tenantId, kind: 'MEMBER', roles }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);

  async function live(history: History): Promise<void> {
    const ds = stack.handles.licensing!.dataSource;
    const startOn = `2027-01-${String(history.startDay).padStart(2, '0')}`;
    const horizon = plusMonths('2027-01-01', MONTHS);
    let today = startOn;
    clock.set(new Date(`${today}T09:00:00+09:00`));
    const ids = { M: `00000000-0000-4000-9000-${String(++tenantCounter).padStart(12, '0')}`, A: `00000000-0000-4000-9000-${String(++tenantCounter).padStart(12, '0')}` };
    const model: Record<Who, RefHistory> = {
      M: { cycle: 'MONTHLY', startsOn: startOn, course: history.monthly.course, seats: history.monthly.seats, seatChanges: [], guestChanges: [], courseChanges: [], cancelledOn: null },
      A: { cycle: 'ANNUAL', startsOn: startOn, course: history.annual.course, seats: history.annual.seats, seatChanges: [], guestChanges: [], courseChanges: [], cancelledOn: null },
    };
    const active: Record<Who, number> = { M: history.monthly.members, A: history.annual.members };
    for (const w of ['M', 'A'] as const) spaces.activeMembers.set(ids[w], active[w]);
    await ds.getRepository(Contract).insert([
      { id: ids.M.replace('9000', '9100'), tenantId: ids.M, course: history.monthly.course as Course, billingCycle: BillingCycle.MONTHLY, startsOn: startOn, endsOn: null, memberSeats: history.monthly.seats },
      { id: ids.A.replace('9000', '9100'), tenantId: ids.A, course: history.annual.course as Course, billingCycle: BillingCycle.ANNUAL, startsOn: startOn, endsOn: nextDay(plusMonths(firstTermStart(startOn), 12), -1), memberSeats: history.annual.seats },
    ]);
    const admin = (w: Who) => sign(`${ids[w].slice(0, -4)}aaaa`, ids[w], ['ADMIN']);
    const verified = new Set<string>();
    const log: string[] = [];

    const request = async <T>(query: string, variables: Record<string, unknown>, token: string) => stack.client.request<T>(query, variables, { token });
    const refusedOk = (errors: unknown, what: string) => {
      const codes = errorCodes({ errors } as never);
      expect(codes.every((code) => REFUSED.has(code)), `${what}: ${JSON.stringify(errors)}`).toBe(true);
    };

    const check = async (ranPeriods: string[] = [], invoicesMayChange = true) => {
      for (const w of ['M', 'A'] as const) {
        const h = model[w];
        // T5: active members fit the seats today and on every later day an ordered change counts
        if (h.cancelledOn === null || h.cancelledOn > today) {
          for (const day of seatCheckDays(h, today)) expect(active[w], `${w}: ${active[w]} active members, ${seatsOn(h, day)} seats on ${day}`).toBeLessThanOrEqual(seatsOn(h, day));
        }
      }
      // only runs and orders write invoices: the other steps need not read them again
      if (!invoicesMayChange) return;
      const rows = await ds.getRepository(PriceRow).find();
      for (const w of ['M', 'A'] as const) {
        const h = model[w];
        const invoices = await ds.getRepository(Invoice).find({ where: { tenantId: ids[w] }, order: { issuedOn: 'ASC' } });
        for (const invoice of invoices) expect(invoice.total).toBeLessThanOrEqual(INT_MAX);
        // L16: a monthly order invoices nothing of its own; everything is on the 1st-of-month invoice
        if (w === 'M') expect(invoices.filter((invoice) => invoice.billingKey === null && invoice.kind === 'INVOICE')).toEqual([]);
        const billed = await ds.getRepository(Invoice).find({ where: { tenantId: ids[w], billingKey: Not(IsNull()) }, order: { issuedOn: 'ASC' } });
        // one invoice per monthly period, one per annual term start
        expect(new Set(billed.map((invoice) => invoice.issuedOn)).size).toBe(billed.length);
        // L8/L16/Q1: the only corrections here are a cancellation's on the day it takes effect (a 1st or a term
        // start whose run came first): the whole invoice, tax included, for a period the reference bills nothing
        const notes = invoices.filter((invoice) => invoice.kind === 'CREDIT_NOTE');
        const credited = new Set<string>();
        for (const note of notes) {
          const invoice = billed.find((candidate) => candidate.id === note.correctsInvoiceId);
          expect(invoice, `${w} credit note ${note.number} corrects a period invoice`).toBeDefined();
          expect({ issuedOn: note.issuedOn, subtotal: note.subtotal, tax: note.tax }, `${w} credit note of ${invoice!.issuedOn}`).toEqual({ issuedOn: h.cancelledOn, subtotal: -invoice!.subtotal, tax: -invoice!.tax });
          expect(referencePeriodInvoice(h, rows, invoice!.issuedOn.slice(0, 7)), `${w} ${invoice!.issuedOn} was credited`).toBeNull();
          expect(credited.has(invoice!.id), `${w} ${invoice!.issuedOn} credited once`).toBe(false);
          credited.add(invoice!.id);
        }
        const standing = billed.filter((invoice) => !credited.has(invoice.id));
        for (const invoice of standing) {
          if (verified.has(invoice.id)) continue;
          const lines = await ds.getRepository(InvoiceLine).find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
          const expected = referencePeriodInvoice(h, rows, invoice.issuedOn.slice(0, 7));
          const actual = { issuedOn: invoice.issuedOn, lines: lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount })), subtotal: invoice.subtotal, tax: invoice.tax, total: invoice.total };
          expect(actual, `${w} invoice of ${invoice.issuedOn}`).toEqual(expected);
          verified.add(invoice.id);
        }
        // a run issues exactly what is missing: the periods it ran have the reference's invoice, or none
        for (const period of ranPeriods) {
          const expected = referencePeriodInvoice(h, rows, period);
          expect(standing.filter((invoice) => invoice.issuedOn.startsWith(period)).length, `${w} ${period}`).toBe(expected ? 1 : 0);
        }
      }
    };

    const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount } }`;
    const runOnce = async (period: string) => {
      const run = await request<{ runBilling: { issuedCount: number } }>(RUN, { period }, await operator());
      expect(run.errors, JSON.stringify(run.errors)).toBeUndefined();
      await check([period]);
    };
    const runTwice = async (period: string) => {
      await runOnce(period);
      // L16: run again, it issues nothing new
      const second = await request<{ runBilling: { issuedCount: number } }>(RUN, { period }, await operator());
      expect(second.data?.runBilling.issuedCount).toBe(0);
    };


    /** A guest or seat order by the tenant's administrator, checked against the reference's timing and recorded in the model. */
    const order = async (w: Who, kind: 'guests' | 'seats', quantity: number) => {
      const h = model[w];
      const annual = h.cycle === 'ANNUAL';
      const forRenewal = annual && quantity < 0;
      const [mutation, input, fromField] = kind === 'guests' ? ['orderGuestLicenses', 'OrderGuestLicensesInput', 'licensesFrom'] : ['orderMemberSeats', 'OrderMemberSeatsInput', 'seatsFrom'];
      const product = kind === 'guests' ? 'GUEST_LICENSE' : 'MEMBER_SEAT';
      const rows = await ds.getRepository(PriceRow).find();
      const r = await request<Record<string, { total: number; from: string }>>(`mutation($input: ${input}!) { ${mutation}(input: $input) { total from: ${fromField} } }`, { input: { quantity, idempotencyKey: `k${++keyCounter}`, ...(forRenewal ? { forRenewal } : {}) } }, await admin(w));
      if (r.errors) {
        refusedOk(r.errors, kind);
        return;
      }
      const placed = r.data![mutation]!;
      // the reference's own timing (L7, T6): an increase counts at once; a monthly decrease from the 1st of next month; an annual one from the next term
      const from = quantity > 0 ? today : annual ? nextDay(termAround(h.startsOn, today).end) : firstOfNextMonth(today);
      expect(placed.from, `${kind} ${quantity} on ${today}`).toBe(from);
      // L6: an annual addition is invoiced now for the whole months left; monthly orders charge nothing now (L16)
      expect(placed.total).toBe(annual && quantity > 0 && today >= firstTermStart(h.startsOn) ? referenceMidTermTotal(h, rows, today, product, quantity) : annual && quantity > 0 ? placed.total : 0);
      (kind === 'guests' ? h.guestChanges : h.seatChanges).push({ quantity, from, billedFrom: billedFromOf(h, today, quantity) });
    };

    /** A course change to the other course by the tenant's administrator (an annual downgrade for the renewal), checked and recorded. */
    const courseOrder = async (w: Who) => {
      const h = model[w];
      const annual = h.cycle === 'ANNUAL';
      const current = h.courseChanges.at(-1)?.course ?? h.course;
      const course: RefCourse = current === 'LIGHT' ? 'STANDARD' : 'LIGHT';
      const upgrade = course === 'STANDARD';
      const rows = await ds.getRepository(PriceRow).find();
      const r = await request<{ orderCourseChange: { total: number; courseFrom: string } }>(`mutation($input: OrderCourseChangeInput!) { orderCourseChange(input: $input) { total courseFrom } }`, { input: { course, idempotencyKey: `k${++keyCounter}`, ...(annual && !upgrade ? { forRenewal: true } : {}) } }, await admin(w));
      if (r.errors) {
        refusedOk(r.errors, 'course');
        return;
      }
      const from = upgrade ? today : annual ? nextDay(termAround(h.startsOn, today).end) : firstOfNextMonth(today);
      expect(r.data!.orderCourseChange.courseFrom, `course to ${course} on ${today}`).toBe(from);
      if (annual && upgrade && today >= firstTermStart(h.startsOn)) expect(r.data!.orderCourseChange.total).toBe(referenceUpgradeTotal(h, rows, today));
      if (!annual) expect(r.data!.orderCourseChange.total).toBe(0);
      h.courseChanges.push({ course, from, billedFrom: billedFromOf(h, today, upgrade ? 1 : -1) });
    };

    /** L16: an issued invoice never depends on what was ordered on or after its day: it still equals the reference. */
    const recheck = async (period: string) => {
      const rows = await ds.getRepository(PriceRow).find();
      for (const w of ['M', 'A'] as const) {
        const invoice = await ds.getRepository(Invoice).findOneBy({ tenantId: ids[w], billingKey: Not(IsNull()), issuedOn: `${period}-01` });
        if (!invoice) continue;
        const lines = await ds.getRepository(InvoiceLine).find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
        const actual = { issuedOn: invoice.issuedOn, lines: lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount })), subtotal: invoice.subtotal, tax: invoice.tax, total: invoice.total };
        expect(actual, `${w} invoice of ${invoice.issuedOn}, after an order that day`).toEqual(referencePeriodInvoice(model[w], rows, period));
      }
    };

    for (const { days, action: act } of history.steps) {
      // firstDay: to the next 1st (or the annual tenant's next term start), the edge of L16/T6
      const next = act.kind !== 'firstDay' ? nextDay(today, days) : act.termStart && act.who === 'A' ? termStartAfter(model.A.startsOn, today) : firstOfNextMonth(today);
      if (next >= horizon) break;
      today = next;
      clock.set(new Date(`${today}T09:00:00+09:00`));
      log.push(`${today} ${JSON.stringify(act)}`);
      switch (act.kind) {
        case 'guests':
        case 'seats':
          await order(act.who, act.kind, act.quantity);
          break;
        case 'course':
          await courseOrder(act.who);
          break;
        case 'price': {
          const effectiveFrom = act.fromNextFirst ? firstOfNextMonth(today) : today;
          const unit = `${act.product === 'MEMBER_SEAT' ? 'USER' : 'GUEST'}_${act.cycle === 'MONTHLY' ? 'MONTH' : 'YEAR'}`;
          const r = await request(`mutation($input: PriceRowInput!) { addPriceRow(input: $input) { id } }`, { input: { product: act.product, course: act.course, billingCycle: act.cycle, unit, amount: act.amount, effectiveFrom } }, await operator());
          expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
          break;
        }
        case 'member': {
          const h = model[act.who];
          if (!act.add) {
            if (active[act.who] > 1) spaces.activeMembers.set(ids[act.who], --active[act.who]);
            break;
          }
          // spaces' addMember (T5): within licensing's memberSeatLimit, the fewest seats today or on a later ordered day
          const r = await request<{ _entities: Array<{ contract: { status: string; memberSeatLimit: { seats: number; from: string } } | null }> }>(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { status memberSeatLimit { seats from } } } } }`,
            { r: [{ __typename: 'Tenant', id: ids[act.who] }] },
            await admin(act.who),
          );
          const contract = r.data!._entities[0]!.contract!;
          const seats = contract.status === 'ACTIVE' ? contract.memberSeatLimit.seats : 0;
          if (active[act.who] + 1 <= seats) spaces.activeMembers.set(ids[act.who], ++active[act.who]);
          else if (h.cancelledOn === null) expect(seatCheckDays(h, today).some((day) => seatsOn(h, day) < active[act.who] + 1)).toBe(true);
          break;
        }
        case 'run': {
          const period = plusMonths(`${today.slice(0, 7)}-01`, -act.monthsBack).slice(0, 7);
          if (period >= '2027-01') await runTwice(period);
          break;
        }
        case 'firstDay': {
          // T6/L7/L16: the period's invoice is the same whether its run came before or after an order placed on its first day
          const period = today.slice(0, 7);
          if (act.runBefore) await runTwice(period);
          if (act.product === 'course') await courseOrder(act.who);
          else await order(act.who, act.product, act.quantity);
          await recheck(period);
          await runTwice(period);
          break;
        }
        case 'cancel': {
          if (!act.really) break;
          const r = await request(`mutation { cancelContract { status } }`, {}, await admin(act.who));
          if (r.errors) refusedOk(r.errors, 'cancel');
          else model[act.who].cancelledOn = today;
          break;
        }
      }
      await check([], act.kind !== 'member' && act.kind !== 'price' && act.kind !== 'run');
    }
    // the end of the story: every period billed, all of it checked (twice-run periods were checked on the way)
    today = horizon;
    clock.set(new Date(`${today}T09:00:00+09:00`));
    for (let period = '2027-01'; period <= horizon.slice(0, 7); period = plusMonths(`${period}-01`, 1).slice(0, 7)) await runOnce(period);
    // checked: the next history's runs need not walk these contracts again
    await ds.getRepository(Contract).delete([ids.M.replace('9000', '9100'), ids.A.replace('9000', '9100')]);
  }

  it(`L16/T5/T6: ${RUNS} random histories of ${MONTHS} months (seed ${SEED})`, { timeout: 600_000 }, async () => {
    try {
      await fc.assert(
        fc.asyncProperty(historyArb, (history) => live(history)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } catch (error) {
      // the seed replays the failing history: KYODO_BILLING_SEED=<seed>
      console.error(`billing lifetime property failed: replay with KYODO_BILLING_SEED=${SEED} (dialect ${dialect})`);
      throw error;
    }
  });
});
