import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const ORDER = `mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { quantity guestLicensesAfter months total effectiveFrom endsOn invoice { id } } }`;
const QUOTE = `query($input: QuoteGuestLicensesInput!) { quoteGuestLicenses(input: $input) { months total effectiveFrom endsOn } }`;
const NOTICE = `mutation($contract: NoticeTarget!) { submitTerminationNotice(contract: $contract) { contract receivedOn termEndsOn endsOn renewsOnceMore } }`;
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
      [1, 2].map((i) => ({ id: `00000000-0000-4000-8000-00000000d10${i}`, tenantId: tenant(i), course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2025-11-01', endsOn: '2026-10-31', memberSeats: 3 })),
    );
    
  });
  afterAll(() => stack?.close());

  // tokens signed at the clock's time: the clock travels years ahead
  const tokenOf = (i: number) => stack.auth.issuer.sign({ userId: admin(i), tenantId: tenant(i), kind: 'MEMBER', roles: ['ADMIN'] }, { now: clock.now() });

  const contractOf = async (i: number) =>
    (await stack.client.data<{ _entities: Array<{ contract: Record<string, unknown>; contractStatus: string }> }>(CONTRACT, { r: [{ __typename: 'Tenant', id: tenant(i) }] }, { token: await tokenOf(i) }))._entities[0]!;

  it('L7/L14: a decrease ordered for the renewal costs nothing now and applies when the term rolls over on the injected clock', async () => {
    await stack.client.data(ORDER, { input: { quantity: 3, idempotencyKey: 'buy-3' } }, { token: await tokenOf(1) });
    const midTerm = await stack.client.request(ORDER, { input: { quantity: -1, idempotencyKey: 'down-now' } }, { token: await tokenOf(1) });
    expect(errorCodes(midTerm)).toEqual(['BAD_USER_INPUT']);
    expect(midTerm.errors?.[0]?.message).toMatch(/forRenewal/);
    const input = { quantity: -1, forRenewal: true };
    expect((await stack.client.data<{ quoteGuestLicenses: unknown }>(QUOTE, { input }, { token: await tokenOf(1) })).quoteGuestLicenses).toEqual({ months: 0, total: 0, effectiveFrom: '2026-11-01', endsOn: '2027-10-31' });
    const { orderGuestLicenses } = await stack.client.data<{ orderGuestLicenses: unknown }>(ORDER, { input: { ...input, idempotencyKey: 'down-renewal' } }, { token: await tokenOf(1) });
    expect(orderGuestLicenses).toEqual({ quantity: -1, guestLicensesAfter: 2, months: 0, total: 0, effectiveFrom: '2026-11-01', endsOn: '2027-10-31', invoice: null });
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2026-10-31', guestLicenses: 3, status: 'ACTIVE' });

    clock.set(tokyoNoon('2026-10-31'));
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2026-10-31', guestLicenses: 3 });
    clock.set(tokyoNoon('2026-11-01'));
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2027-10-31', guestLicenses: 2, status: 'ACTIVE', cancelledOn: null });
    // idempotent: reading again changes nothing
    expect((await contractOf(1)).contract).toMatchObject({ endsOn: '2027-10-31', guestLicenses: 2 });
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
    expect(errorCodes(await stack.client.request(ORDER, { input: { quantity: 1, idempotencyKey: 'after-end' } }, { token: await tokenOf(1) }))).toEqual(['CONFLICT']);
  });

  it('L14: a notice fewer than 30 days before the term ends is accepted for the following term: it renews once more, then ends', async () => {
    clock.set(tokyoNoon('2026-10-02'));
    const { submitTerminationNotice } = await stack.client.data<{ submitTerminationNotice: unknown }>(NOTICE, { contract: 'BASE_CONTRACT' }, { token: await tokenOf(2) });
    expect(submitTerminationNotice).toEqual({ contract: 'BASE_CONTRACT', receivedOn: '2026-10-02', termEndsOn: '2026-10-31', endsOn: '2027-10-31', renewsOnceMore: true });
    clock.set(tokyoNoon('2026-11-01'));
    expect(await contractOf(2)).toMatchObject({ contract: { status: 'ACTIVE', endsOn: '2027-10-31', terminationNoticeOn: '2026-10-02' } });
    clock.set(tokyoNoon('2027-11-01'));
    expect(await contractOf(2)).toMatchObject({ contract: { status: 'CANCELLED', endsOn: '2027-10-31', cancelledOn: '2027-11-01' } });
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
