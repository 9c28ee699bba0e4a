import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_LIMITS, resolveLimits } from '../src/index.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

const nested = (levels: number) => `{ people { ${'friends { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

describe('query limits', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ limits: { maxDepth: 5, maxAliases: 3, maxTokens: 120, maxCost: 30, maxDirectives: 4, maxBodyBytes: 4096 } });
  });
  afterAll(() => gw.close());

  /** The error for one limit; a query past several limits is refused once per limit crossed. */
  async function refused(query: string, limit?: string) {
    const { status, body } = await gw.post({ query }, { 'accept-language': 'en' });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    const error = limit ? body.errors?.find((e) => e.extensions?.limit === limit) : body.errors?.[0];
    expect(error, JSON.stringify(body.errors)).toBeDefined();
    return error!;
  }

  it('answers an operation inside every limit', async () => {
    const { status, body } = await gw.post({ query: '{ people(first: 1) { id friends { id } } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query nested deeper than maxDepth', async () => {
    const error = await refused(nested(6), 'maxDepth');
    expect(error.message).toMatch(/nests fields too deeply \(Query depth limit of 5 exceeded, found \d+\.\)/);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 5 });
  });

  it('counts fragments toward depth', async () => {
    const error = await refused(`{ people { ...F } } fragment F on Person { friends { friends { friends { friends { friends { id } } } } } }`, 'maxDepth');
    expect(error.extensions).toMatchObject({ limit: 'maxDepth' });
  });

  it('refuses more aliases than maxAliases', async () => {
    const error = await refused('{ a: people { id } b: people { id } c: people { id } d: people { id } }', 'maxAliases');
    expect(error.message).toMatch(/too many aliases/);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases', max: 3 });
  });

  it('refuses a document with more tokens than maxTokens', async () => {
    const error = await refused(`{ people { ${'id '.repeat(150)} } }`);
    expect(error.message).toMatch(/document is too long \(Token limit of 120 exceeded\.\)/);
    expect(error.extensions).toMatchObject({ limit: 'maxTokens', max: 120 });
  });

  it('refuses an operation costlier than maxCost, saying the cost and the limit', async () => {
    // wide rather than deep (depth 4): only the cost limit catches it
    const error = await refused('{ people { id name friends { id name friends { id name } } } notes { id text author { id name } } }');
    expect(error.message).toMatch(/asks for too much at once \(its cost is at least \d+; the limit is 30\. Each field counts once per item of the lists above it/);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: 30 });
    expect(error.extensions?.cost).toBeGreaterThan(30);
  });

  it('counts list sizes: first multiplies what is under a list, a list without first counts 20', async () => {
    // people(first: 1) { id friends { id } }: 1 + 1 + 1 + 1 x 20 = 23, inside 30
    expect((await gw.post({ query: '{ people(first: 1) { id friends { id } } }' })).body.errors).toBeUndefined();
    // people(first: 2): 1 + 2 + 2 + 2 x 20 = 45
    const error = await refused('{ people(first: 2) { id friends { id } } }', 'maxCost');
    expect(error.extensions).toMatchObject({ cost: 45, max: 30 });
    // a variable page size counts as the largest page (100)
    const { body } = await gw.post({ query: 'query ($n: Int) { people(first: $n) { id } }', variables: { n: 1 } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', cost: 101 });
    // fragments count like the fields they stand for
    const viaFragment = await refused('{ people(first: 2) { ...F } } fragment F on Person { id friends { id } }', 'maxCost');
    expect(viaFragment.extensions).toMatchObject({ cost: 45 });
  });

  it('refuses more directives than maxDirectives', async () => {
    const error = await refused('{ people @skip(if: false) { id @include(if: true) name @skip(if: false) friends @include(if: true) { id @skip(if: false) } } }', 'maxDirectives');
    expect(error.extensions).toMatchObject({ limit: 'maxDirectives', max: 4 });
  });

  it('refuses a body larger than maxBodyBytes with 413 before parsing it', async () => {
    const { status, body } = await gw.post({ query: '{ people { id } }', variables: { pad: 'x'.repeat(5000) } }, { 'accept-language': 'en' });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.message).toMatch(/limit is 4096/);
  });

  it('hides field suggestions', async () => {
    const error = await refused('{ peple { id } }');
    expect(error.message).toContain('Cannot query field "peple"');
    expect(error.message).not.toMatch(/Did you mean/);
  });

  it('still lets introspection through (the sandbox needs it)', async () => {
    const { status, body } = await gw.post({ query: '{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('the default cost limit', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(() => gw.close());

  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: people(first: 10) { id name friends { id name } }`).join(' ')} }`;

  it('refuses 30 aliases of a nested list query (each alone costs 431)', async () => {
    const { status, body } = await gw.post({ query: aliased(30) });
    expect(status).toBe(400);
    expect(body.errors?.find((e) => e.extensions?.limit === 'maxCost')?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', max: 5000 });
    expect(body.data).toBeUndefined();
  });

  it('answers a few of them', async () => {
    const { status, body } = await gw.post({ query: aliased(3) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('limit configuration', () => {
  it('fills in defaults and refuses nonsense', () => {
    expect(resolveLimits({ maxDepth: 8 })).toEqual({ ...DEFAULT_GATEWAY_LIMITS, maxDepth: 8 });
    expect(() => resolveLimits({ maxAliases: 0 })).toThrow(/maxAliases must be a positive integer/);
  });

  it('defaults to depth 12, aliases 30, tokens 2000, cost 5000', () => {
    expect(DEFAULT_GATEWAY_LIMITS).toMatchObject({ maxDepth: 12, maxAliases: 30, maxTokens: 2000, maxCost: 5000 });
  });
});
