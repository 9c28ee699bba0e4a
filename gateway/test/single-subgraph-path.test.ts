import { createTokenIssuer, createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import { gatewayRefusals } from '../src/refusals/refusals.js';
import { GATEWAY_METRIC_NAMES } from '../src/gateway-metrics.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type GatewayHandle } from '../src/index.js';
import { sampleValue } from './support/prometheus-text.js';
import { startTinyGateway, TEST_GATEWAY_SECRET, type TinyGateway } from './support/tiny-gateway.js';

/**
 * The single-subgraph path (single-subgraph-path.ts, issue 21): a query whose plan is one fetch
 * from one subgraph skips the query plan's executor. The same gateway is started twice on the
 * same subgraphs, the path on and off, and every query's answer must be the same bytes (status
 * and body) both ways: what changes is the gateway's CPU, never what a client reads.
 */
describe('single-subgraph path', () => {
  let on: TinyGateway;
  let off: GatewayHandle;
  let offUrl: string;
  let token: string;
  let peopleDown = false;

  beforeAll(async () => {
    const keys = await generateSigningKeys();
    const verifier = createTokenVerifier(keys);
    on = await startTinyGateway({ verifier });
    off = await createGateway({ supergraphSdl: on.stack.supergraphSdl, subgraphUrls: on.stack.urls, verifier, gatewaySecret: TEST_GATEWAY_SECRET, singleSubgraphPath: false });
    offUrl = await off.listen(0);
    token = await createTokenIssuer(keys).sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [] });
  });

  afterAll(async () => {
    await off?.close();
    await on?.gateway.close();
    await on?.stack.notes.close();
    if (!peopleDown) await on?.stack.people.close();
  });

  const send = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify(body),
    });
    return `${response.status} ${await response.text()}`;
  };

  const taken = async (subgraph: string) => {
    const metricsUrl = on.url.replace(/\/graphql$/, '/metrics');
    return sampleValue(await (await fetch(metricsUrl)).text(), GATEWAY_METRIC_NAMES.singleSubgraphPath, { subgraph });
  };

  /** The answer with the path off, and twice with it on (the first request of a document decides, then both take the path). */
  const bothWays = async (body: unknown, headers: Record<string, string> = {}) => {
    const before = await taken('people');
    const plan = await send(offUrl, body, headers);
    const first = await send(on.url, body, headers);
    const second = await send(on.url, body, headers);
    return { plan, first, second, taken: (await taken('people')) - before };
  };

  const signedIn = () => ({ authorization: `Bearer ${token}` });

  const single: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }, Record<string, string>?, number?][] = [
    ['a plain query', { query: '{ me { id name } }' }, undefined],
    ['aliases', { query: '{ a: person(id: "p1") { n: name id } b: person(id: "p2") { name } }' }],
    ['a named operation among two, with fragments', { query: 'query Other { people { id } } query Q { people(first: 2) { ...P friends { ...P } } } fragment P on Person { id name }', operationName: 'Q' }],
    ['inline fragments and __typename', { query: '{ me { __typename ... on Person { name } ... { id } } }' }],
    ['@skip and @include with variables', { query: 'query($s: Boolean!, $i: Boolean!) { people(first: 3) { id name @skip(if: $s) friends @include(if: $i) { id name } } }', variables: { s: true, i: true } }],
    ['@skip and @include, the other way', { query: 'query Other($s: Boolean!, $i: Boolean!) { people(first: 3) { id name @skip(if: $s) friends @include(if: $i) { id name } } }', variables: { s: false, i: false } }],
    ['a variable with a default left out', { query: 'query($n: Int = 1) { people(first: $n) { id } }' }],
    ['a null answer', { query: '{ person(id: "nobody") { id name } }' }],
    ['a catalog error (FORBIDDEN) with partial data', { query: '{ me { id } forbidden }' }],
    ['a client mistake from the subgraph (BAD_USER_INPUT, extensions kept)', { query: 'query($v: Int!) { badInput(value: $v) }', variables: { v: -1 } }],
    // refused before execution: neither path is asked
    ['a variable of the wrong type', { query: 'query Wrong($v: Int!) { badInput(value: $v) }', variables: { v: 'many' } }, undefined, 0],
    ['a masked internal error, in Japanese (the default language)', { query: '{ broken me { name } }' }],
    ['a masked internal error, in English', { query: '{ broken }' }, { 'accept-language': 'en' }],
  ];

  for (const [name, body, headers, expectedTaken = 2] of single) {
    it(`answers ${name} byte for byte as the query plan does, through the single-subgraph path`, async () => {
      const answers = await bothWays(body, { ...signedIn(), ...headers });
      expect(answers.first).toBe(answers.plan);
      expect(answers.second).toBe(answers.plan);
      expect(answers.taken).toBe(expectedTaken);
    });
  }

  it('writes a masked subgraph error as the gateway writes it, in Japanese by default', async () => {
    const { second } = await bothWays({ query: '{ broken }' }, signedIn());
    expect(second).toContain(gatewayRefusals.message('internal', 'ja'));
    expect(second).not.toContain('ECONNREFUSED');
  });

  it('sends the subgraph what the query plan sends, with the same headers', async () => {
    // a document this gateway has not served yet: a repeated one is the lane's (query-lane.test.ts)
    const query = '{ me { id name }  }';
    const from = on.stack.requests.length;
    await send(offUrl, { query }, { ...signedIn(), 'x-request-id': 'plan-0001', 'accept-language': 'ja' });
    await send(on.url, { query }, { ...signedIn(), 'x-request-id': 'path-0001', 'accept-language': 'ja' });
    const [viaPlan, viaPath] = on.stack.requests.slice(from);
    expect(viaPath!.query).toBe(viaPlan!.query);
    const { 'x-request-id': planId, host: _h1, ...planHeaders } = viaPlan!.headers;
    const { 'x-request-id': pathId, host: _h2, ...pathHeaders } = viaPath!.headers;
    expect([planId, pathId]).toEqual(['plan-0001', 'path-0001']);
    expect(pathHeaders).toEqual(planHeaders);
    expect(pathHeaders['authorization']).toBe(`Bearer ${token}`);
  });

  for (const [name, query] of [
    ['an entity step (a second subgraph)', '{ me { name noteCount } }'],
    ['a root field of another subgraph joined back', '{ notes { text author { name } } }'],
    ['introspection', '{ __schema { queryType { name } } }'],
    ['a root __typename', '{ __typename }'],
  ] as const) {
    it(`leaves ${name} to the query plan, with the same answer`, async () => {
      const before = (await taken('people')) + (await taken('notes'));
      const plan = await send(offUrl, { query }, signedIn());
      for (let i = 0; i < 2; i++) expect(await send(on.url, { query }, signedIn())).toBe(plan);
      expect((await taken('people')) + (await taken('notes')) - before).toBe(0);
    });
  }

  it('leaves mutations to the query plan', async () => {
    const body = { query: 'mutation { rename(id: "p1", name: "Aiko") { id name } }' };
    const before = await taken('people');
    for (let i = 0; i < 2; i++) expect(await send(on.url, body, signedIn())).toBe(await send(offUrl, body, signedIn()));
    expect((await taken('people')) - before).toBe(0);
  });

  it('answers as the query plan does when the subgraph is down (SERVICE_UNAVAILABLE, in Japanese)', async () => {
    const body = { query: '{ person(id: "p3") { name } }' };
    await send(on.url, body, signedIn());
    await on.stack.people.close();
    peopleDown = true;
    const plan = await send(offUrl, body, signedIn());
    const path = await send(on.url, body, signedIn());
    expect(path).toBe(plan);
    expect(path).toContain(gatewayRefusals.message('serviceUnavailable', 'ja', { service: 'people' }));
  });
});
