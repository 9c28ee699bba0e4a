import { AuditEntryRecord, ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { Invoice } from '../src/entities/invoice.entity.js';
import { licensingSubgraph } from '../src/index.js';

const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount } }`;
const CANCEL = `mutation { cancelContract { status } }`;
const INVOICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { invoices { id number kind issuedOn subtotal tax total reason correctsInvoice { number } } } } }`;

interface InvoiceView {
  id: string;
  number: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  issuedOn: string;
  subtotal: number;
  tax: number;
  total: number;
  reason: string | null;
  correctsInvoice: { number: string } | null;
}

const tenant = (n: number) => `00000000-0000-4000-8000-0000000d${String(n).padStart(4, '0')}`;
const contractId = (n: number) => `00000000-0000-4000-8000-0000000e${String(n).padStart(4, '0')}`;

/**
 * L8/L16/Q1: a cancellation on a 1st (or an annual term start) after that day's billing run. The
 * period's invoice depends on the contract's history, not on whether the run came before or after
 * the cancellation (issue 18): the invoice issued first stays as issued and a credit note for all
 * of it nets the period to nothing, as a run after the cancellation would have issued nothing.
 * Prices: Light seats 780/month, 9,170/year; tax 10 % rounded down per invoice.
 */
describe.each(testDialects())('L8/L16/Q1 a cancellation on a billed 1st on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-02-01T00:00:00Z');
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, new FakeSpaces({}).definition()], dialect, clock });
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN'>) => stack.auth.issuer.sign({ userId, tenantId, kind: 'MEMBER', roles, language: 'en' }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);
  const adminOf = (tenantId: string) => sign(`${tenantId.slice(0, -4)}a${tenantId.slice(-3)}`, tenantId, ['ADMIN']);
  const tokyo = (day: string, time = '09:00') => clock.set(new Date(`${day}T${time}:00+09:00`));
  const dataSource = () => stack.handles.licensing!.dataSource;
  const run = async (period: string) => (await stack.client.data<{ runBilling: { issuedCount: number } }>(RUN, { period }, { token: await operator() })).runBilling.issuedCount;
  const cancel = async (tenantId: string) => stack.client.data(CANCEL, {}, { token: await adminOf(tenantId) });
  const invoicesOf = async (tenantId: string) =>
    (await stack.client.data<{ _entities: Array<{ invoices: InvoiceView[] }> }>(INVOICES, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token: await operator() }))._entities[0]!.invoices.sort((a, b) => a.number.localeCompare(b.number));
  /** What the tenant owes for the invoices dated in a period, credit notes included (yen, tax included). */
  const netOf = async (tenantId: string, period: string) => {
    const all = await invoicesOf(tenantId);
    const ofPeriod = all.filter((i) => i.kind === 'INVOICE' && i.issuedOn.startsWith(period));
    return ofPeriod.reduce((sum, i) => sum + i.total + all.filter((n) => n.correctsInvoice?.number === i.number).reduce((s, n) => s + n.total, 0), 0);
  };
  const open = (n: number, cycle: BillingCycle, startsOn: string, endsOn: string | null) =>
    dataSource().getRepository(Contract).insert({ id: contractId(n), tenantId: tenant(n), course: Course.LIGHT, billingCycle: cycle, startsOn, endsOn, memberSeats: 5 });

  it('L8/L16/Q1: monthly, cancelled on the 1st after the run: the invoice stays as issued and a credit note (own number, naming it, why, audited with the administrator) takes all of it back', async () => {
    await open(1, BillingCycle.MONTHLY, '2027-01-10', null);
    tokyo('2027-03-01');
    expect(await run('2027-03')).toBeGreaterThanOrEqual(1);
    const [march] = await invoicesOf(tenant(1));
    // 2027-03: 5 Light seats x 780 = 3,900; tax 390; 4,290
    expect(march).toMatchObject({ kind: 'INVOICE', issuedOn: '2027-03-01', subtotal: 3900, tax: 390, total: 4290 });
    tokyo('2027-03-01', '15:00');
    await cancel(tenant(1));
    const after = await invoicesOf(tenant(1));
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(march);
    expect(after[1]).toMatchObject({ kind: 'CREDIT_NOTE', issuedOn: '2027-03-01', subtotal: -3900, tax: -390, total: -4290, correctsInvoice: { number: march!.number } });
    expect(after[1]!.number).not.toBe(march!.number);
    expect(after[1]!.reason).toMatch(/^契約の解約（2027-03-01 から）.*Cancelled from 2027-03-01/);
    expect(await netOf(tenant(1), '2027-03')).toBe(0);
    const audit = await dataSource().getRepository(AuditEntryRecord).findBy({ subject: `Invoice:${after[1]!.id}` });
    expect(audit).toMatchObject([{ action: 'invoice.creditNote', actorId: `${tenant(1).slice(0, -4)}a${tenant(1).slice(-3)}` }]);
    // a run again issues nothing, and credits nothing twice
    expect(await run('2027-03')).toBe(0);
    tokyo('2027-04-01');
    await run('2027-04');
    expect(await invoicesOf(tenant(1))).toHaveLength(2);
  });

  it('L16: the same history with the cancellation before the run bills the period the same: nothing', async () => {
    await open(2, BillingCycle.MONTHLY, '2027-01-10', null);
    tokyo('2027-03-01', '08:00');
    await cancel(tenant(2));
    tokyo('2027-03-01');
    await run('2027-03');
    expect(await invoicesOf(tenant(2))).toEqual([]);
  });

  it('L8/L9: cancelled the day after the 1st: the month already begun stands, no credit note', async () => {
    await open(3, BillingCycle.MONTHLY, '2027-01-10', null);
    tokyo('2027-03-01');
    await run('2027-03');
    tokyo('2027-03-02');
    await cancel(tenant(3));
    expect((await invoicesOf(tenant(3))).map((i) => [i.kind, i.issuedOn, i.total])).toEqual([['INVOICE', '2027-03-01', 4290]]);
  });

  it('L8/L16/Q1: annual, cancelled on the term start after its run: the year is credited; cancelled mid-term: the year stands', async () => {
    // ordered 2027-02-10: the term runs 2027-03-01 .. 2028-02-29; 5 x 9,170 = 45,850; tax 4,585; 50,435
    await open(4, BillingCycle.ANNUAL, '2027-02-10', '2028-02-29');
    await open(5, BillingCycle.ANNUAL, '2027-02-10', '2028-02-29');
    tokyo('2027-03-01');
    await run('2027-03');
    await cancel(tenant(4));
    expect((await invoicesOf(tenant(4))).map((i) => [i.kind, i.issuedOn, i.total])).toEqual([['INVOICE', '2027-03-01', 50435], ['CREDIT_NOTE', '2027-03-01', -50435]]);
    tokyo('2027-07-15');
    await cancel(tenant(5));
    expect((await invoicesOf(tenant(5))).map((i) => [i.kind, i.issuedOn, i.total])).toEqual([['INVOICE', '2027-03-01', 50435]]);
  });

  it('L8/L16: a billing run and cancellations at the same moment on a 1st: every tenant owes nothing for the period, whoever came first', { timeout: 120_000 }, async () => {
    const tenants = Array.from({ length: 8 }, (_, i) => 10 + i);
    for (const n of tenants) await open(n, BillingCycle.MONTHLY, '2027-01-10', null);
    for (const [round, period] of ['2027-05', '2027-06', '2027-07'].entries()) {
      // the tenants still open: a third of them cancels each round, racing the run
      const racing = tenants.filter((n) => n % 3 === round);
      tokyo(`${period}-01`);
      await Promise.all([run(period), ...racing.map((n) => cancel(tenant(n)))]);
      for (const n of racing) expect(await netOf(tenant(n), period), `tenant ${n} in ${period}`).toBe(0);
      for (const n of racing) expect((await dataSource().getRepository(Invoice).findBy({ tenantId: tenant(n), billingKey: `${tenant(n)}/${period}` })).length).toBeLessThanOrEqual(1);
      // the others were billed as usual: 4,290 for the month
      for (const n of tenants.filter((t) => t % 3 > round)) expect(await netOf(tenant(n), period), `tenant ${n} in ${period}`).toBe(4290);
    }
  });
});
