import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTinyGateway, TEST_GATEWAY_SECRET, type GraphQLBody, type TinyGateway } from './support/tiny-gateway.js';

/**
 * An HTTP hop in front of the people subgraph (a load balancer) that answers 502 to the next n
 * requests, records the headers of every request it gets, and, like a subgraph in production,
 * refuses a request without the gateway credential (FORBIDDEN).
 */
async function startBadGatewayHop(target: string) {
  let failuresLeft = 0;
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push(req.headers);
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
        return;
      }
      if (req.headers[GATEWAY_CREDENTIAL_HEADER] !== TEST_GATEWAY_SECRET) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: null, errors: [{ message: 'Requests must come through the gateway.', extensions: { code: 'FORBIDDEN' } }] }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && key !== 'host' && key !== 'content-length' && key !== 'connection') headers[key] = value;
      void fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${new URL(target).pathname}`,
    seen,
    failNext: (n: number) => {
      failuresLeft = n;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('a read whose subgraph answers 502 once is retried with the same headers (issue 19, item 3)', () => {
  let tiny: TinyGateway;
  let gw: TinyGateway;
  let hop: Awaited<ReturnType<typeof startBadGatewayHop>>;
  beforeAll(async () => {
    tiny = await startTinyGateway();
    hop = await startBadGatewayHop(tiny.stack.urls.people!);
    const { createGateway } = await import('../src/index.js');
    const { createTokenVerifier, generateSigningKeys, createTokenIssuer } = await import('@kyodo/auth');
    const { silentLogger } = await import('@kyodo/subgraph-kit');
    const keys = await generateSigningKeys();
    const gateway = await createGateway({
      supergraphSdl: tiny.stack.supergraphSdl,
      subgraphUrls: { ...tiny.stack.urls, people: hop.url },
      verifier: createTokenVerifier(keys),
      gatewaySecret: TEST_GATEWAY_SECRET,
      logger: silentLogger,
    });
    const url = await gateway.listen(0);
    const issuer = createTokenIssuer(keys);
    gw = {
      ...tiny,
      gateway,
      url,
      issuer,
      tokenFor: (viewer = {}, options) => issuer.sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [], ...viewer }, options),
      post: async (body, headers = {}) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as GraphQLBody, headers: response.headers };
      },
      close: async () => gateway.close(),
    };
  });
  afterAll(async () => {
    await gw?.close();
    await hop?.close();
    await tiny?.close();
  });
  beforeEach(() => {
    hop.seen.length = 0;
  });

  it('development: the viewer is still the caller on the second attempt (not an anonymous null)', async () => {
    const token = await gw.tokenFor();
    hop.failNext(1);
    const { body } = await gw.post({ query: '{ me { name } }' }, { authorization: `Bearer ${token}` });
    expect(hop.seen).toHaveLength(2);
    expect(hop.seen[1]!.authorization).toBe(`Bearer ${token}`);
    expect(body).toEqual({ data: { me: { name: 'Aiko' } } });
  });

  it('production: the retried request carries the gateway credential, so the subgraph answers instead of refusing', async () => {
    const token = await gw.tokenFor();
    hop.failNext(1);
    const { body } = await gw.post({ query: '{ people(first: 1) { name } }' }, { authorization: `Bearer ${token}` });
    expect(hop.seen).toHaveLength(2);
    for (const headers of hop.seen) {
      expect(headers[GATEWAY_CREDENTIAL_HEADER]).toBe(TEST_GATEWAY_SECRET);
      expect(headers.authorization).toBe(`Bearer ${token}`);
    }
    expect(body).toEqual({ data: { people: [{ name: 'Aiko' }] } });
  });

  it('an anonymous read retried still carries the credential and no token of anyone', async () => {
    hop.failNext(1);
    const { body } = await gw.post({ query: '{ people(first: 1) { name } }' });
    expect(hop.seen[1]![GATEWAY_CREDENTIAL_HEADER]).toBe(TEST_GATEWAY_SECRET);
    expect(hop.seen[1]!.authorization).toBeUndefined();
    expect(body).toEqual({ data: { people: [{ name: 'Aiko' }] } });
  });

  it('a mutation answered 502 is not sent again and surfaces as SERVICE_UNAVAILABLE naming the subgraph (issue 19, item 7)', async () => {
    const token = await gw.tokenFor();
    hop.failNext(1);
    const { body } = await gw.post({ query: 'mutation { rename(id: "p1", name: "Aiko") { name } }' }, { authorization: `Bearer ${token}` });
    expect(hop.seen).toHaveLength(1);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(body.errors?.[0]?.message).toMatch(/people/);
  });
});
