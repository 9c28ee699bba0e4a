import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email tenant { subdomain } } } }`;
const extraId = (i: number) => `00000000-0000-4000-8000-0000000010${String(i).padStart(2, '0')}`;

describe.each(testDialects())('spaces entity references on %s', (dialect) => {
  let stack: Stack;
  let statements: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, onQuery: (_subgraph, sql) => statements.push(sql) });
    // 19 more members of the demo tenant, so a list of 20 references all resolve
    await stack.handles.spaces!.dataSource.getRepository(User).insert(
      Array.from({ length: 19 }, (_, i) => ({
        id: extraId(i),
        tenantId: DEMO.tenant.id,
        email: `member${i}@demo.example`,
        name: `Member ${i}`,
        kind: 'MEMBER' as const,
        passwordHash: 'not-used',
      })),
    );
  });
  afterAll(() => stack?.close());

  async function resolve(ids: string[]) {
    const token = (await stack.auth.demoTokens()).admin;
    statements = [];
    const data = await stack.client.data<{ _entities: Array<{ id: string; tenant: { subdomain: string } } | null> }>(
      ENTITIES,
      { r: ids.map((id) => ({ __typename: 'User', id })) },
      { token },
    );
    return { entities: data._entities, count: statements.length, statements: [...statements] };
  }

  it('no N+1: 20 User references (with their tenant) cost the same SQL statements as 1', async () => {
    const one = await resolve([DEMO.admin.id]);
    expect(one.entities).toEqual([{ id: DEMO.admin.id, email: DEMO.admin.email, tenant: { subdomain: 'demo' } }]);
    // the counter sees real statements: one for the users, one for their tenant
    expect(one.count).toBeGreaterThan(0);

    const ids = [DEMO.admin.id, ...Array.from({ length: 19 }, (_, i) => extraId(i))];
    const twenty = await resolve(ids);
    expect(twenty.entities.map((e) => e?.id)).toEqual(ids);
    expect(twenty.entities.every((e) => e?.tenant.subdomain === 'demo')).toBe(true);
    expect(twenty.count, twenty.statements.join('\n')).toBe(one.count);
    // bounded: one SELECT for all 20 users and one for their tenant
    expect(twenty.statements.filter((sql) => /FROM [`"]users[`"]/.test(sql))).toHaveLength(1);
    expect(twenty.statements.filter((sql) => /FROM [`"]tenants[`"]/.test(sql))).toHaveLength(1);
  });
});
