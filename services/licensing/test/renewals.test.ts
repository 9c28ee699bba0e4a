import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const ORDER = `mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { quantity guestLicensesAfter months total effectiveFrom endsOn invoice { id } } }`;
const QUOTE = `query($input: QuoteGuestLicensesInput!) { quoteGuestLicenses(input: $input) { months total effectiveFrom endsOn } }`;
const NOTICE = `mutation($contract: NoticeTarget!) { submitTerminationNotice(contract: $contract) { contract receivedOn termEndsOn endsOn renewsOnceMore } }`;
const INVOICES = `{ invoices { issuedOn subtotal tax total lines { description quantity unitPrice periodFrom periodTo amount } } }`;
const CONTRACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { endsOn guestLicenses status cancelledOn terminationNoticeOn } contractStatus serviceContract { terminationNoticeOn currentTerm { endsOn renews } } } } }`;

const tenant = (i: number) => `00000000-0000-4000-8000-00000000d00${i}`;
const admin = (i: number) => `00000000-0000-4000-8000-00000000d01${i}`;
const tokyoNoon = (day: string) => `${day}T03:00:00Z`;

describe.each(testDialects())('licensing renewals and termination notices (L7, L14) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock(tokyoNoon('2026-04-15'));
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect, clock });
    // two Light annual contracts, terms 1 Nov 2025 - 31 Oct 2026
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert(
      [1, 2, 3].map((i) => ({ id: `00000000-0000-4000-8000-00000000d10${i}`, tenantId: tenant(i), course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2025-11-01', endsOn: '2026-10-31', memberSeats: 3 })),
    );
  });
  afterAll(() => stack?.close());

  // tokens signed at the clock's time: the clock travels years ahead
  const tokenOf = (i: number) => stack.auth.issuer.sign({ userId: admin(i), tenantId: tenant(i), kind: 'MEMBER', roles: ['ADMIN'], language: 'en' }, { now: clock.now() });
  // L16: renewed terms are invoiced by the billing run of their month (members and guests on one invoice)
  const runBilling = async (period: string) =>
    stack.client.data(`mutation($period: String!) { runBilling(period: $period) { issuedCount } }`, { period }, { token: await stack.auth.issuer.sign({ userId: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['VENDOR_ADMIN'], language: 'en' }, { now: clock.now() }) });

  type InvoiceRow = { issuedOn: string; subtotal: number; tax: number; total: number; lines: Array<Record<string, unknown>> };
  const invoicesOf = async (i: number) => (await stack.client.data<{ invoices: InvoiceRow[] }>(INVOICES, {}, { token: await tokenOf(i) })).invoices;

  const contractOf = async (i: number) =>
    (await stack.client.data<{ _entities: Array<{ contract: Record<string, unknown>; contractStatus: string }> }>(CONTRACT, { r: [{ __typename: 'Tenant', id: tenant(i) }] }, { token: await tokenOf(i) }))._entities[0]!;

  // first: the billing runs below settle every contract on their day, so this one travels in time before they run
  it('L14: a notice fewer than 30 days before the term ends is accepted for the following term: it renews once more, then ends', async () => {
    clock.set(tokyoNoon('2026-10-02'));
    const { submitTerminationNotice } = await stack.client.data<{ submitTerminationNotice: unknown }>(NOTICE, { contract: 'BASE_CONTRACT' }, { token: await tokenOf(2) });
    expect(submitTerminationNotice).toEqual({ contract: 'BASE_CONTRACT', receivedOn: '2026-10-02', termEndsOn: '2026-10-31', endsOn: '2027-10-31', renewsOnceMore: true });
    clock.set(tokyoNoon('2026-11-01'));
    expect(await contractOf(2)).toMatchObject({ contract: { status: 'ACTIVE', endsOn: '2027-10-31', terminationNoticeOn: '2026-10-02' } });
    clock.set(tokyoNoon('2027-11-01'));
    expect(await contractOf(2)).toMatchObject({ contract: { status: 'CANCELLED', endsOn: '2027-10-31', cancelledOn: '2027-11-01' } });
    expect(await invoicesOf(2)).toEqual([]); // reading bills nothing: the billing run does (L16)
  });

  it('L7/L14: a decrease ordered for the renewal costs nothing now and applies when the term rolls over on the injected clock', async () => {
    clock.set(tokyoNoon('2026-04-15'));
    await stack.client.data(ORDER, { input: { quantity: 3, idempotencyKey: 'buy-3' } }, { token: await tokenOf(1) });
    const midTerm = await stack.client.request(ORDER, { input: { quantity: -1, idempotencyKey: 'down-now' } }, { token: await tokenOf(1) });
    expect(errorCodes(midTerm)).toEqual(['BAD_USER_INPUT']);
    expect(midTerm.errors?.[0]?.message).toMatch(/forRenewal/);
    const input = { quantity: -1, forRenewal: true };
    expect((await stack.client.data<{ quoteGuestLicenses: unknown }>(QUOTE, { input }, { token: await tokenOf(1) })).quoteGuestLicenses).toEqual({ months: 0, total: 0, effectiveFrom: '2026-11-01', endsOn: '2027-10-31' });
    const { orderGuestLicenses } = await stack.client.data<{ orderGuestLicenses: unknown }>(ORDER, { input: { ...input, idempotencyKey: 'down-renewal' } }, { token: await tokenOf(1) });
    expect(orderGuestLicenses).toEqual({ quantity: -1, guestLicensesAfter: 2, months: 0, total: 0, effectiveFrom: '2026-11-01', endsOn: '2027-10-31', invoice: null });
    // the same key with forRenewal flipped is another order: CONFLICT, in plain words, and nothing changes
    for (const flipped of [{ ...input, forRenewal: false }, { quantity: -1 }]) {
      const clash = await stack.client.request(ORDER, { input: { ...flipped, idempotencyKey: 'down-renewal' } }, { token: await tokenOf(1) });
      expect(errorCodes(clash)).toEqual(['CONFLICT']);
      expect(clash.errors?.[0]?.message).toMatch(/already used for an order for the renewal.*use a new key/);
    }
    const buyClash = await stack.client.request(ORDER, { input: { quantity: 3, forRenewal: true, idempotencyKey: 'buy-3' } }, { token: await tokenOf(1) });
    expect(errorCodes(buyClash)).toEqual(['CONFLICT']);
    expect(buyClash.errors?.[0]?.message).toMatch(/already used for an order for the current term/);
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2026-10-31', guestLicenses: 3, status: 'ACTIVE' });

    clock.set(tokyoNoon('2026-10-31'));
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2026-10-31', guestLicenses: 3 });
    expect(await invoicesOf(1)).toHaveLength(1); // the purchase of 3; no renewal bill before the term ends
    clock.set(tokyoNoon('2026-11-01'));
    // six concurrent reads roll the term over once; the billing run bills it once
    const reads = await Promise.all(Array.from({ length: 6 }, () => contractOf(1)));
    for (const read of reads) expect(read.contract).toMatchObject({ endsOn: '2027-10-31', guestLicenses: 2, status: 'ACTIVE', cancelledOn: null });
    // idempotent: reading again changes nothing
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2027-10-31', guestLicenses: 2 });
    expect(await invoicesOf(1)).toHaveLength(1); // reading bills nothing
    await Promise.all([runBilling('2026-11'), runBilling('2026-11')]);
    const [renewal, purchase, ...none] = await invoicesOf(1);
    expect(none).toEqual([]);
    expect(purchase).toMatchObject({ issuedOn: '2026-04-15' });
    // L1/L7/L14/L16: one invoice for the new term: 3 seats x 9,170 = 27,510 and the 2 licences held for it
    // (3 less the renewal decrease) x 6,820 (Light, annual, on 1 Nov 2026) = 13,640; 41,150; tax 4,115 once
    expect(renewal).toEqual({
      issuedOn: '2026-11-01',
      subtotal: 41150,
      tax: 4115,
      total: 45265,
      lines: [
        { description: 'Member seats (LIGHT, annual), 2026-11-01 to 2027-10-31', quantity: 3, unitPrice: 9170, periodFrom: '2026-11-01', periodTo: '2027-10-31', amount: 27510 },
        { description: 'Guest licences (LIGHT, annual), renewal 2026-11-01 to 2027-10-31', quantity: 2, unitPrice: 6820, periodFrom: '2026-11-01', periodTo: '2027-10-31', amount: 13640 },
      ],
    });
  });

  it('L14: a notice at least 30 days before the term ends stops the renewal: the contract ends, its guest licences with it (L8); a second notice is a CONFLICT', async () => {
    clock.set(tokyoNoon('2027-10-01'));
    const { submitTerminationNotice } = await stack.client.data<{ submitTerminationNotice: unknown }>(NOTICE, { contract: 'BASE_CONTRACT' }, { token: await tokenOf(1) });
    expect(submitTerminationNotice).toEqual({ contract: 'BASE_CONTRACT', receivedOn: '2027-10-01', termEndsOn: '2027-10-31', endsOn: '2027-10-31', renewsOnceMore: false });
    const again = await stack.client.request(NOTICE, { contract: 'BASE_CONTRACT' }, { token: await tokenOf(1) });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0]?.message).toMatch(/already received on 2027-10-01.*ends on 2027-10-31/);
    const renewal = await stack.client.request(QUOTE, { input: { quantity: -1, forRenewal: true } }, { token: await tokenOf(1) });
    expect(errorCodes(renewal)).toEqual(['CONFLICT']);

    clock.set(tokyoNoon('2027-10-31'));
    expect(await contractOf(1)).toMatchObject({ contract: { status: 'ACTIVE', guestLicenses: 2 }, contractStatus: 'ACTIVE' });
    clock.set(tokyoNoon('2027-11-01'));
    expect(await contractOf(1)).toMatchObject({ contract: { status: 'CANCELLED', guestLicenses: 0, endsOn: '2027-10-31', cancelledOn: '2027-11-01' }, contractStatus: 'CANCELLED' });
    await runBilling('2027-11');
    expect((await invoicesOf(1)).map((invoice) => invoice.issuedOn)).toEqual(['2026-11-01', '2026-04-15']); // a contract that ends is not billed again
    expect(errorCodes(await stack.client.request(ORDER, { input: { quantity: 1, idempotencyKey: 'after-end' } }, { token: await tokenOf(1) }))).toEqual(['CONFLICT']);
  });

  it('L14/L1/L16: terms renewed while nobody looked are each billed once, by the billing run of their month whenever it runs', async () => {
    // a contract of its own, made now, so the runs of the tests above did not bill its terms before its first order
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert({ id: '00000000-0000-4000-8000-00000000d104', tenantId: tenant(4), course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2025-11-01', endsOn: '2026-10-31', memberSeats: 3 });
    clock.set(tokyoNoon('2026-04-15'));
    await stack.client.data(ORDER, { input: { quantity: 1, idempotencyKey: 'one' } }, { token: await tokenOf(4) });
    clock.set(tokyoNoon('2028-11-02'));
    const { orderGuestLicenses } = await stack.client.data<{ orderGuestLicenses: { guestLicensesAfter: number; endsOn: string } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'two' } }, { token: await tokenOf(4) });
    expect(orderGuestLicenses).toMatchObject({ guestLicensesAfter: 2, endsOn: '2029-10-31' });
    expect(await contractOf(4)).toMatchObject({ contract: { endsOn: '2029-10-31', guestLicenses: 2 } });
    for (const period of ['2028-11', '2026-11', '2027-11', '2028-11', '2026-11']) await runBilling(period);
    const invoices = await invoicesOf(4);
    expect(invoices.map((invoice) => [invoice.issuedOn, invoice.total])).toEqual([
      ['2028-11-02', 6380 + 638], // the order: 1 x 580 x 11 whole months
      ['2028-11-01', 37763], // each renewed term: 3 seats x 9,170 + 1 guest x 6,820 = 34,330 + 3,433 tax
      ['2027-11-01', 37763],
      ['2026-11-01', 37763],
      ['2026-04-15', 3480 + 348],
    ]);
  });

  it('L14: the card service contract takes a notice too; a monthly base contract has no term (BAD_USER_INPUT); administrators only', async () => {
    clock.set(tokyoNoon('2026-04-15'));
    const { admin: demoAdmin, member } = await stack.auth.demoTokens(); // the clock is back within their lifetime
    expect(errorCodes(await stack.client.request(NOTICE, { contract: 'CARD_SERVICE' }, { token: member }))).toEqual(['FORBIDDEN']);
    const monthly = await stack.client.request(NOTICE, { contract: 'BASE_CONTRACT' }, { token: demoAdmin });
    expect(errorCodes(monthly)).toEqual(['BAD_USER_INPUT']);
    expect(monthly.errors?.[0]?.message).toMatch(/cancelContract/);
    // the demo card service bills from 1 April 2026: the first term ends on 31 March 2027
    const { submitTerminationNotice } = await stack.client.data<{ submitTerminationNotice: unknown }>(NOTICE, { contract: 'CARD_SERVICE' }, { token: demoAdmin });
    expect(submitTerminationNotice).toEqual({ contract: 'CARD_SERVICE', receivedOn: '2026-04-15', termEndsOn: '2027-03-31', endsOn: '2027-03-31', renewsOnceMore: false });
    const demo = await stack.client.data<{ _entities: Array<{ serviceContract: unknown }> }>(CONTRACT, { r: [{ __typename: 'Tenant', id: DEMO.tenant.id }] }, { token: demoAdmin });
    expect(demo._entities[0]?.serviceContract).toEqual({ terminationNoticeOn: '2026-04-15', currentTerm: { endsOn: '2027-03-31', renews: false } });
    expect(errorCodes(await stack.client.request(NOTICE, { contract: 'CARD_SERVICE' }, { token: demoAdmin }))).toEqual(['CONFLICT']);
  });
});
