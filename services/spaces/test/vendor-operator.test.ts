import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;

describe.each(testDialects())('the vendor operator (VENDOR_ADMIN) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-11-21T01:00:00Z');
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, clock });
  });
  afterAll(() => stack?.close());

  const rolesOf = async (who: 'operator' | 'agent' | 'admin' | 'member') => (await stack.auth.verifier.verify(await signInAs(stack.client, who), { now: clock.now() })).roles;

  it('the demo operator signs in to the vendor tenant (kyodo-support) with VENDOR_ADMIN, and only that role', async () => {
    const token = await signInAs(stack.client, 'operator');
    expect(await stack.auth.verifier.verify(token, { now: clock.now() })).toMatchObject({ userId: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['VENDOR_ADMIN'] });
    expect(DEMO.operator.email).toBe('operator@vendor.example');
  });

  it('no one else gets VENDOR_ADMIN: the agent, the demo admin and member keep their roles; the operator is not a user of the demo tenant', async () => {
    expect(await rolesOf('agent')).toEqual(['SUPPORT_AGENT']);
    expect(await rolesOf('admin')).toEqual(['ADMIN']);
    expect(await rolesOf('member')).toEqual([]);
    const wrongTenant = await stack.client.request(SIGN_IN, { input: { tenant: DEMO.tenant.subdomain, email: DEMO.operator.email, password: DEMO.operator.password } });
    expect(errorCodes(wrongTenant)).toEqual(['UNAUTHENTICATED']);
    const wrongPassword = await stack.client.request(SIGN_IN, { input: { tenant: DEMO.vendorTenant.subdomain, email: DEMO.operator.email, password: 'demo-agent-pass' } });
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
  });
});
