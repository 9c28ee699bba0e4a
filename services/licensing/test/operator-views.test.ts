import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billCurrentPeriod } from '../src/billing-run.js';
import { BillingRunRecord } from '../src/entities/billing-run.entity.js';
import { Contract } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount } }`;
const RUNS = `query($first: Int, $after: String) { billingRuns(first: $first, after: $after) { edges { cursor node { id period ranAt via ranBy issuedCount issuedTotal pendingTenants invoices { id total tenantId } } } pageInfo { hasNextPage endCursor } } }`;
const TENANT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { id contract { course billingCycle status pending memberSeats memberSeatsOrdered guestLicenses startsOn endsOn cancelledOn } serviceContract { seats } cardDigitisation { includedSides purchasedSides } digitisationPackOrders { packs sides orderDate } } } }`;
const GRANT_PACK = `mutation($input: GrantDigitisationPackInput!) { grantDigitisationPack(input: $input) { id } }`;

const OTHER_TENANT = '00000000-0000-4000-8000-0000000e0001';
const OTHER_ADMIN = '00000000-0000-4000-8000-0000000e0011';

type Run = { id: string; period: string; ranAt: string; via: string; ranBy: string | null; issuedCount: number; issuedTotal: number; pendingTenants: string[]; invoices: Array<{ id: string; total: number; tenantId: string }> };
type Runs = { billingRuns: { edges: Array<{ cursor: string; node: Run }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
type TenantView = { id: string; contract: Record<string, unknown> | null; serviceContract: { seats: number } | null; cardDigitisation: { includedSides: number; purchasedSides: number } | null; digitisationPackOrders: Array<{ packs: number; sides: number; orderDate: string }> | null };

describe.each(testDialects())('licensing for vendor operators: past billing runs (L16), any tenant\'s contract, packs (L15) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-10T03:00:00Z'); // 10 April 2026 in Tokyo
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, new FakeSpaces({}).definition()], dialect, clock });
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN' | 'SUPPORT_AGENT'>, kind: 'MEMBER' | 'GUEST' = 'MEMBER') => stack.auth.issuer.sign({ userId, tenantId, kind, roles }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);
  const admin = () => sign(DEMO.admin.id, DEMO.tenant.id, ['ADMIN']);
  const runs = async (token: string, first = 20, after: string | null = null) => (await stack.client.data<Runs>(RUNS, { first, after }, { token })).billingRuns;
  const tenantAs = async (token: string, tenantId = DEMO.tenant.id) => (await stack.client.data<{ _entities: TenantView[] }>(TENANT, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0]!;

  it('L16: each run an operator starts is kept with its result, newest first: the invoices it issued and their total; a second run of the period issued none', async () => {
    expect((await runs(await operator())).edges).toEqual([]);
    const first = (await stack.client.data<{ runBilling: { issuedCount: number } }>(RUN, { period: '2026-04' }, { token: await operator() })).runBilling.issuedCount;
    expect(first).toBeGreaterThan(0);
    clock.advance(60_000);
    expect((await stack.client.data<{ runBilling: { issuedCount: number } }>(RUN, { period: '2026-04' }, { token: await operator() })).runBilling.issuedCount).toBe(0);
    const { edges } = await runs(await operator());
    expect(edges.map((e) => [e.node.period, e.node.via, e.node.ranBy, e.node.issuedCount])).toEqual([
      ['2026-04', 'OPERATOR', DEMO.operator.id, 0],
      ['2026-04', 'OPERATOR', DEMO.operator.id, first],
    ]);
    const [again, older] = [edges[0]!.node, edges[1]!.node];
    expect(again.invoices).toEqual([]);
    expect(again.issuedTotal).toBe(0);
    expect(older.invoices).toHaveLength(first);
    expect(older.issuedTotal).toBe(older.invoices.reduce((sum, i) => sum + i.total, 0));
    expect(older.issuedTotal).toBeGreaterThan(0);
    expect(older.ranAt).toBe('2026-04-10T03:00:00.000Z');
  });

  it('L16: a scheduled run is kept only when it did something (its hourly no-ops are not); pages of 1 give the same list', async () => {
    const before = await stack.handles.licensing!.dataSource.getRepository(BillingRunRecord).count();
    clock.advance(60_000);
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => logger } as never;
    const leases = { run: async <T>(_key: string, fn: () => Promise<T>) => ({ ran: true, value: await fn() }) } as never;
    const metrics = { trackJob: <T>(_job: string, fn: () => Promise<T>) => fn() } as never;
    expect(await billCurrentPeriod(stack.handles.licensing!.dataSource, leases, clock.now(), logger, metrics)).toBe(true);
    expect(await stack.handles.licensing!.dataSource.getRepository(BillingRunRecord).count()).toBe(before);
    const all = (await runs(await operator(), 100)).edges.map((e) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await runs(await operator(), 1, after);
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('issue 18 #6: a run that finds a pending contract names its tenant', async () => {
    const contracts = stack.handles.licensing!.dataSource.getRepository(Contract);
    const demo = await contracts.findOneByOrFail({ tenantId: DEMO.tenant.id });
    await contracts.update({ id: demo.id }, { tenantConfirmed: false });
    try {
      clock.advance(60_000);
      await stack.client.data(RUN, { period: '2026-04' }, { token: await operator() });
      expect((await runs(await operator(), 1)).edges[0]!.node.pendingTenants).toEqual([DEMO.tenant.id]);
      expect((await tenantAs(await operator())).contract).toMatchObject({ pending: true });
    } finally {
      await contracts.update({ id: demo.id }, { tenantConfirmed: true });
    }
  });

  it('L16: past runs are for vendor operators only: a tenant administrator, a member, a guest and the support agent are refused (FORBIDDEN); signed out UNAUTHENTICATED', async () => {
    const tokens = [await admin(), await sign(DEMO.member.id, DEMO.tenant.id, []), await sign(DEMO.guest.id, DEMO.tenant.id, [], 'GUEST'), await sign(DEMO.agent.id, DEMO.vendorTenant.id, ['SUPPORT_AGENT'])];
    for (const token of tokens) {
      const answer = await stack.client.request<{ billingRuns: unknown }>(RUNS, { first: 5 }, { token });
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?.billingRuns ?? null).toBeNull();
    }
    expect(errorCodes(await stack.client.request(RUNS, { first: 5 }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });

  it("T4-T6/L15: an operator reads any tenant's contract state as its administrator does (seats in force and ordered, guests, status, pending), its card service contract and packs", async () => {
    await stack.client.data(GRANT_PACK, { input: { tenantId: DEMO.tenant.id, packs: 2, idempotencyKey: 'operator-views-1' } }, { token: await operator() });
    const asOperator = await tenantAs(await operator());
    const asAdmin = await tenantAs(await admin());
    expect(asOperator.contract).toEqual(asAdmin.contract);
    expect(asOperator.contract).toMatchObject({ status: 'ACTIVE', pending: false, memberSeats: expect.any(Number), memberSeatsOrdered: expect.any(Number), guestLicenses: expect.any(Number) });
    expect(asOperator.contract!.memberSeatsOrdered).toBe(asOperator.contract!.memberSeats);
    expect(asOperator.serviceContract).toEqual(asAdmin.serviceContract);
    expect(asOperator.serviceContract).not.toBeNull();
    expect(asOperator.cardDigitisation).toEqual(asAdmin.cardDigitisation);
    expect(asOperator.digitisationPackOrders).toEqual([{ packs: 2, sides: 2000, orderDate: '2026-04-10' }]);
    expect(asAdmin.digitisationPackOrders).toEqual(asOperator.digitisationPackOrders);
  });

  it("T4: another tenant's administrator, a member of another tenant and the support agent get nothing of the demo tenant's contract, service contract or packs; a plain member reads no packs", async () => {
    const strangers = [await sign(OTHER_ADMIN, OTHER_TENANT, ['ADMIN']), await sign(DEMO.agent.id, DEMO.vendorTenant.id, ['SUPPORT_AGENT'])];
    for (const token of strangers) expect(await tenantAs(token)).toEqual({ id: DEMO.tenant.id, contract: null, serviceContract: null, cardDigitisation: null, digitisationPackOrders: null });
    const member = await tenantAs(await sign(DEMO.member.id, DEMO.tenant.id, []));
    expect(member.contract).not.toBeNull();
    expect(member.digitisationPackOrders).toBeNull();
  });
});
