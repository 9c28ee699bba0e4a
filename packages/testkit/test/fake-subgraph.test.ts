import { readFileSync } from 'node:fs';
import { OWNED_BY_SPACES } from '@kyodo/subgraph-kit';
import { registeredSubgraph } from '@kyodo/subgraph-kit/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/fixtures.js';
import { FakeSpaces } from '../src/fake-spaces.js';
import { FakeSubgraph } from '../src/fake-subgraph.js';

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('a fake peer subgraph answers only what its published schema.graphql allows', () => {
  const spaces = new FakeSpaces();
  let url: string;
  beforeAll(async () => {
    url = await spaces.listen(0);
  });
  afterAll(() => spaces.close());

  it('T1: answers the production ownership query (OwnedUsers) from its data, null for a user it does not know', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const { body } = await post(url, OWNED_BY_SPACES.User, { r: [{ __typename: 'User', id: DEMO.member.id }, { __typename: 'User', id: unknown }] });
    expect(body).toEqual({ data: { _entities: [{ id: DEMO.member.id, tenant: { id: DEMO.tenant.id } }, null] } });
  });

  it('refuses a query with a field the published schema lacks (GRAPHQL_VALIDATION_FAILED), resolving nothing', async () => {
    const before = spaces.calls.viewer;
    const { status, body } = await post(url, 'query Bad { viewer { groupIds favouriteColour } }', {}, 'some-token');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "favouriteColour" on type "User".']]);
    expect(spaces.calls.viewer).toBe(before);
    expect(spaces.requests.at(-1)).toMatchObject({ operationName: 'Bad', authorization: 'Bearer some-token', refused: [expect.stringMatching(/favouriteColour/)] });
  });

  it('refuses a field the real subgraph has in code but no longer publishes: the schema is the published file', async () => {
    const published = readFileSync(registeredSubgraph('spaces').schemaPath, 'utf8');
    const withoutGroupIds = published.replace(/\n\s*("""[^"]*"""\s*)?groupIds: \[ID!\]!\n/, '\n');
    expect(withoutGroupIds).not.toMatch(/groupIds:/);
    const older = new FakeSubgraph({ name: 'spaces', sdl: withoutGroupIds, resolvers: { Query: { viewer: () => ({ groupIds: ['g'] }) } } });
    const olderUrl = await older.listen(0);
    try {
      const { body } = await post(olderUrl, 'query { viewer { groupIds } }');
      expect(body.errors?.[0]?.message).toBe('Cannot query field "groupIds" on type "User".');
      const valid = await post(url, 'query { viewer { groupIds } }');
      expect(valid.body).toEqual({ data: { viewer: { groupIds: [] } } });
    } finally {
      await older.close();
    }
  });

  it('C6: a resolver error keeps its catalog code, as the real subgraph answers it', async () => {
    spaces.revoked.add('revoked-token');
    const { body } = await post(url, 'query { viewer { groupIds } }', {}, 'revoked-token');
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers _service { sdl } with the federation schema it was built from', async () => {
    const { body } = await post(url, '{ _service { sdl } }');
    expect((body.data as { _service: { sdl: string } })._service.sdl).toMatch(/groupIds: \[ID!\]!/);
  });
});
