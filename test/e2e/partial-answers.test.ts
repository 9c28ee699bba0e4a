import { readFile } from 'node:fs/promises';
import { DEMO, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { Kind, parse, type ConstDirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack, SUPERGRAPH_PATH } from './full-stack.js';

const VIEWER_AND_CARDS = /* GraphQL */ `
  { viewer { id name } cards(first: 5) { edges { node { id name } } } }
`;
/** The README's foundation query: one field from every subgraph. */
const README_QUERY = /* GraphQL */ `
  { viewer { id name kind tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }
`;

const CARD_QUOTA = /* GraphQL */ `
  { viewer { id tenant { subdomain cardQuota { included purchased used remaining } } } }
`;

interface ViewerAndCards {
  viewer: { id: string; name: string } | null;
  cards: { edges: Array<{ node: { id: string; name: string } }> } | null;
}

describe.each(testDialects())('partial answers with the cards subgraph down (one subgraph never takes the others with it) on %s', (dialect) => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    token = await signInAs(stack.client, 'admin');
    // while everything is up, the same query answers whole
    const whole = await stack.client.data<ViewerAndCards>(VIEWER_AND_CARDS, {}, { token });
    expect(whole.cards?.edges.length).toBeGreaterThan(0);
    await stack.handles.cards!.close();
  });
  afterAll(() => stack?.close());

  it('viewer and cards: the viewer (spaces) stays, cards is null with an error naming the cards service', async () => {
    const response = await stack.client.request<ViewerAndCards>(VIEWER_AND_CARDS, {}, { token });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ viewer: { id: DEMO.admin.id, name: DEMO.admin.name }, cards: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['cards'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(response.errors![0]!.message).toMatch(/cards/);
  });

  it("the README query keeps viewer, tenant, contract (licensing) and isSupportRegistrant (support); only cardCount is null, with the cards service's error", async () => {
    const response = await stack.client.request<{ viewer: Record<string, unknown> | null }>(README_QUERY, {}, { token });
    expect(response.data?.viewer).toMatchObject({
      id: DEMO.admin.id,
      kind: 'MEMBER',
      tenant: { subdomain: DEMO.tenant.subdomain, contract: { course: expect.any(String), billingCycle: expect.any(String) } },
      cardCount: null,
      isSupportRegistrant: expect.any(Boolean),
    });
    // one error, for the cards fetch; the gateway reports an entity fetch at the entity's path (viewer)
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(response.errors![0]!.path?.[0]).toBe('viewer');
    expect(response.errors![0]!.message).toMatch(/cards/);
  });
});

describe.each(testDialects())('Tenant.cardQuota with the licensing subgraph down (L15, fails closed) on %s', (dialect) => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    token = await signInAs(stack.client, 'admin');
    const whole = await stack.client.data<{ viewer: { tenant: { cardQuota: { included: number } | null } } }>(CARD_QUOTA, {}, { token });
    expect(whole.viewer.tenant.cardQuota?.included).toBeGreaterThan(0);
    await stack.handles.licensing!.close();
  });
  afterAll(() => stack?.close());

  it('the quota (licensing numbers carried by @requires) is null with an error, never 0 sides guessed; the rest of the viewer stays', async () => {
    const response = await stack.client.request<{ viewer: { id: string; tenant: { subdomain: string; cardQuota: unknown } } | null }>(CARD_QUOTA, {}, { token });
    expect(response.status).toBe(200);
    expect(response.data?.viewer).toEqual({ id: DEMO.admin.id, tenant: { subdomain: DEMO.tenant.subdomain, cardQuota: null } });
    // the gateway reports licensing's failed fetch, then calls cards without the required numbers: cards refuses (not 0 sides)
    expect(response.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['viewer.tenant', 'SERVICE_UNAVAILABLE'],
      ['viewer.tenant.cardQuota', 'SERVICE_UNAVAILABLE'],
    ]);
    expect(response.errors?.[1]?.message).toMatch(/名刺の契約情報を受け取れなかった.*L15/);
  });
});

/** The graphs that resolve a field in the supergraph (external declarations do not resolve it). */
function resolvingGraphs(field: FieldDefinitionNode): string[] {
  const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
  const arg = (d: ConstDirectiveNode, name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
  return joins.filter((d) => arg(d, 'external')?.kind !== Kind.BOOLEAN || !(arg(d, 'external') as { value: boolean }).value).map((d) => (arg(d, 'graph') as { value: string }).value);
}

/** Who owns each entity that several subgraphs extend (ARCHITECTURE, Federation). */
const OWNERS: Record<string, string> = { User: 'SPACES', Tenant: 'SPACES', CardDigitisation: 'LICENSING' };

describe('the supergraph keeps the partial-answer rule (SURVIVES_OUTAGE in subgraph-kit)', () => {
  it('every field a subgraph adds to another subgraph\'s entity, and every root list or connection, is nullable', async () => {
    const doc = parse(await readFile(SUPERGRAPH_PATH, 'utf8'));
    const types = doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
    const offenders: string[] = [];
    for (const type of types) {
      if (type.name.value === 'Query') {
        for (const field of type.fields ?? []) {
          // internal peer queries (@inaccessible) are never asked by a client
          if (field.type.kind !== Kind.NON_NULL_TYPE || field.directives?.some((d) => d.name.value === 'inaccessible')) continue;
          const inner = field.type.type;
          if (inner.kind === Kind.LIST_TYPE || inner.name.value.endsWith('Connection')) offenders.push(`Query.${field.name.value}`);
        }
        continue;
      }
      // entities only (a join__type with a key): a value type several subgraphs share resolves whole in each
      const graphs = (type.directives ?? []).filter((d) => d.name.value === 'join__type' && d.arguments?.some((a) => a.name.value === 'key'));
      if (graphs.length < 2 || type.name.value === 'Mutation' || type.name.value === 'Subscription') continue;
      const owner = OWNERS[type.name.value];
      if (!owner) {
        offenders.push(`${type.name.value}: an entity in several subgraphs; name its owner in OWNERS`);
        continue;
      }
      for (const field of type.fields ?? []) {
        const by = resolvingGraphs(field);
        if (by.length > 0 && !by.includes(owner) && field.type.kind === Kind.NON_NULL_TYPE) offenders.push(`${type.name.value}.${field.name.value} (${by.join(', ')})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
