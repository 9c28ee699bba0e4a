import { ManualClock } from '@kyodo/subgraph-kit';
import { errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const ORDER = `mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { quantity licensesFrom: effectiveFrom } }`;
const ASSIGN = `mutation($userId: ID!) { assignGuestLicense(input: { userId: $userId }) }`;
const CONTRACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { guestLicenses guestLicensesAssigned } } } }`;
const LICENSE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { guestLicense { status } } } }`;

const FUTURE_TENANT = '00000000-0000-4000-8000-00000000f001';
const RENEWAL_TENANT = '00000000-0000-4000-8000-00000000f002';
const guestOf = (tenant: string, n: number) => `${tenant.slice(0, -4)}${tenant.slice(-1)}${String(20 + n)}`; // …f001 -> …f121

describe.each(testDialects())('guest licence assignment follows the licences in force on the day on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-12-15T03:00:00Z'); // 15 December 2026 in Tokyo
  const spaces = new FakeSpaces({
    [guestOf(FUTURE_TENANT, 1)]: { kind: 'GUEST', tenantId: FUTURE_TENANT },
    [guestOf(RENEWAL_TENANT, 1)]: { kind: 'GUEST', tenantId: RENEWAL_TENANT },
    [guestOf(RENEWAL_TENANT, 2)]: { kind: 'GUEST', tenantId: RENEWAL_TENANT },
    [guestOf(RENEWAL_TENANT, 3)]: { kind: 'GUEST', tenantId: RENEWAL_TENANT },
  });
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
    const contracts = stack.handles.licensing!.dataSource.getRepository(Contract);
    const annual = { course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2026-11-01', endsOn: '2027-10-31', memberSeats: 5 };
    await contracts.insert({ id: '00000000-0000-4000-8000-00000000f101', tenantId: FUTURE_TENANT, ...annual });
    await contracts.insert({ id: '00000000-0000-4000-8000-00000000f102', tenantId: RENEWAL_TENANT, ...annual });
  });
  // tokens are minted on the test clock's day, which moves
  const adminOf = (tenantId: string) => stack.auth.issuer.sign({ userId: `${tenantId.slice(0, -3)}011`, tenantId, kind: 'MEMBER', roles: ['ADMIN'], language: 'en' }, { now: clock.now() });
  afterAll(() => stack?.close());

  const contractOf = async (tenantId: string, token: string) =>
    (await stack.client.data<{ _entities: Array<{ contract: { guestLicenses: number; guestLicensesAssigned: number } }> }>(CONTRACT, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0]?.contract;
  const statusOf = async (tenantId: string, userId: string, token: string) =>
    (
      await stack.client.data<{ _entities: Array<{ guestLicense: { status: string } }> }>(
        LICENSE,
        { r: [{ __typename: 'User', id: userId, kind: 'GUEST', isLinkedGuest: false, firstSignInAt: '2026-01-01T00:00:00Z', tenant: { id: tenantId } }] },
        { token },
      )
    )._entities[0]?.guestLicense.status;

  it('L3/L6: a licence ordered today for 2027-01-01 cannot be assigned before that day (CONFLICT), and can be on it', async () => {
    clock.set('2026-12-15T03:00:00Z');
    let futureAdmin = await adminOf(FUTURE_TENANT);
    await stack.client.data(ORDER, { input: { quantity: 1, orderDate: '2027-01-01', idempotencyKey: 'future-1' } }, { token: futureAdmin });
    expect(await contractOf(FUTURE_TENANT, futureAdmin)).toEqual({ guestLicenses: 0, guestLicensesAssigned: 0 });
    const early = await stack.client.request(ASSIGN, { userId: guestOf(FUTURE_TENANT, 1) }, { token: futureAdmin });
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors?.[0]?.message).toMatch(/All 0 guest licence\(s\) are assigned/);
    expect(await statusOf(FUTURE_TENANT, guestOf(FUTURE_TENANT, 1), futureAdmin)).toBe('TRIAL_EXPIRED');

    clock.set('2026-12-31T15:00:00Z'); // 2027-01-01 00:00 in Tokyo
    futureAdmin = await adminOf(FUTURE_TENANT);
    expect(await contractOf(FUTURE_TENANT, futureAdmin)).toEqual({ guestLicenses: 1, guestLicensesAssigned: 0 });
    expect(await stack.client.data(ASSIGN, { userId: guestOf(FUTURE_TENANT, 1) }, { token: futureAdmin })).toEqual({ assignGuestLicense: true });
    expect(await statusOf(FUTURE_TENANT, guestOf(FUTURE_TENANT, 1), futureAdmin)).toBe('LICENSED');
  });

  it('L7: a decrease ordered for the renewal leaves today\'s licences assignable; beyond them is still refused', async () => {
    clock.set('2026-12-15T03:00:00Z');
    const renewalAdmin = await adminOf(RENEWAL_TENANT);
    await stack.client.data(ORDER, { input: { quantity: 2, idempotencyKey: 'renewal-up' } }, { token: renewalAdmin });
    await stack.client.data(ORDER, { input: { quantity: -1, forRenewal: true, idempotencyKey: 'renewal-down' } }, { token: renewalAdmin });
    expect(await contractOf(RENEWAL_TENANT, renewalAdmin)).toEqual({ guestLicenses: 2, guestLicensesAssigned: 0 });
    expect(await stack.client.data(ASSIGN, { userId: guestOf(RENEWAL_TENANT, 1) }, { token: renewalAdmin })).toEqual({ assignGuestLicense: true });
    expect(await stack.client.data(ASSIGN, { userId: guestOf(RENEWAL_TENANT, 2) }, { token: renewalAdmin })).toEqual({ assignGuestLicense: true });
    const third = await stack.client.request(ASSIGN, { userId: guestOf(RENEWAL_TENANT, 3) }, { token: renewalAdmin });
    expect(errorCodes(third)).toEqual(['CONFLICT']);
    expect(third.errors?.[0]?.message).toMatch(/All 2 guest licence\(s\) are assigned/);
    expect(await contractOf(RENEWAL_TENANT, renewalAdmin)).toEqual({ guestLicenses: 2, guestLicensesAssigned: 2 });
  });
});
