import { ThrownRefusal } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBaseContract, firstTermEndsOn, MIN_MEMBER_SEATS } from '../src/domain/base-contracts.js';
import { Contract } from '../src/entities/contract.entity.js';
import { Invoice } from '../src/entities/invoice.entity.js';
import { licensingSubgraph } from '../src/index.js';

const CREATE = `mutation($tenantId: ID!, $input: BaseContractInput!) { createBaseContract(tenantId: $tenantId, input: $input) { course billingCycle startsOn endsOn memberSeats licenseModel guestLicenses } }`;
const NEW_TENANT = '00000000-0000-4000-8000-00000000c001';
const terms = (overrides: Record<string, unknown> = {}) => ({ course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-01-05', memberSeats: 5, ...overrides });

describe('T5/L16: the rules of a new base contract', () => {
  it('T5: at least 5 member seats', () => {
    expect(MIN_MEMBER_SEATS).toBe(5);
    expect(() => checkBaseContract({ course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-01-05', memberSeats: 5 })).not.toThrow();
    for (const memberSeats of [4, 0, -1, 4.5]) {
      expect(() => checkBaseContract({ course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-01-05', memberSeats })).toThrow(ThrownRefusal);
    }
  });

  it('L16: an annual first term starts on the 1st on or after the order and runs 12 months; monthly has no end', () => {
    expect(firstTermEndsOn('ANNUAL', '2026-12-20')).toBe('2027-12-31');
    expect(firstTermEndsOn('ANNUAL', '2020-11-01')).toBe('2021-10-31');
    expect(firstTermEndsOn('MONTHLY', '2026-12-20')).toBeNull();
  });
});

describe.each(testDialects())('createBaseContract on %s (T4/T5)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  const operator = () => stack.auth.tokenFor({ id: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, roles: ['VENDOR_ADMIN'] });
  const contracts = () => stack.handles.licensing!.dataSource.getRepository(Contract).countBy({ tenantId: NEW_TENANT });

  it('T4: only a vendor operator: a tenant administrator and an agent are FORBIDDEN, nothing is written', async () => {
    const { admin } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(CREATE, { tenantId: NEW_TENANT, input: terms() }, { token: admin }))).toEqual(['FORBIDDEN']);
    const agent = await stack.auth.tokenFor({ id: DEMO.agent.id, tenantId: DEMO.vendorTenant.id, roles: ['SUPPORT_AGENT'] });
    expect(errorCodes(await stack.client.request(CREATE, { tenantId: NEW_TENANT, input: terms() }, { token: agent }))).toEqual(['FORBIDDEN']);
    expect(await contracts()).toBe(0);
  });

  it('T5: fewer than 5 seats is BAD_USER_INPUT naming the rule, nothing is written', async () => {
    const r = await stack.client.request(CREATE, { tenantId: NEW_TENANT, input: terms({ memberSeats: 4 }) }, { token: await operator() });
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.message).toMatch(/at least 5 member seats.*\(T5\)/);
    expect(await contracts()).toBe(0);
  });

  it('issue 18 bounds: 2,147,483,647 seats (accepted before, then invoiced at 1.8 trillion yen) is BAD_USER_INPUT naming the limit, nothing written', async () => {
    for (const memberSeats of [2_147_483_647, 10_001]) {
      const r = await stack.client.request(CREATE, { tenantId: NEW_TENANT, input: terms({ memberSeats }) }, { token: await operator() });
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).toMatch(/the limit is 10,000/);
    }
    expect(await contracts()).toBe(0);
    const ok = await stack.client.request(CREATE, { tenantId: '00000000-0000-4000-8000-00000000c0ff', input: terms({ memberSeats: 10_000 }) }, { token: await operator() });
    expect(ok.errors).toBeUndefined();
  });

  it('issue 18 #6: a contract made by onboarding is pending until spaces confirms its tenant: billing never invoices it before; confirmBaseContract is for operators, idempotent', async () => {
    const ORPHAN = '00000000-0000-4000-8000-00000000c0aa';
    const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount pendingTenants invoices { issuedOn } } }`;
    const CONFIRM = `mutation($tenantId: ID!) { confirmBaseContract(tenantId: $tenantId) { memberSeats } }`;
    const invoicesOf = () => stack.handles.licensing!.dataSource.getRepository(Invoice).countBy({ tenantId: ORPHAN });
    // made inside a spaces transaction that then failed: spaces never confirms it
    await stack.client.data(CREATE, { tenantId: ORPHAN, input: terms({ startsOn: '2026-01-05' }) }, { token: await operator() });
    const run = await stack.client.data<{ runBilling: { pendingTenants: string[] } }>(RUN, { period: '2026-03' }, { token: await operator() });
    expect(run.runBilling.pendingTenants).toContain(ORPHAN);
    expect(await invoicesOf()).toBe(0);
    // only a vendor operator confirms; an unknown tenant is NOT_FOUND
    const { admin } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(CONFIRM, { tenantId: ORPHAN }, { token: admin }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(CONFIRM, { tenantId: '00000000-0000-4000-8000-00000000c0ab' }, { token: await operator() }))).toEqual(['NOT_FOUND']);
    for (let i = 0; i < 2; i++) expect(await stack.client.data(CONFIRM, { tenantId: ORPHAN }, { token: await operator() })).toEqual({ confirmBaseContract: { memberSeats: 5 } });
    // confirmed: the run issues what is missing, the period above included
    const again = await stack.client.data<{ runBilling: { pendingTenants: string[]; invoices: Array<{ issuedOn: string }> } }>(RUN, { period: '2026-03' }, { token: await operator() });
    expect(again.runBilling.pendingTenants).not.toContain(ORPHAN);
    expect(await invoicesOf()).toBe(1);
  });

  it('T4: the operator creates it; the same terms again (a retried onboarding) answer the same contract; other terms are a CONFLICT', async () => {
    const first = await stack.client.data(CREATE, { tenantId: NEW_TENANT, input: terms({ billingCycle: 'ANNUAL', startsOn: '2027-01-05' }) }, { token: await operator() });
    expect(first).toEqual({
      createBaseContract: { course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2027-01-05', endsOn: '2028-01-31', memberSeats: 5, licenseModel: 'GUEST_LICENSES', guestLicenses: 0 },
    });
    const again = await stack.client.data(CREATE, { tenantId: NEW_TENANT, input: terms({ billingCycle: 'ANNUAL', startsOn: '2027-01-05' }) }, { token: await operator() });
    expect(again).toEqual(first);
    const clash = await stack.client.request(CREATE, { tenantId: NEW_TENANT, input: terms({ memberSeats: 9 }) }, { token: await operator() });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect(await contracts()).toBe(1);
  });
});
