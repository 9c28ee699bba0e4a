import { createHash } from 'node:crypto';
import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type TokenIssuer, type TokenVerifier } from '@kyodo/auth';
import { METRIC_NAMES } from '@kyodo/subgraph-kit/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_METRIC_NAMES } from '../src/gateway-metrics.js';
import { createGateway, type GatewayDeps, type GatewayHandle } from '../src/index.js';
import { createQueryLane, laneContentType, LANE_SENT_HEADER, passesThrough, type LaneRoute } from '../src/query-lane.js';
import { buildSchema, parse, getOperationAST, type OperationDefinitionNode } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sampleValue } from './support/prometheus-text.js';
import { TEST_GATEWAY_SECRET } from './support/tiny-gateway.js';
import { startTinySubgraphs, type TinyStack } from './support/tiny-subgraphs.js';

/**
 * The query lane (query-lane.ts, issue 21): a query the single-subgraph path
 * served once is answered again without the GraphQL engine. Two gateways stand on the same
 * subgraphs with the same keys, the lane on and off: a client must read the same status, media
 * type and bytes from both, and every request the lane does not answer (a bad token, a variable
 * of the wrong type, a browser's cross-origin call, an answer with errors...) must be answered
 * by the engine exactly as before. The lane's counter tells which way each request went.
 */
const ALLOWED_ORIGIN = 'https://app.example';

describe('query lane', () => {
  let stack: TinyStack;
  let issuer: TokenIssuer;
  let verifier: TokenVerifier;
  let lane: GatewayHandle;
  let laneUrl: string;
  let engine: GatewayHandle;
  let engineUrl: string;
  let token: string;
  const usageWrites: string[] = [];

  const start = async (overrides: Partial<GatewayDeps> = {}) => {
    const gateway = await createGateway({ supergraphSdl: stack.supergraphSdl, subgraphUrls: stack.urls, verifier, gatewaySecret: TEST_GATEWAY_SECRET, ...overrides });
    return { gateway, url: await gateway.listen(0) };
  };

  beforeAll(async () => {
    stack = await startTinySubgraphs();
    const keys = await generateSigningKeys();
    verifier = createTokenVerifier(keys);
    issuer = createTokenIssuer(keys);
    ({ gateway: lane, url: laneUrl } = await start({ corsOrigins: [ALLOWED_ORIGIN], usage: { store: { write: async (_key, body) => void usageWrites.push(body) }, flushIntervalMs: 3_600_000, replica: 'lane' } }));
    ({ gateway: engine, url: engineUrl } = await start({ corsOrigins: [ALLOWED_ORIGIN], queryLane: false }));
    token = await issuer.sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [] });
  });
  afterAll(async () => {
    await lane?.close();
    await engine?.close();
    await stack?.close();
  });

  const send = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    // every header but the two that differ per answer
    const answerHeaders = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'x-request-id'));
    return { status: response.status, type: response.headers.get('content-type'), headers: answerHeaders, body: await response.text() };
  };
  const metricsOf = async (url: string) => (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const laneCount = async (outcome: 'served' | 'handed_back', url = laneUrl, subgraph = 'people', fetches = 1) =>
    sampleValue(await metricsOf(url), GATEWAY_METRIC_NAMES.queryLane, { subgraph, fetches: String(fetches), outcome });
  const peopleAsked = () => stack.requests.filter((r) => r.subgraph === 'people').length;
  const signedIn = () => ({ authorization: `Bearer ${token}` });

  /** The engine's answer, then the lane gateway's twice (the first request of a document goes through the engine and teaches the lane). */
  const bothWays = async (body: unknown, headers: Record<string, string>) => {
    const byEngine = await send(engineUrl, body, headers);
    const served = await laneCount('served');
    const first = await send(laneUrl, body, headers);
    const second = await send(laneUrl, body, headers);
    return { byEngine, first, second, served: (await laneCount('served')) - served };
  };

  const answered: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }, Record<string, string>?][] = [
    ['a plain query', { query: '{ me { id name } }' }],
    ['aliases', { query: '{ a: person(id: "p1") { n: name id } b: person(id: "p2") { name } }' }],
    ['a named operation among two, with fragments', { query: 'query Other { people { id } } query Q { people(first: 2) { ...P friends { ...P } } } fragment P on Person { id name }', operationName: 'Q' }],
    ['@skip and @include with variables', { query: 'query($s: Boolean!, $i: Boolean!) { people(first: 3) { id name @skip(if: $s) friends @include(if: $i) { id name } } }', variables: { s: true, i: false } }],
    ['a variable with a default left out', { query: 'query($n: Int = 1) { people(first: $n) { id } }' }],
    ['a nullable variable given', { query: 'query($n: Int) { people(first: $n) { id } }', variables: { n: 2 } }],
    ['a null answer', { query: '{ person(id: "nobody") { id name } }' }],
    ['no Accept header', { query: '{ me { name } }' }],
    ['Accept: application/graphql-response+json', { query: '{ me { id } }' }, { accept: 'application/graphql-response+json' }],
    ['Accept: application/json', { query: '{ me { id } }' }, { accept: 'application/json' }],
    ['Accept: */*', { query: '{ me { id } }' }, { accept: '*/*' }],
    ['Accept: both, the GraphQL type first', { query: '{ me { id } }' }, { accept: 'application/graphql-response+json, application/json;q=0.9' }],
    // the engine answers these without CORS headers too (cors.ts): the web app on the gateway's own origin, or a page not allowed
    ['an Origin that gets no CORS headers (the gateway\'s own, the web app\'s)', { query: '{ me { id } }' }, { origin: 'http://127.0.0.1:4000' }],
    ['an Origin not allowed', { query: '{ me { id } }' }, { origin: 'https://evil.example' }],
    // no token: the subgraph decides what an anonymous caller reads (here: no one is `me`)
    ['an anonymous caller', { query: '{ me { id name } people(first: 1) { id } }' }, { authorization: '' }],
  ];

  for (const [name, body, headers] of answered) {
    it(`answers ${name} with the engine's status, media type and bytes`, async () => {
      const { byEngine, first, second, served } = await bothWays(body, { ...signedIn(), ...headers });
      expect(byEngine.status).toBe(200);
      expect(first).toEqual(byEngine);
      expect(second).toEqual(byEngine);
      expect(served).toBeGreaterThanOrEqual(1);
    });
  }

  // a root fetch, then entity fetches in parallel (lanePlanOf): the lane merges and projects as the plan executor does
  const planned: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }, string, number][] = [
    ['an entity field from a second subgraph', { query: '{ me { name noteCount } }' }, 'people', 2],
    ['aliases, the key not asked for, the entity field first', { query: '{ me { c: noteCount n: name } }' }, 'people', 2],
    ['entities under a list (every note\'s author)', { query: '{ notes { text author { name } } }' }, 'notes', 2],
    ['entities in a list of a list', { query: '{ people(first: 3) { name friends { id noteCount } } }' }, 'people', 2],
    ['a variable beside the representations', { query: 'query Two($n: Int) { people(first: $n) { name notes { text } } }', variables: { n: 2 }, operationName: 'Two' }, 'people', 2],
    ['a null root: nothing to fetch after it', { query: '{ person(id: "nobody") { name noteCount } }' }, 'people', 2],
  ];

  for (const [name, body, root, fetches] of planned) {
    it(`runs a plan of ${fetches} fetches itself for ${name}, with the engine's bytes`, async () => {
      const byEngine = await send(engineUrl, body, signedIn());
      expect(byEngine.status).toBe(200);
      expect(byEngine.body).not.toContain('"errors"');
      const served = await laneCount('served', laneUrl, root, fetches);
      expect(await send(laneUrl, body, signedIn())).toEqual(byEngine);
      expect(await send(laneUrl, body, signedIn())).toEqual(byEngine);
      expect(await send(laneUrl, body, signedIn())).toEqual(byEngine);
      expect((await laneCount('served', laneUrl, root, fetches)) - served).toBe(2);
    });
  }

  it('leaves other plans to the engine: fragments, directives, a key selected twice, a mutation', async () => {
    for (const body of [
      { query: '{ me { ...P } } fragment P on Person { name noteCount }' },
      { query: '{ me { name noteCount @include(if: true) } }' },
      { query: '{ me { name noteCount } me { id } }' },
      { query: 'mutation { rename(id: "p1", name: "Aiko") { name noteCount } }' },
    ]) {
      const byEngine = await send(engineUrl, body, signedIn());
      const served = await laneCount('served', laneUrl, 'people', 2);
      for (let i = 0; i < 3; i++) expect(await send(laneUrl, body, signedIn()), body.query).toEqual(byEngine);
      expect((await laneCount('served', laneUrl, 'people', 2)) - served, body.query).toBe(0);
    }
  });

  it('sends the subgraph the fetch the engine sends, with its headers (less the compression the lane does not ask for)', async () => {
    const query = '{ me { name id } }';
    await send(laneUrl, { query }, signedIn());
    const from = stack.requests.length;
    await send(engineUrl, { query }, { ...signedIn(), 'x-request-id': 'engine-01', 'accept-language': 'en' });
    await send(laneUrl, { query }, { ...signedIn(), 'x-request-id': 'lane-01', 'accept-language': 'en' });
    const [viaEngine, viaLane] = stack.requests.slice(from);
    expect(viaLane!.query).toBe(viaEngine!.query);
    const { 'x-request-id': engineId, host: _h1, 'accept-encoding': _e, 'user-agent': _u, ...engineHeaders } = viaEngine!.headers;
    const { 'x-request-id': laneId, host: _h2, ...laneHeaders } = viaLane!.headers;
    expect([engineId, laneId]).toEqual(['engine-01', 'lane-01']);
    expect(laneHeaders).toEqual(engineHeaders);
  });

  const refusedAlike: [string, () => Promise<{ body: unknown; headers: Record<string, string> }>, boolean][] = [
    ['a malformed Authorization header', async () => ({ body: { query: '{ me { id name } }' }, headers: { authorization: 'Basic abc' } }), false],
    ['a token signed by another key', async () => ({ body: { query: '{ me { id name } }' }, headers: { authorization: `Bearer ${await createTokenIssuer(await generateSigningKeys()).sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [] })}` } }), false],
    ['an expired token', async () => ({ body: { query: '{ me { id name } }' }, headers: { authorization: `Bearer ${await issuer.sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [] }, { ttlSeconds: 1, now: new Date(Date.now() - 60_000) })}` } }), false],
    ['a variable of the wrong type', async () => ({ body: { query: 'query($n: Int) { people(first: $n) { id } }', variables: { n: 'many' } }, headers: signedIn() }), false],
    ['variables that are not an object', async () => ({ body: { query: 'query($n: Int) { people(first: $n) { id } }', variables: [1] }, headers: signedIn() }), false],
    ['a body key the lane does not know', async () => ({ body: { query: '{ me { id name } }', extra: 1 }, headers: signedIn() }), false],
    ['extensions beside the query', async () => ({ body: { query: '{ me { id name } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, headers: signedIn() }), true],
    ['a cross-origin request from an allowed origin (its CORS headers are the engine\'s)', async () => ({ body: { query: '{ me { id name } }' }, headers: { ...signedIn(), origin: ALLOWED_ORIGIN } }), true],
    // (the engine runs the operation, then finds no type to answer it in)
    ['an Accept the lane does not answer (406 from the engine)', async () => ({ body: { query: '{ me { id name } }' }, headers: { ...signedIn(), accept: 'text/html' } }), true],
    ['an event stream asked for', async () => ({ body: { query: '{ me { id name } }' }, headers: { ...signedIn(), accept: 'text/event-stream' } }), true],
  ];

  for (const [name, request, subgraphAsked] of refusedAlike) {
    it(`leaves ${name} to the engine: the same answer, and the subgraph asked only as the engine asks it`, async () => {
      // taught first: the document is one the lane knows
      await send(laneUrl, { query: '{ me { id name } }' }, signedIn());
      await send(laneUrl, { query: 'query($n: Int) { people(first: $n) { id } }', variables: { n: 1 } }, signedIn());
      const { body, headers } = await request();
      const byEngine = await send(engineUrl, body, headers);
      const [served, handedBack, asked] = [await laneCount('served'), await laneCount('handed_back'), peopleAsked()];
      const byLane = await send(laneUrl, body, headers);
      expect(byLane).toEqual(byEngine);
      expect([(await laneCount('served')) - served, (await laneCount('handed_back')) - handedBack]).toEqual([0, 0]);
      expect(peopleAsked() - asked).toBe(subgraphAsked ? 1 : 0);
    });
  }

  it('hands an answer with errors back to the engine, which answers as always; after four such, the operation stays with the engine', async () => {
    const body = { query: '{ me { id } forbidden }' };
    const byEngine = await send(engineUrl, body, signedIn());
    expect(byEngine.body).toContain('FORBIDDEN');
    await send(laneUrl, body, signedIn());
    const handedBack = await laneCount('handed_back');
    for (let i = 0; i < 4; i++) {
      const asked = peopleAsked();
      expect(await send(laneUrl, body, signedIn())).toEqual(byEngine);
      // the lane's send, and the engine's
      expect(peopleAsked() - asked).toBe(2);
    }
    expect((await laneCount('handed_back')) - handedBack).toBe(4);
    const asked = peopleAsked();
    expect(await send(laneUrl, body, signedIn())).toEqual(byEngine);
    expect(peopleAsked() - asked).toBe(1);
    expect((await laneCount('handed_back')) - handedBack).toBe(4);
  });

  it("a client's own x-kyodo-lane-sent header does not turn off the engine's retry", async () => {
    // the engine's path for a document the lane has not seen: the header is removed before anything reads it
    const answer = await send(laneUrl, { query: '{ me { id  } }' }, { ...signedIn(), [LANE_SENT_HEADER]: 'unanswered' });
    expect(answer.status).toBe(200);
    const from = stack.requests.length;
    await send(laneUrl, { query: '{ me { id  } }' }, { ...signedIn(), [LANE_SENT_HEADER]: 'unanswered' });
    expect(stack.requests.slice(from).map((r) => r.headers[LANE_SENT_HEADER])).toEqual([undefined]);
  });

  it('counts a request it answers as the engine counts one: the request, its subgraph fetch, and the usage report', async () => {
    const query = 'query LaneCounted { me { name } }';
    const text = await metricsOf(laneUrl);
    const before = {
      requests: sampleValue(text, METRIC_NAMES.requests, { operation: 'LaneCounted' }),
      fetches: sampleValue(text, GATEWAY_METRIC_NAMES.subgraphRequests, { subgraph: 'people', operation: 'LaneCounted' }),
      served: sampleValue(text, GATEWAY_METRIC_NAMES.queryLane, { subgraph: 'people', fetches: '1', outcome: 'served' }),
    };
    for (let i = 0; i < 5; i++) expect((await send(laneUrl, { query }, { ...signedIn(), 'graphql-client-name': 'kyodo-ios', 'graphql-client-version': '3.1.0' })).status).toBe(200);
    const after = await metricsOf(laneUrl);
    expect(sampleValue(after, METRIC_NAMES.requests, { operation: 'LaneCounted' }) - before.requests).toBe(5);
    expect(sampleValue(after, GATEWAY_METRIC_NAMES.subgraphRequests, { subgraph: 'people', operation: 'LaneCounted' }) - before.fetches).toBe(5);
    expect(sampleValue(after, GATEWAY_METRIC_NAMES.queryLane, { subgraph: 'people', fetches: '1', outcome: 'served' }) - before.served).toBe(4);
    usageWrites.length = 0;
    const closing = await start({ usage: { store: { write: async (_key, body) => void usageWrites.push(body) }, flushIntervalMs: 3_600_000, replica: 'counted' } });
    for (let i = 0; i < 3; i++) await send(closing.url, { query }, { ...signedIn(), 'graphql-client-name': 'kyodo-ios', 'graphql-client-version': '3.1.0' });
    expect(await laneCount('served', closing.url)).toBe(2);
    await closing.gateway.close();
    const operations = usageWrites.flatMap((body) => (JSON.parse(body) as { operations: Array<{ name?: string; count: number; client: { name: string } }> }).operations);
    expect(operations.filter((o) => o.name === 'LaneCounted' && o.client.name === 'kyodo-ios').reduce((sum, o) => sum + o.count, 0)).toBe(3);
  });

  it('forgets what it learnt when a new supergraph is served', async () => {
    const query = '{ people(first: 1) { name } }';
    await send(laneUrl, { query }, signedIn());
    const served = await laneCount('served');
    await send(laneUrl, { query }, signedIn());
    expect((await laneCount('served')) - served).toBe(1);
    expect(await lane.reloadSupergraph(stack.supergraphSdl.replace('people.invalid', 'people2.invalid'))).toBeUndefined();
    await send(laneUrl, { query }, signedIn());
    expect((await laneCount('served')) - served).toBe(1);
    await send(laneUrl, { query }, signedIn());
    expect((await laneCount('served')) - served).toBe(2);
  });

  describe('with trusted documents (members may still send others)', () => {
    const registered = '{ me { id name } }';
    const hash = createHash('sha256').update(registered).digest('hex');
    let trusted: { gateway: GatewayHandle; url: string };
    let trustedEngine: { gateway: GatewayHandle; url: string };
    beforeAll(async () => {
      trusted = await start({ trustedDocuments: { documents: new Map([[hash, registered]]), arbitrary: 'members' } });
      trustedEngine = await start({ trustedDocuments: { documents: new Map([[hash, registered]]), arbitrary: 'members' }, queryLane: false });
    });
    afterAll(async () => {
      await trusted?.gateway.close();
      await trustedEngine?.gateway.close();
    });

    it("serves a registered document by its hash to a guest; a guest's own document is the engine's to refuse, and a member's is served", async () => {
      const guest = { authorization: `Bearer ${await issuer.sign({ userId: 'p2', tenantId: 't1', kind: 'GUEST', roles: [] })}` };
      const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
      const first = await send(trusted.url, byHash, guest);
      expect(first.status).toBe(200);
      const served = await laneCount('served', trusted.url);
      expect(await send(trusted.url, byHash, guest)).toEqual(first);
      expect((await laneCount('served', trusted.url)) - served).toBe(1);

      const asked = peopleAsked();
      const own = await send(trusted.url, { query: registered }, guest);
      expect(own.status).not.toBe(200);
      expect(own).toEqual(await send(trustedEngine.url, { query: registered }, guest));
      expect(peopleAsked()).toBe(asked);
      expect((await laneCount('served', trusted.url)) - served).toBe(1);

      expect(await send(trusted.url, { query: registered }, signedIn())).toEqual(first);
      expect((await laneCount('served', trusted.url)) - served).toBe(2);
      // an unknown hash is the engine's (its refusal), never a lane's guess
      const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } };
      expect(await send(trusted.url, unknown, guest)).toEqual(await send(trustedEngine.url, unknown, guest));
      expect((await laneCount('served', trusted.url)) - served).toBe(2);
    });
  });

  it('remembers a bounded number of documents and bytes of text, starting again empty when full (anyone may send new documents)', async () => {
    const asked: string[] = [];
    const routeOf = (text: string): LaneRoute => {
      const document = parse(text);
      return { root: { subgraph: 'people', query: text, operationName: undefined, variableUsages: [] }, entities: [], document, operation: getOperationAST(document) as OperationDefinitionNode, operationName: undefined };
    };
    const bounded = createQueryLane({
      verifier,
      shapes: () => buildSchema('type Query { a: Int b: Int c: Int }'),
      // reached only for a route the lane still knows (then it answers nothing: no URL)
      urlOf: (name) => void asked.push(name) as undefined,
      subgraphHeaders: () => ({}),
      onServed: () => undefined,
      onHandedBack: () => undefined,
      maxRoutes: 2,
      maxRouteBytes: 40,
    });
    const knows = async (text: string) => {
      const before = asked.length;
      await bounded.serve({ headers: {} } as IncomingMessage, {} as ServerResponse, { query: text });
      return asked.length > before;
    };
    for (const text of ['{ a }', '{ b }']) bounded.remember(text, undefined, () => routeOf(text));
    expect([await knows('{ a }'), await knows('{ b }')]).toEqual([true, true]);
    bounded.remember('{ c }', undefined, () => routeOf('{ c }'));
    expect([await knows('{ a }'), await knows('{ b }'), await knows('{ c }')]).toEqual([false, false, true]);
    // by text: one document longer than what is left starts again too
    const long = `{ a ${' '.repeat(30)}}`;
    bounded.remember(long, undefined, () => routeOf(long));
    expect([await knows('{ c }'), await knows(long)]).toEqual([false, true]);
    bounded.close();
  });

  it('laneContentType picks the media type as the engine does, and null for what the lane leaves to it', () => {
    expect(
      [undefined, '', '*/*', 'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json', 'application/json, application/graphql-response+json', 'text/html', 'multipart/mixed, application/json', 'text/event-stream'].map(
        laneContentType,
      ),
    ).toEqual([
      'application/json; charset=utf-8',
      'application/json; charset=utf-8',
      'application/json; charset=utf-8',
      'application/json; charset=utf-8',
      'application/graphql-response+json; charset=utf-8',
      'application/graphql-response+json; charset=utf-8',
      'application/json; charset=utf-8',
      null,
      null,
      null,
    ]);
  });

  it('passesThrough lets only a plain answer with data by, never one with errors or extensions', () => {
    expect(passesThrough('{"data":{"me":{"id":"p1"}}}')).toBe(true);
    expect(passesThrough('{"data":{"me":null}}')).toBe(true);
    expect(passesThrough('{"data":{}}')).toBe(false);
    expect(passesThrough('{"data":null}')).toBe(false);
    expect(passesThrough('{"errors":[{"message":"x"}],"data":{"me":null}}')).toBe(false);
    expect(passesThrough('{"data":{"me":null},"errors":[{"message":"x"}]}')).toBe(false);
    expect(passesThrough('{"data":{"me":{"id":"1"}},"extensions":{"cost":1}}')).toBe(false);
    // an alias named errors is sent back too: safe, not exact
    expect(passesThrough('{"data":{"errors":{"id":"1"}}}')).toBe(false);
    // a string holding the text is escaped, so it is no key
    expect(passesThrough('{"data":{"me":{"name":"\\"errors\\": none"}}}')).toBe(true);
  });
});
