import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

/** What a gateway sends licensing to add `contract` to a Tenant it got from spaces. */
const CONTRACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { id contract { course billingCycle startsOn } } } }`;
type Entities = { _entities: Array<{ id: string; contract: { course: string; billingCycle: string; startsOn: string } | null } | null> };

const OTHER_TENANT = '00000000-0000-4000-8000-00000000a001';
const otherTenantId = (i: number) => `00000000-0000-4000-8000-0000000a10${String(i).padStart(2, '0')}`;

describe.each(testDialects())('licensing Tenant.contract on %s', (dialect) => {
  let stack: Stack;
  let statements: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect, onQuery: (_subgraph, sql) => statements.push(sql) });
    // other tenants with contracts of their own, so a leak across tenants would show
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert(
      [OTHER_TENANT, ...Array.from({ length: 19 }, (_, i) => otherTenantId(i))].map((tenantId, i) => ({
        id: `00000000-0000-4000-8000-0000000b10${String(i).padStart(2, '0')}`,
        tenantId,
        course: Course.LIGHT,
        billingCycle: BillingCycle.ANNUAL,
        startsOn: '2025-01-01',
      })),
    );
  });
  afterAll(() => stack?.close());

  const contractOf = async (tenantId: string, token: string | null) => {
    const r = await stack.client.request<Entities>(CONTRACT, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token });
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0]!.contract;
  };

  it('L2: the demo admin and a plain member see the tenant\'s STANDARD / MONTHLY base contract', async () => {
    const { admin, member } = await stack.auth.demoTokens();
    expect(await contractOf(DEMO.tenant.id, admin)).toEqual({ course: 'STANDARD', billingCycle: 'MONTHLY', startsOn: '2026-04-01' });
    expect(await contractOf(DEMO.tenant.id, member)).toEqual({ course: 'STANDARD', billingCycle: 'MONTHLY', startsOn: '2026-04-01' });
  });

  it('S3: a guest of the tenant gets null', async () => {
    const { guest } = await stack.auth.demoTokens();
    expect(await contractOf(DEMO.tenant.id, guest)).toBeNull();
  });

  it('an anonymous caller gets null', async () => {
    expect(await contractOf(DEMO.tenant.id, null)).toBeNull();
  });

  it("T1: another tenant's admin gets null for the demo tenant, and sees only its own contract", async () => {
    const otherAdmin = await stack.auth.tokenFor({ id: 'other-admin', tenantId: OTHER_TENANT, roles: ['ADMIN'] });
    expect(await contractOf(DEMO.tenant.id, otherAdmin)).toBeNull();
    expect(await contractOf(OTHER_TENANT, otherAdmin)).toEqual({ course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2025-01-01' });
    const { admin } = await stack.auth.demoTokens();
    expect(await contractOf(OTHER_TENANT, admin)).toBeNull();
  });

  it('no N+1: 20 Tenant references cost the same SQL statements as 1', async () => {
    const { admin } = await stack.auth.demoTokens();
    const run = async (ids: string[]) => {
      statements = [];
      const data = await stack.client.data<Entities>(CONTRACT, { r: ids.map((id) => ({ __typename: 'Tenant', id })) }, { token: admin });
      return { entities: data._entities, statements: [...statements] };
    };
    const one = await run([DEMO.tenant.id]);
    expect(one.entities[0]?.contract?.course).toBe('STANDARD');
    expect(one.statements.length).toBeGreaterThan(0);

    // the viewer's own tenant, repeated, among 19 tenants the viewer may not see (T1: all null)
    const ids = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? DEMO.tenant.id : otherTenantId(i)));
    const twenty = await run(ids);
    expect(twenty.entities.map((e) => e?.contract?.course ?? null)).toEqual(ids.map((id) => (id === DEMO.tenant.id ? 'STANDARD' : null)));
    expect(twenty.statements.length, twenty.statements.join('\n')).toBe(one.statements.length);
    expect(twenty.statements.filter((sql) => /FROM [`"]contracts[`"]/.test(sql))).toHaveLength(1);
  });
});
