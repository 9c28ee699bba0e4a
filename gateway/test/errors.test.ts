import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASKED_MESSAGE } from '../src/index.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

describe('errors through the gateway', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(() => gw.close());

  it('passes FORBIDDEN from a subgraph with its message and code, without a stack trace', async () => {
    const { body } = await gw.post({ query: '{ forbidden }' });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ message: 'Only a tenant administrator may read this.', path: ['forbidden'], extensions: { code: 'FORBIDDEN' } });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('passes BAD_USER_INPUT with its extra extensions', async () => {
    const { body } = await gw.post({ query: 'query ($v: Int!) { badInput(value: $v) }', variables: { v: -1 } });
    expect(body.errors?.[0]).toMatchObject({ message: 'value must not be negative.', extensions: { code: 'BAD_USER_INPUT', field: 'value' } });
  });

  it('masks an unexpected subgraph error', async () => {
    const { body } = await gw.post({ query: '{ broken people(first: 1) { id } }' });
    expect(body.data).toEqual({ broken: null, people: [{ id: 'p1' }] });
    expect(body.errors).toEqual([{ message: MASKED_MESSAGE, path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.7|ECONNREFUSED/);
  });

  it('reports an unreachable subgraph as SERVICE_UNAVAILABLE without its address', async () => {
    const gw2 = await startTinyGateway();
    try {
      await gw2.stack.notes.close();
      // notes is non-null, so its failure nulls the whole data, as GraphQL requires
      const { body } = await gw2.post({ query: '{ people(first: 1) { id } notes { text } }' }, { 'accept-language': 'en' });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ path: ['notes'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(body.errors?.[0]?.message).toMatch(/Cannot reach the notes service/);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await gw2.gateway.close();
      await gw2.stack.people.close();
    }
  });

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await gw.post({ query: '{ people { id ' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
