import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type TokenIssuer } from '@kyodo/auth';
import { checkCatalogues, createSubgraphServer, kitRefusals, silentLogger, type RefusalDefinition, type SubgraphServer } from '@kyodo/subgraph-kit';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeSupergraphFromSdl, createGateway, type GatewayHandle } from '../src/index.js';
import { gatewayRefusals, type GatewayRefusalKey } from '../src/refusals/refusals.js';
import { startTinyGateway, TEST_GATEWAY_SECRET, type TinyGateway } from './support/tiny-gateway.js';

/**
 * I1: whatever a person reads is in their language: the token's `lng`, else Accept-Language, else
 * Japanese. The gateway forwards Accept-Language to every subgraph (HTTP and the live socket), so
 * a subgraph writes its refusals in it, and writes its own refusals the same way.
 */
const ja = (key: GatewayRefusalKey, params?: Record<string, string | number>) => gatewayRefusals.message(key, 'ja', params);
const en = (key: GatewayRefusalKey, params?: Record<string, string | number>) => gatewayRefusals.message(key, 'en', params);

describe("I1: the gateway's refusal catalogue", () => {
  it('has Japanese and English for every refusal, with the same placeholders', () => {
    expect(checkCatalogues({ definitions: gatewayRefusals.definitions as Record<GatewayRefusalKey, RefusalDefinition>, catalogues: gatewayRefusals.catalogues })).toEqual([]);
  });

  it('names T5 on the access-changed refusal, and the rule in the refusal sent', () => {
    expect(gatewayRefusals.definitions.accessChanged.rule).toBe('T5');
    expect(gatewayRefusals.refuse('accessChanged', 'en').extensions).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'T5' });
  });
});

const tooDeep = (levels: number) => `{ people { ${'friends { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

describe('I1: the gateway writes its refusals in the caller\'s language and forwards Accept-Language', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ limits: { maxDepth: 5, maxTokens: 120 } });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.stack.requests.length = 0;
  });

  const depthRefusal = async (headers: Record<string, string>) => {
    const { status, body } = await gw.post({ query: tooDeep(6) }, headers);
    expect(status).toBe(400);
    const error = body.errors?.find((e) => e.extensions?.limit === 'maxDepth');
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 5 });
    return error?.message;
  };

  it('forwards Accept-Language to every subgraph fetch, _entities included; none when the caller sends none', async () => {
    const token = await gw.tokenFor();
    await gw.post({ query: '{ me { id name notes { text } } }' }, { authorization: `Bearer ${token}`, 'accept-language': 'en-GB,en;q=0.9' });
    expect(gw.stack.requests.map((r) => r.subgraph)).toEqual(['people', 'notes']);
    for (const request of gw.stack.requests) expect(request.headers['accept-language']).toBe('en-GB,en;q=0.9');

    gw.stack.requests.length = 0;
    await gw.post({ query: '{ people(first: 1) { id } }' });
    expect(gw.stack.requests).toHaveLength(1);
    // fetch's own default, `*` (any language: Japanese), and not another caller's
    expect(gw.stack.requests[0]!.headers['accept-language'] ?? '*').toBe('*');
  });

  it('refuses a too-deep query in Japanese without Accept-Language, in English with Accept-Language: en', async () => {
    expect(await depthRefusal({})).toBe(ja('queryTooDeep', { max: 5, found: 8 }));
    expect(await depthRefusal({ 'accept-language': 'en' })).toBe(en('queryTooDeep', { max: 5, found: 8 }));
    expect(await depthRefusal({ 'accept-language': 'fr, en;q=0.5' })).toMatch(/^The query nests fields too deeply/);
  });

  it("follows the token's lng over Accept-Language: English for lng 'en' asking in Japanese, Japanese for lng 'ja' asking in English", async () => {
    const english = await gw.tokenFor({ language: 'en' });
    const japanese = await gw.tokenFor({ language: 'ja' });
    expect(await depthRefusal({ authorization: `Bearer ${english}`, 'accept-language': 'ja' })).toBe(en('queryTooDeep', { max: 5, found: 8 }));
    expect(await depthRefusal({ authorization: `Bearer ${japanese}`, 'accept-language': 'en' })).toBe(ja('queryTooDeep', { max: 5, found: 8 }));
  });

  it('writes a cached refusal for each caller: the same document refused alternately in both languages (validation and parse caches)', async () => {
    const longDocument = `{ people { ${'id '.repeat(150)} } }`;
    for (const language of ['ja', 'en', 'ja', 'en'] as const) {
      expect(await depthRefusal({ 'accept-language': language })).toBe(gatewayRefusals.message('queryTooDeep', language, { max: 5, found: 8 }));
      const { status, body } = await gw.post({ query: longDocument }, { 'accept-language': language });
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ message: gatewayRefusals.message('documentTooLong', language, { max: 120 }), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxTokens' } });
    }
  });

  it('refuses an expired token in Japanese without Accept-Language and in English with it (its lng cannot be trusted)', async () => {
    const expired = await gw.tokenFor({ language: 'ja' }, { ttlSeconds: 60, now: new Date(Date.now() - 3600_000) });
    const japanese = await gw.post({ query: '{ me { id } }' }, { authorization: `Bearer ${expired}` });
    expect(japanese.status).toBe(401);
    expect(japanese.body.errors).toEqual([{ message: ja('tokenExpired'), extensions: { code: 'UNAUTHENTICATED' } }]);
    const english = await gw.post({ query: '{ me { id } }' }, { authorization: `Bearer ${expired}`, 'accept-language': 'en' });
    expect(english.status).toBe(401);
    expect(english.body.errors).toEqual([{ message: en('tokenExpired'), extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('answers a refusal made before the engine (a body too large) in the caller\'s language', async () => {
    const small = await startTinyGateway({ limits: { maxBodyBytes: 1024 } });
    try {
      const body = { query: '{ people { id } }', variables: { pad: 'x'.repeat(2000) } };
      const japanese = await small.post(body);
      expect(japanese.status).toBe(413);
      expect(japanese.body.errors?.[0]?.message).toMatch(/^リクエストの本文が .* バイトあります。上限は 1024 バイトです。$/);
      const english = await small.post(body, { authorization: `Bearer ${await small.tokenFor({ language: 'en' })}` });
      expect(english.body.errors?.[0]?.message).toMatch(/^The request body is \d+ bytes; the limit is 1024\.$/);
    } finally {
      await small.close();
    }
  });

  it('masks an unexpected subgraph error in the caller\'s language', async () => {
    const japanese = await gw.post({ query: '{ broken }' });
    expect(japanese.body.errors?.[0]).toMatchObject({ message: ja('internal'), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const english = await gw.post({ query: '{ broken }' }, { 'accept-language': 'en' });
    expect(english.body.errors?.[0]).toMatchObject({ message: en('internal'), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

/** The first result of a subscription over SSE, sent with `headers`. */
async function firstEvent(url: string, query: string, headers: Record<string, string>): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const data = /^data: ?(.+)$/m.exec(buffer)?.[1];
      if (data && buffer.includes('\n\n')) return JSON.parse(data) as never;
    }
  } finally {
    abort.abort();
  }
  throw new Error(`the stream ended without a result: ${buffer}`);
}

const KIT_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { adminNote: String }
  type Subscription { adminTicks: Int! }
`;

describe('I1: a Kyodo subgraph (subgraph-kit) behind the gateway refuses in the caller\'s language, over HTTP and over the live socket', () => {
  let issuer: TokenIssuer;
  let subgraph: SubgraphServer;
  let gateway: GatewayHandle;
  let url: string;
  beforeAll(async () => {
    const keys = await generateSigningKeys();
    issuer = createTokenIssuer(keys);
    const verifier = createTokenVerifier(keys);
    const refuse = () => {
      throw kitRefusals.refuse('adminOnly');
    };
    subgraph = createSubgraphServer({
      name: 'kit',
      schema: buildSubgraphSchema({ typeDefs: parse(KIT_SDL), resolvers: { Query: { adminNote: refuse }, Subscription: { adminTicks: { subscribe: refuse } } } as never }),
      // never queried: no resolver here reads the database
      dataSource: {} as Parameters<typeof createSubgraphServer>[0]['dataSource'],
      verifier,
      logger: silentLogger,
      createLoaders: () => ({}),
      deps: { databaseUrl: 'sqlite::memory:', verifier },
    });
    const subgraphUrl = await subgraph.listen(0);
    gateway = await createGateway({
      supergraphSdl: composeSupergraphFromSdl([{ name: 'kit', url: subgraphUrl, sdl: KIT_SDL }]),
      verifier,
      gatewaySecret: TEST_GATEWAY_SECRET,
      logger: silentLogger,
    });
    url = await gateway.listen(0);
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
  });

  const token = () => issuer.sign({ userId: 'u1', tenantId: 't1', kind: 'MEMBER', roles: [] });
  const post = async (headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ adminNote }' }) });
    return (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  it('over HTTP: the subgraph reads the Accept-Language the gateway forwards (a token without lng)', async () => {
    const bearer = `Bearer ${await token()}`;
    expect((await post({ authorization: bearer })).errors?.[0]).toMatchObject({ message: kitRefusals.message('adminOnly', 'ja'), extensions: { code: 'FORBIDDEN' } });
    expect((await post({ authorization: bearer, 'accept-language': 'en' })).errors?.[0]).toMatchObject({ message: kitRefusals.message('adminOnly', 'en'), extensions: { code: 'FORBIDDEN' } });
  });

  it('over the live socket: the Accept-Language of the SSE request reaches the subgraph in the connection params', async () => {
    const bearer = `Bearer ${await token()}`;
    const english = await firstEvent(url, 'subscription { adminTicks }', { authorization: bearer, 'accept-language': 'en' });
    expect(english.errors?.[0]).toMatchObject({ message: kitRefusals.message('adminOnly', 'en'), extensions: { code: 'FORBIDDEN' } });
    const japanese = await firstEvent(url, 'subscription { adminTicks }', { authorization: bearer });
    expect(japanese.errors?.[0]).toMatchObject({ message: kitRefusals.message('adminOnly', 'ja'), extensions: { code: 'FORBIDDEN' } });
  });

  it("the gateway's own live refusal (no sign-in) follows Accept-Language too", async () => {
    expect((await firstEvent(url, 'subscription { adminTicks }', {})).errors?.[0]).toMatchObject({ message: ja('liveSignInRequired'), extensions: { code: 'UNAUTHENTICATED' } });
    expect((await firstEvent(url, 'subscription { adminTicks }', { 'accept-language': 'en' })).errors?.[0]).toMatchObject({ message: en('liveSignInRequired'), extensions: { code: 'UNAUTHENTICATED' } });
  });
});
