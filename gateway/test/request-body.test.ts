import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsedGraphqlBody } from '../src/gateway.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

/**
 * The gateway reads a GraphQL POST body itself (within maxBodyBytes) and hands the engine the
 * parsed object, so Yoga does not pipe it through a byte-counting stream again (issue 21). What
 * the engine cannot take as an object stays the raw bytes, and is refused as before.
 */
describe('parsedGraphqlBody', () => {
  it('parses a JSON object or batch', () => {
    expect(parsedGraphqlBody(Buffer.from('{"query":"{ a }","variables":{"x":1}}'))).toEqual({ query: '{ a }', variables: { x: 1 } });
    expect(parsedGraphqlBody(Buffer.from('[{"query":"{ a }"}]'))).toEqual([{ query: '{ a }' }]);
  });

  it('keeps the bytes of what the engine must refuse itself: invalid JSON, {}, [], scalars, null, a `then` key', () => {
    for (const text of ['{"query":', '{}', '[]', '42', '"text"', 'null', 'true', '{"query":"{ a }","then":1}']) {
      const bytes = Buffer.from(text);
      expect(parsedGraphqlBody(bytes), text).toBe(bytes);
    }
  });
});

describe('GraphQL POST bodies through the gateway', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  const send = async (body: string) => {
    const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  it('answers a query with variables and an operation name', async () => {
    const { status, body } = await send(JSON.stringify({ query: 'query People($skip: Boolean!) { people @skip(if: $skip) { name } } query Other { notes { text } }', operationName: 'People', variables: { skip: false } }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toHaveProperty('people');
  });

  it('refuses invalid JSON, an empty object, a scalar and an unknown parameter, as the engine did', async () => {
    for (const text of ['{"query":', '{}', '42', JSON.stringify({ query: '{ people { name } }', then: 1 })]) {
      const { body } = await send(text);
      expect(body.errors?.length, text).toBeGreaterThan(0);
      expect(body.data ?? undefined, text).toBeUndefined();
    }
  });

  it('refuses a batch (an array), as the engine did', async () => {
    const { status, body } = await send(JSON.stringify([{ query: '{ people { name } }' }]));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/batch/i);
  });
});
