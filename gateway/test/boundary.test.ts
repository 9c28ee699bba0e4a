import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with a hand-made request target (fetch would normalise it) and an optional streamed body. */
function raw(gatewayUrl: string, target: string, options: { method?: string; headers?: Record<string, string>; body?: (write: (chunk: Buffer) => boolean) => Promise<void> } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(gatewayUrl);
  // keep-alive, as browsers and curl do: the gateway answers 413 at the limit and drains the rest of
  // the upload; to a client that sent `Connection: close` it closes the socket under the upload
  const keepAlive = new Agent({ keepAlive: true });
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // the gateway may answer and close before an oversized upload is done: the answer is what counts
    req.on('error', (error) => setTimeout(() => reject(error), 2000));
    if (!options.body) {
      req.end();
      return;
    }
    options
      .body((chunk) => req.write(chunk))
      .then(() => req.end())
      .catch(() => req.destroy());
  }).finally(() => keepAlive.destroy());
}

/** Stands for a host an attacker names in the request target; it must never hear from the gateway. */
async function startAttacker(): Promise<{ url: string; port: number; heard: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const heard: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    heard.push(req.headers);
    res.end('attacker');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    heard,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the /files/ download route forwards only a path to its subgraph', () => {
  let gw: TinyGateway;
  let attacker: Awaited<ReturnType<typeof startAttacker>>;
  beforeAll(async () => {
    gw = await startTinyGateway({ fileRoutes: { '/files/': 'people' } });
    attacker = await startAttacker();
  });
  afterAll(async () => {
    await gw.close();
    await attacker.close();
  });

  it('forwards /files/<path>?<query> to the configured subgraph with the gateway credential', async () => {
    gw.stack.requests.length = 0;
    await raw(gw.url, '/files/cards/c1.png?expires=1&sig=abc');
    expect(gw.stack.requests).toHaveLength(1);
    expect(gw.stack.requests[0]).toMatchObject({ subgraph: 'people', method: 'GET', url: '/files/cards/c1.png?expires=1&sig=abc' });
    expect(gw.stack.requests[0]?.headers[GATEWAY_CREDENTIAL_HEADER]).toBeTruthy();
  });

  it('refuses absolute-form and authority-form request targets with 400; the named host hears nothing', async () => {
    gw.stack.requests.length = 0;
    for (const target of [`//127.0.0.1:${attacker.port}/files/x`, `${attacker.url}/files/x`, `http://127.0.0.1:${attacker.port}/graphql`, `//127.0.0.1:${attacker.port}/graphql`]) {
      const response = await raw(gw.url, target);
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    expect(attacker.heard).toEqual([]);
    expect(gw.stack.requests).toEqual([]);
  });

  it('refuses paths that climb out of /files/ (raw or encoded dot segments, backslashes, encoded slashes)', async () => {
    gw.stack.requests.length = 0;
    for (const target of ['/files/../graphql', '/files/%2e%2e/graphql', '/files/%2E%2E/%2e%2e/health', '/files/..%2fgraphql', '/files/..%5cgraphql', '/files/x/..', '/files/./x', '/files/%zz']) {
      const response = await raw(gw.url, target);
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    expect(gw.stack.requests).toEqual([]);
    expect(attacker.heard).toEqual([]);
  });
});

describe('request bodies are counted as they arrive', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ limits: { maxBodyBytes: 64 * 1024 } });
  });
  afterAll(() => gw.close());

  /** A valid GraphQL body padded inside a variable: valid JSON however far it gets. */
  async function chunkedBody(write: (chunk: Buffer) => boolean, totalBytes: number): Promise<void> {
    write(Buffer.from('{"query":"{ people { id } }","variables":{"pad":"'));
    const block = Buffer.alloc(Math.min(64 * 1024, totalBytes), 'x');
    for (let sent = 0; sent < totalBytes; sent += block.length) {
      if (!write(block)) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    write(Buffer.from('"}}'));
  }

  it('answers a chunked 20 MB body with 413 and BAD_REQUEST; no subgraph is asked', async () => {
    gw.stack.requests.length = 0;
    const response = await raw(gw.url, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: (write) => chunkedBody(write, 20 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    // I1: no Accept-Language, so in Japanese
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ message: 'リクエストの本文が上限の 65536 バイトを超えています。', extensions: { code: 'BAD_REQUEST' } }] });
    expect(gw.stack.requests).toEqual([]);
  });

  it('answers a declared oversized Content-Length with 413 before reading', async () => {
    const response = await raw(gw.url, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('still answers a chunked body inside the limit', async () => {
    const response = await raw(gw.url, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', accept: 'application/json' },
      body: (write) => chunkedBody(write, 1024),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { people: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] } });
  });
});

describe('CORS allow-list and JSON-only POSTs', () => {
  let gw: TinyGateway;
  let closed: TinyGateway;
  const allowed = 'https://app.kyodo.example';
  beforeAll(async () => {
    gw = await startTinyGateway({ corsOrigins: [allowed, 'null'] });
    closed = await startTinyGateway();
  });
  afterAll(async () => {
    await gw.close();
    await closed.close();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('allows a listed origin with credentials, on preflight and on the answer', async () => {
    const pre = await preflight(gw.url, allowed);
    expect(pre.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const { headers } = await gw.post({ query: '{ people { id } }' }, { origin: allowed });
    expect(headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('reflects no other origin, and never `null` (even when configured)', async () => {
    for (const origin of ['https://evil.example', 'null', `${allowed}.evil.example`, 'http://app.kyodo.example']) {
      const pre = await preflight(gw.url, origin);
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const { headers } = await gw.post({ query: '{ people { id } }' }, { origin });
      expect(headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('allows no origin at all by default', async () => {
    const pre = await preflight(closed.url, 'http://localhost:5173');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses form-encoded, multipart and text/plain POSTs with 415 before any subgraph runs', async () => {
    gw.stack.requests.length = 0;
    const mutation = 'mutation { rename(id: "p1", name: "Mallory") { id } }';
    const form = new FormData();
    form.set('query', mutation);
    const bodies: [string | undefined, BodyInit][] = [
      ['application/x-www-form-urlencoded', new URLSearchParams({ query: mutation }).toString()],
      [undefined, form],
      ['text/plain', JSON.stringify({ query: mutation })],
      ['text/plain;charset=utf-8', JSON.stringify({ query: mutation })],
    ];
    for (const [contentType, body] of bodies) {
      const response = await fetch(gw.url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
      expect(response.status, contentType ?? 'multipart').toBe(415);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    expect(gw.stack.requests).toEqual([]);
  });

  it('still takes application/json with a charset', async () => {
    const { status, body } = await gw.post({ query: '{ people(first: 1) { id } }' }, { 'content-type': 'application/json; charset=utf-8' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ people: [{ id: 'p1' }] });
  });
});

describe("S3: introspection refused in production says who is refused", () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ introspection: 'members' });
  });
  afterAll(() => gw.close());

  it('gives a guest the guest message even after an anonymous caller was refused the same document', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await gw.post({ query }, { 'accept-language': 'en' });
    expect(anonymous.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Sign in as a member/), extensions: { code: 'FORBIDDEN', rule: 'S3' } });
    const guest = await gw.post({ query }, { authorization: `Bearer ${await gw.tokenFor({ kind: 'GUEST', userId: 'g1' })}`, 'accept-language': 'en' });
    expect(guest.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Guests cannot explore/), extensions: { code: 'FORBIDDEN', rule: 'S3' } });
    const member = await gw.post({ query }, { authorization: `Bearer ${await gw.tokenFor()}` });
    expect(member.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    // and the member's success is not served from cache to a guest afterwards
    const guestAgain = await gw.post({ query }, { authorization: `Bearer ${await gw.tokenFor({ kind: 'GUEST', userId: 'g1' })}` });
    expect(guestAgain.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
