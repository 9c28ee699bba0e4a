import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type GraphQLBody, type TinyGateway } from './support/tiny-gateway.js';

/** Client mistakes get a 4xx-class GraphQL error with a code, never INTERNAL_SERVER_ERROR or no code at all. */
describe('client mistakes at the gateway', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(() => gw.close());

  function expectCoded(body: GraphQLBody, code: string) {
    expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.code, JSON.stringify(error)).toBe(code);
    }
  }

  it('refuses a subscription when the schema has none, as a validation error', async () => {
    const { status, body } = await gw.post({ query: 'subscription { people { id } }' });
    expectCoded(body, 'GRAPHQL_VALIDATION_FAILED');
    expect(status).toBe(400);
  });

  it('refuses introspection mixed with data fields (directly, through a fragment) with a reason, not a 500', async () => {
    for (const query of [
      '{ people(first: 1) { id } __schema { queryType { name } } }',
      '{ people(first: 1) { id } ...Meta } fragment Meta on Query { __schema { queryType { name } } }',
      '{ ... on Query { people(first: 1) { id } } __type(name: "Person") { name } }',
    ]) {
      const { status, body } = await gw.post({ query }, { 'accept-language': 'en' });
      expect(status, query).toBe(400);
      expectCoded(body, 'GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toMatch(/in an operation of its own/);
    }
  });

  it('still answers introspection on its own, and __typename beside data', async () => {
    const alone = await gw.post({ query: '{ __typename __schema { queryType { name } } }' });
    expect(alone.body).toEqual({ data: { __typename: 'Query', __schema: { queryType: { name: 'Query' } } } });
    const typename = await gw.post({ query: '{ __typename people(first: 1) { id } }' });
    expect(typename.body).toEqual({ data: { __typename: 'Query', people: [{ id: 'p1' }] } });
  });

  it('still answers good variables', async () => {
    const { body } = await gw.post({ query: 'query ($n: Int, $id: ID!) { people(first: $n) { id } person(id: $id) { name } }', variables: { n: 1, id: 'p2' } });
    expect(body).toEqual({ data: { people: [{ id: 'p1' }], person: { name: 'Bunta' } } });
  });

  const badVariables: [string, string, Record<string, unknown>][] = [
    ['wrong type', 'query ($v: Int!) { badInput(value: $v) }', { v: 'seven' }],
    ['missing required', 'query ($v: Int!) { badInput(value: $v) }', {}],
    ['null for non-null', 'query ($v: Int!) { badInput(value: $v) }', { v: null }],
    ['huge int', 'query ($v: Int!) { badInput(value: $v) }', { v: 2 ** 40 }],
    ['object for a scalar', 'query ($v: Int!) { badInput(value: $v) }', { v: { a: 1 } }],
    ['list for a scalar', 'query ($n: Int) { people(first: $n) { id } }', { n: [1, 2] }],
    ['object for an ID', 'query ($id: ID!) { person(id: $id) { id } }', { id: { toString: 'x' } }],
    ['float for an Int', 'query ($n: Int) { people(first: $n) { id } }', { n: 1.5 }],
    ['wrong type in a mutation', 'mutation ($id: ID!, $name: String!) { rename(id: $id, name: $name) { id } }', { id: 'p1', name: 42 }],
  ];

  it.each(badVariables)('answers bad variables (%s) with BAD_USER_INPUT', async (_, query, variables) => {
    const { status, body } = await gw.post({ query, variables });
    expectCoded(body, 'BAD_USER_INPUT');
    expect(status).toBe(400);
  });

  it('answers variables that are not an object with a coded error', async () => {
    for (const variables of ['x', 5, [1]]) {
      const { status, body } = await gw.post({ query: '{ people { id } }', variables });
        expect(status).toBe(400);
      expectCoded(body, 'BAD_REQUEST');
    }
  });
});
