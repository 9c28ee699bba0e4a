import { randomUUID } from 'node:crypto';
import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tenant } from '../src/entities/tenant.entity.js';
import { spacesSubgraph } from '../src/index.js';

const TENANTS = `query($search: String, $first: Int, $after: String) { tenants(search: $search, first: $first, after: $after) { edges { cursor node { id name subdomain onboardedAt firstAdministratorEmail } } pageInfo { hasNextPage endCursor } } }`;

type Page = { tenants: { edges: Array<{ cursor: string; node: { id: string; name: string; subdomain: string; onboardedAt: string | null; firstAdministratorEmail: string | null } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe.each(testDialects())('T4: the vendor operators\' tenant list on %s', (dialect) => {
  let stack: Stack;
  let t: Awaited<ReturnType<Stack['auth']['demoTokens']>>;
  let statements: string[] = [];
  const clock = new ManualClock('2026-11-21T01:00:00Z');
  const KATAKANA = { id: randomUUID(), subdomain: 'sakura-shoji', name: 'サクラ商事株式会社' };
  const FULL_WIDTH = { id: randomUUID(), subdomain: 'kaede-kogyo', name: '楓工業' };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, clock, onQuery: (_subgraph, sql) => statements.push(sql) });
    t = await stack.auth.demoTokens();
    const tenants = stack.handles.spaces!.dataSource.getRepository(Tenant);
    // onboarded a second apart, after the demo tenants: newest first puts kaede before sakura
    await tenants.insert({ ...KATAKANA, createdAt: new Date('2030-01-01T00:00:01Z') });
    await tenants.insert({ ...FULL_WIDTH, createdAt: new Date('2030-01-01T00:00:02Z') });
  });
  afterAll(() => stack?.close());

  const list = (token: string, variables: Record<string, unknown> = {}) => stack.client.data<Page>(TENANTS, { first: 100, ...variables }, { token });

  it('T4: an operator lists every tenant, newest onboarded first, with when and the first administrator to send a link to', async () => {
    const { tenants } = await list(t.operator);
    const ids = tenants.edges.map((e) => e.node.id);
    expect(ids.slice(0, 2)).toEqual([FULL_WIDTH.id, KATAKANA.id]);
    expect(ids).toEqual(expect.arrayContaining([DEMO.tenant.id, DEMO.vendorTenant.id]));
    expect(tenants.pageInfo.hasNextPage).toBe(false);
    const demo = tenants.edges.find((e) => e.node.id === DEMO.tenant.id)!.node;
    expect(demo).toMatchObject({ subdomain: DEMO.tenant.subdomain, firstAdministratorEmail: DEMO.admin.email });
    expect(demo.onboardedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(tenants.edges[0]!.node).toMatchObject({ onboardedAt: '2030-01-01T00:00:02.000Z', firstAdministratorEmail: null });
  });

  it('no N+1: a page of 4 tenants with their first administrators costs the same statements as a page of 1', async () => {
    const count = async (first: number) => {
      statements = [];
      const { tenants } = await list(t.operator, { first });
      expect(tenants.edges).toHaveLength(first);
      return statements.length;
    };
    const one = await count(1);
    expect(await count(4)).toBe(one);
  });

  it('T4: the search folds width, case and kana alike on both sides: ＫＡＥＤＥ finds kaede-kogyo, ひらがな finds カタカナ, part of a name finds it', async () => {
    const found = async (search: string) => (await list(t.operator, { search })).tenants.edges.map((e) => e.node.subdomain);
    expect(await found('ＫＡＥＤＥ')).toEqual(['kaede-kogyo']);
    expect(await found('さくら')).toEqual(['sakura-shoji']);
    expect(await found('工業')).toEqual(['kaede-kogyo']);
    expect(await found('  DEMO ')).toEqual([DEMO.tenant.subdomain]);
    expect(await found('nowhere')).toEqual([]);
  });

  it('T4: pages of 1 give the same list as one page, each tenant once', async () => {
    const all = (await list(t.operator)).tenants.edges.map((e) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Page = await list(t.operator, { first: 1, after });
      paged.push(...page.tenants.edges.map((e) => e.node.id));
      if (!page.tenants.pageInfo.hasNextPage) break;
      after = page.tenants.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    expect(errorCodes(await stack.client.request(TENANTS, { first: 1, after: 'not-a-cursor' }, { token: t.operator }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(TENANTS, { first: 0 }, { token: t.operator }))).toEqual(['BAD_USER_INPUT']);
  });

  it('T4: a tenant administrator, a member, a guest and the support agent are refused (FORBIDDEN, the field null); signed out UNAUTHENTICATED', async () => {
    for (const token of [t.admin, t.member, t.guest, t.agent]) {
      const answer = await stack.client.request<{ tenants: unknown }>(TENANTS, { first: 10 }, { token });
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?.tenants ?? null).toBeNull();
    }
    expect(errorCodes(await stack.client.request(TENANTS, { first: 10 }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });

  it("T4: what only operators read of a tenant is null for the tenant's own administrator", async () => {
    const answer = await stack.client.data<{ viewer: { tenant: { onboardedAt: string | null; firstAdministratorEmail: string | null } } }>(`{ viewer { tenant { onboardedAt firstAdministratorEmail } } }`, {}, { token: t.admin });
    expect(answer.viewer.tenant).toEqual({ onboardedAt: null, firstAdministratorEmail: null });
  });
});
