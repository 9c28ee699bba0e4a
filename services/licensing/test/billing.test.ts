import { createServiceMetrics, JobLeaseEntity, jobLeases, ManualClock, silentLogger } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billCurrentPeriod, billingLeaseKey } from '../src/billing-run.js';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { Deployment, ServiceContract, ServiceProduct } from '../src/entities/service-contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const RUN = `mutation($period: String!) { runBilling(period: $period) { period issuedCount invoices { issuedOn total } } }`;
const INVOICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { invoices { issuedOn subtotal tax total } } } }`;
const ORDER = `mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { total } }`;
const SEATS = `mutation($input: OrderMemberSeatsInput!) { orderMemberSeats(input: $input) { total } }`;
const COURSE = `mutation($input: OrderCourseChangeInput!) { orderCourseChange(input: $input) { total } }`;

const A = '00000000-0000-4000-8000-0000000b0001'; // monthly Light, 5 seats, +2 guests on 2027-03-10, +2 seats on 2027-07-20, -1 seat on 2027-10-05
const B = '00000000-0000-4000-8000-0000000b0002'; // annual Standard, 10 seats, ordered on a 1st
const C = '00000000-0000-4000-8000-0000000b0003'; // annual Light, 5 seats, +3 guests mid-term, +2 seats mid-term, -1 seat for the renewal
const D = '00000000-0000-4000-8000-0000000b0004'; // monthly Standard, 6 seats, cancelled 2027-04-20
const E = '00000000-0000-4000-8000-0000000b0005'; // card service only: Start Pack, 7 named users, billing from 2027-03-01, notice 2027-06-01
const F = '00000000-0000-4000-8000-0000000b0006'; // monthly Light, 5 seats, upgraded 2027-05-12, downgraded 2027-09-15, cancelled 2027-12-20
const G = '00000000-0000-4000-8000-0000000b0007'; // annual Light, 5 seats, upgraded mid-term 2027-04-01, downgraded for the renewal 2027-10-01

type Row = [issuedOn: string, subtotal: number, tax: number, total: number];
const months = (from: string, count: number) => Array.from({ length: count }, (_, i) => { const m = Number(from.slice(5, 7)) - 1 + i; return `${Number(from.slice(0, 4)) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`; });
const PERIODS = months('2027-01', 14); // 2027-01 .. 2028-02

/**
 * L16 hand-computed: every invoice each tenant must have after billing 2027-01 .. 2028-02
 * (prices: T5 seats Light 780/month, 9,170/year, Standard 1,500/month, 17,640/year; L1 guests
 * Light 580/month, 6,820/year; L11 card service licences (our rows) Start Pack 14,400/user-year,
 * Corporate Licence 12,000/user-year; tax 10 % rounded down per invoice).
 */
const EXPECTED: Record<string, Row[]> = {
  // demo (seeded): monthly Standard, 10 seats from 2026-04-01: 10 x 1,500 = 15,000; tax 1,500; 16,500 on every 1st
  [DEMO.tenant.id]: [
    ...PERIODS.map((p) => [`${p}-01`, 15000, 1500, 16500] as Row),
    // its card service (seeded: Corporate Licence, 5 named users, billing from 2026-04-01): the term from 2027-04-01:
    // 5 x 12,000 = 60,000; tax 6,000; 66,000
    ['2027-04-01', 60000, 6000, 66000],
  ],
  [A]: [
    // 2027-01 .. 2027-03: 5 seats x 780 = 3,900; tax 390; 4,290
    ...months('2027-01', 3).map((p) => [`${p}-01`, 3900, 390, 4290] as Row),
    // +2 guests on 2027-03-10 (L7): usable at once, no invoice of their own (L16; the old table had one of
    // 1,276 on 2027-03-10 and left the guests off April's invoice). 2027-04 .. 2027-07: 3,900 + 2 x 580 = 5,060; tax 506; 5,566
    ...months('2027-04', 4).map((p) => [`${p}-01`, 5060, 506, 5566] as Row),
    // T6 +2 seats on 2027-07-20: usable at once, billed from August's invoice (L16; the old table had 1,716 on
    // 2027-07-20 and billed August for 5 seats). 2027-08 .. 2027-10: 7 x 780 + 2 x 580 = 6,620; tax 662; 7,282
    ...months('2027-08', 3).map((p) => [`${p}-01`, 6620, 662, 7282] as Row),
    // T6 -1 seat on 2027-10-05: from 1 November, charging nothing; 2027-11 .. 2028-02: 6 x 780 + 1,160 = 5,840; tax 584; 6,424
    ...months('2027-11', 4).map((p) => [`${p}-01`, 5840, 584, 6424] as Row),
  ],
  [B]: [
    // ordered on 2027-02-01, a 1st: the term starts that day; 10 x 17,640 = 176,400; tax 17,640; 194,040
    ['2027-02-01', 176400, 17640, 194040],
    // the next term 2028-02-01: the same
    ['2028-02-01', 176400, 17640, 194040],
  ],
  [C]: [
    // ordered 2026-12-20: the term starts 2027-01-01; 5 x 9,170 = 45,850; tax 4,585; 50,435
    ['2027-01-01', 45850, 4585, 50435],
    // L6 on 2027-06-15: whole months to 2027-12-31 = 6 (2027-12-14 <= 12-31 < 2028-01-14); 3 x 580 x 6 = 10,440; tax 1,044; 11,484
    ['2027-06-15', 10440, 1044, 11484],
    // T6 +2 seats on 2027-09-10: whole months to 2027-12-31 = 3 (2027-12-09 <= 12-31 < 2028-01-09); 2 x 780 x 3 = 4,680; tax 468; 5,148
    ['2027-09-10', 4680, 468, 5148],
    // (T6 -1 seat ordered on 2027-10-01 for the renewal: nothing now)
    // 2028-01-01, the renewed term (L14), one invoice (L16, Q1; the old table split it in two, 22,506 + 60,522):
    // the seats in force on its first day 5 + 2 - 1 = 6 x 9,170 = 55,020 and 3 guests x 6,820 = 20,460;
    // 75,480; tax 7,548; 83,028
    ['2028-01-01', 75480, 7548, 83028],
  ],
  // 2027-01 .. 2027-04: 6 x 1,500 = 9,000; tax 900; 9,900; cancelled 2027-04-20: nothing from May
  [D]: months('2027-01', 4).map((p) => [`${p}-01`, 9000, 900, 9900] as Row),
  // L13: the first term from 2027-03-01: 7 x 14,400 = 100,800; tax 10,080; 110,880. The notice of 2027-06-01 came more
  // than 30 days before the term ends (2028-02-29), so it does not renew (L14): nothing on 2028-03-01
  [E]: [['2027-03-01', 100800, 10080, 110880]],
  [F]: [
    // 2027-01 .. 2027-05 on Light (the upgrade of 2027-05-12 is billed from June): 5 x 780 = 3,900; tax 390; 4,290
    ...months('2027-01', 5).map((p) => [`${p}-01`, 3900, 390, 4290] as Row),
    // T6: usable at once, nothing charged with the order; 2027-06 .. 2027-09 on Standard: 5 x 1,500 = 7,500; tax 750; 8,250
    ...months('2027-06', 4).map((p) => [`${p}-01`, 7500, 750, 8250] as Row),
    // T6: the downgrade of 2027-09-15 takes effect on 2027-10-01: 2027-10 .. 2027-12 on Light again = 4,290; cancelled 2027-12-20
    ...months('2027-10', 3).map((p) => [`${p}-01`, 3900, 390, 4290] as Row),
  ],
  [G]: [
    // ordered 2026-12-20: the term starts 2027-01-01 on Light: 5 x 9,170 = 45,850; tax 4,585; 50,435
    ['2027-01-01', 45850, 4585, 50435],
    // T6 upgrade on 2027-04-01: whole months to 2027-12-31 = 9 (2027-12-31 <= 12-31 < 2028-01-31);
    // 9 x (1,500 - 780) x 5 seats = 9 x 720 x 5 = 32,400; tax 3,240; 35,640
    ['2027-04-01', 32400, 3240, 35640],
    // (T6 downgrade ordered on 2027-10-02 for the renewal: nothing now)
    // 2028-01-01, the renewed term at the course in force on its first day, Light: 5 x 9,170 = 45,850 (Standard would be 88,200)
    ['2028-01-01', 45850, 4585, 50435],
  ],
};

const byDateThenTotal = (a: Row, b: Row) => a[0].localeCompare(b[0]) || a[3] - b[3];

describe.each(testDialects())('L16 recurring billing on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-12-31T15:00:00Z'); // 2027-01-01 00:00 in Tokyo
  beforeAll(async () => {
    const spaces = new FakeSpaces({});
    // T5: the active members spaces counts, for the seat decreases
    spaces.activeMembers.set(A, 5);
    spaces.activeMembers.set(C, 4);
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert([
      { id: '00000000-0000-4000-8000-0000000b0101', tenantId: A, course: Course.LIGHT, billingCycle: BillingCycle.MONTHLY, startsOn: '2026-12-10', endsOn: null, memberSeats: 5 },
      { id: '00000000-0000-4000-8000-0000000b0102', tenantId: B, course: Course.STANDARD, billingCycle: BillingCycle.ANNUAL, startsOn: '2027-02-01', endsOn: '2028-01-31', memberSeats: 10 },
      { id: '00000000-0000-4000-8000-0000000b0103', tenantId: C, course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2026-12-20', endsOn: '2027-12-31', memberSeats: 5 },
      { id: '00000000-0000-4000-8000-0000000b0104', tenantId: D, course: Course.STANDARD, billingCycle: BillingCycle.MONTHLY, startsOn: '2026-10-01', endsOn: null, memberSeats: 6 },
      { id: '00000000-0000-4000-8000-0000000b0106', tenantId: F, course: Course.LIGHT, billingCycle: BillingCycle.MONTHLY, startsOn: '2026-12-01', endsOn: null, memberSeats: 5 },
      { id: '00000000-0000-4000-8000-0000000b0107', tenantId: G, course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2026-12-20', endsOn: '2027-12-31', memberSeats: 5 },
    ]);
    await stack.handles.licensing!.dataSource.getRepository(ServiceContract).insert({
      id: '00000000-0000-4000-8000-0000000b0105',
      tenantId: E,
      product: ServiceProduct.START_PACK,
      deployment: Deployment.CLOUD,
      seats: 7,
      papersReceivedOn: '2026-12-15',
      deliveredOn: '2027-01-05',
      billingStartsOn: '2027-03-01',
      terminationNoticeOn: '2027-06-01',
      includedSides: 0,
    });
  });
  afterAll(() => stack?.close());

  // tokens are minted on the test clock's day, which moves
  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN' | 'SUPPORT_AGENT'>) => stack.auth.issuer.sign({ userId, tenantId, kind: 'MEMBER', roles, language: 'en' }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);
  const adminOf = (tenantId: string) => sign(`${tenantId.slice(0, -4)}a${tenantId.slice(-3)}`, tenantId, ['ADMIN']);
  const tokyo = (day: string) => clock.set(new Date(`${day}T09:00:00+09:00`));
  const run = async (period: string) => (await stack.client.data<{ runBilling: { period: string; issuedCount: number; invoices: unknown[] } }>(RUN, { period }, { token: await operator() })).runBilling;
  const invoicesOf = async (tenantId: string, token: string) =>
    (await stack.client.data<{ _entities: Array<{ invoices: Array<{ issuedOn: string; subtotal: number; tax: number; total: number }> | null }> }>(INVOICES, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0]?.invoices;
  const rowsOf = async (tenantId: string): Promise<Row[]> => ((await invoicesOf(tenantId, await operator())) ?? []).map((i) => [i.issuedOn, i.subtotal, i.tax, i.total] as Row).sort(byDateThenTotal);

  it('L16: 14 months of a mixed set of contracts match the hand-computed table; a second run adds nothing', { timeout: 60_000 }, async () => {
    const events: Record<string, () => Promise<void>> = {
      '2027-03-10': async () => void (await stack.client.data(ORDER, { input: { quantity: 2, idempotencyKey: 'a-guests' } }, { token: await adminOf(A) })),
      '2027-04-01': async () => void (await stack.client.data(COURSE, { input: { course: 'STANDARD', idempotencyKey: 'g-up' } }, { token: await adminOf(G) })),
      '2027-05-12': async () => void (await stack.client.data(COURSE, { input: { course: 'STANDARD', idempotencyKey: 'f-up' } }, { token: await adminOf(F) })),
      '2027-09-15': async () => void (await stack.client.data(COURSE, { input: { course: 'LIGHT', idempotencyKey: 'f-down' } }, { token: await adminOf(F) })),
      '2027-10-02': async () => void (await stack.client.data(COURSE, { input: { course: 'LIGHT', forRenewal: true, idempotencyKey: 'g-down-renewal' } }, { token: await adminOf(G) })),
      '2027-12-20': async () => void (await stack.client.data(`mutation { cancelContract { status } }`, {}, { token: await adminOf(F) })),
      '2027-04-20': async () => void (await stack.client.data(`mutation { cancelContract { status } }`, {}, { token: await adminOf(D) })),
      '2027-06-15': async () => void (await stack.client.data(ORDER, { input: { quantity: 3, idempotencyKey: 'c-guests' } }, { token: await adminOf(C) })),
      '2027-07-20': async () => void (await stack.client.data(SEATS, { input: { quantity: 2, idempotencyKey: 'a-seats-up' } }, { token: await adminOf(A) })),
      '2027-09-10': async () => void (await stack.client.data(SEATS, { input: { quantity: 2, idempotencyKey: 'c-seats-up' } }, { token: await adminOf(C) })),
      '2027-10-01': async () => void (await stack.client.data(SEATS, { input: { quantity: -1, forRenewal: true, idempotencyKey: 'c-seats-renewal' } }, { token: await adminOf(C) })),
      '2027-10-05': async () => void (await stack.client.data(SEATS, { input: { quantity: -1, idempotencyKey: 'a-seats-down' } }, { token: await adminOf(A) })),
    };
    for (const period of PERIODS) {
      tokyo(`${period}-01`);
      await run(period);
      for (const [day, event] of Object.entries(events)) {
        if (!day.startsWith(period)) continue;
        tokyo(day);
        await event();
      }
    }
    for (const [tenantId, rows] of Object.entries(EXPECTED)) expect(await rowsOf(tenantId), tenantId).toEqual([...rows].sort(byDateThenTotal));

    tokyo('2028-02-15');
    for (const period of PERIODS) expect(await run(period)).toEqual({ period, issuedCount: 0, invoices: [] });
    for (const [tenantId, rows] of Object.entries(EXPECTED)) expect(await rowsOf(tenantId), tenantId).toEqual([...rows].sort(byDateThenTotal));
  });

  it('L16: two billing runs of one period at once (two replicas) issue each invoice once', async () => {
    tokyo('2028-03-01');
    const runs = await Promise.all([run('2028-03'), run('2028-03')]);
    // due in 2028-03: demo and A (monthly); B, C (annual) start no term; D is cancelled; E's card service ended (L14)
    expect(runs[0]!.issuedCount + runs[1]!.issuedCount).toBe(2);
    expect((await rowsOf(A)).filter((r) => r[0] === '2028-03-01')).toEqual([['2028-03-01', 5840, 584, 6424]]);
    expect(await rowsOf(E)).toEqual(EXPECTED[E]);
    expect((await rowsOf(DEMO.tenant.id)).filter((r) => r[0] === '2028-03-01')).toHaveLength(1);
  });

  it('runBilling is for vendor operators only (FORBIDDEN); a malformed or future period is BAD_USER_INPUT', async () => {
    tokyo('2028-03-02');
    for (const token of [await adminOf(A), await sign(DEMO.agent.id, DEMO.vendorTenant.id, ['SUPPORT_AGENT']), await stack.auth.issuer.sign({ userId: DEMO.guest.id, tenantId: DEMO.tenant.id, kind: 'GUEST', roles: [], language: 'en' }, { now: clock.now() })]) {
      const refused = await stack.client.request(RUN, { period: '2028-03' }, { token });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors?.[0]?.message).toMatch(/vendor operator/);
    }
    expect(errorCodes(await stack.client.request(RUN, { period: '2028-03' }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    for (const period of ['2028-13', '2028-3', '28-03', '2028-03-01', '']) {
      const bad = await stack.client.request(RUN, { period }, { token: await operator() });
      expect(errorCodes(bad), period).toEqual(['BAD_USER_INPUT']);
    }
    const future = await stack.client.request(RUN, { period: '2028-04' }, { token: await operator() });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(future.errors?.[0]?.message).toMatch(/has not begun/);
  });

  it("Tenant.invoices: the tenant's admins and vendor operators; another tenant's admin and a member get null", async () => {
    expect(await invoicesOf(A, await adminOf(A))).toHaveLength(EXPECTED[A]!.length + 1);
    expect(await invoicesOf(A, await adminOf(D))).toBeNull();
    expect(await invoicesOf(A, await sign('00000000-0000-4000-8000-0000000b00ff', A, []))).toBeNull();
  });

  it('L16 with replicas: the scheduled run claims the period: two replicas at once bill it once, a held lease is skipped, an expired one taken over', async () => {
    tokyo('2028-04-01');
    const dataSource = stack.handles.licensing!.dataSource;
    const metrics = createServiceMetrics('licensing');
    const replica = () => jobLeases(dataSource, { clock, ttlMs: 60_000 });
    const aprilOf = async (tenantId: string) => (await rowsOf(tenantId)).filter((r) => r[0] === '2028-04-01');
    // a replica killed while it held April's lease: the others skip April until that lease expires
    await dataSource.getRepository(JobLeaseEntity).insert({ jobKey: billingLeaseKey('2028-04'), owner: 'killed-replica', leaseUntil: clock.now().getTime() + 60_000 });
    expect(await billCurrentPeriod(dataSource, replica(), clock.now(), silentLogger, metrics)).toBe(false);
    expect(await aprilOf(A)).toEqual([]);
    clock.advance(60_001);
    // two live replicas race for the expired lease: one gets it, the other skips while it bills
    const [first, second] = [replica(), replica()];
    const claims = await Promise.all([first.claim(billingLeaseKey('2028-04')), second.claim(billingLeaseKey('2028-04'))]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [holder, other] = claims[0] ? [first, second] : [second, first];
    expect(await billCurrentPeriod(dataSource, other, clock.now(), silentLogger, metrics)).toBe(false);
    expect(await aprilOf(A)).toEqual([]);
    expect(await billCurrentPeriod(dataSource, holder, clock.now(), silentLogger, metrics)).toBe(true);
    // and run at the same moment on both, once billed, nothing more is issued
    await Promise.all([billCurrentPeriod(dataSource, first, clock.now(), silentLogger, metrics), billCurrentPeriod(dataSource, second, clock.now(), silentLogger, metrics)]);
    // April 2028 for A: 6 seats (5 + 2 - 1, T6) x 780 + 2 guests x 580 = 4,680 + 1,160 = 5,840; tax 584; 6,424
    expect(await aprilOf(A)).toEqual([['2028-04-01', 5840, 584, 6424]]);
    // demo: its monthly base (15,000) and its card service's new term from 2028-04-01 (5 x 12,000), once each
    expect((await aprilOf(DEMO.tenant.id)).sort((a, b) => a[1] - b[1])).toEqual([['2028-04-01', 15000, 1500, 16500], ['2028-04-01', 60000, 6000, 66000]]);
    expect(await dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: billingLeaseKey('2028-04') })).toBe(0);
  });
});
