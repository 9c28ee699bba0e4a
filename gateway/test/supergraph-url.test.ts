import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import { silentLogger } from '@kyodo/subgraph-kit';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraphFromSdl, createGateway, readSupergraphAt, type GatewayHandle, type ObjectStore } from '../src/index.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const V1 = `${LINK} type Query { hello: String }`;
const V2 = `${LINK} type Query { hello(name: String): String added: String }`;

async function startSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(V2), resolvers: { Query: { hello: () => 'world', added: () => 'new' } } }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** A static server for one object with ETags, as a CDN or MinIO's public link answers: counts plain and conditional GETs. */
async function startObjectServer(): Promise<{ url: string; set(text: string): void; gets: number; notModified: number; close(): Promise<void> }> {
  let text = '';
  const state = { gets: 0, notModified: 0 };
  const server: Server = createServer((req, res) => {
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      state.notModified += 1;
      res.writeHead(304, { etag }).end();
      return;
    }
    state.gets += 1;
    res.writeHead(200, { etag, 'content-type': 'text/plain' }).end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph/current.graphql`,
    set: (next) => void (text = next),
    get gets() {
      return state.gets;
    },
    get notModified() {
      return state.notModified;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SUPERGRAPH_URL: the gateway serves the supergraph the schema registry publishes', () => {
  let subgraph: { url: string; stop(): Promise<void> };
  let objects: Awaited<ReturnType<typeof startObjectServer>>;
  let gateway: GatewayHandle;
  let url: string;
  const written: Array<{ key: string; text: string }> = [];
  const usageStore: Pick<ObjectStore, 'write'> = { write: async (key, text) => void written.push({ key, text }) };

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> };
  };
  const readyz = async () => (await fetch(new URL('/readyz', url))).json() as Promise<{ supergraph: string; supergraphRefused?: { reason: string; url?: string } }>;

  beforeAll(async () => {
    subgraph = await startSubgraph();
    objects = await startObjectServer();
    objects.set(composeSupergraphFromSdl([{ name: 'greetings', url: subgraph.url, sdl: V1 }]));
    const published = await readSupergraphAt(objects.url);
    gateway = await createGateway({
      supergraphSdl: published!.text,
      verifier: createTokenVerifier(await generateSigningKeys()),
      gatewaySecret: 'test-gateway-secret-0123456789',
      logger: silentLogger,
      supergraphUrl: { url: objects.url, pollIntervalMs: 50, etag: published!.etag },
      usage: { store: usageStore, flushIntervalMs: 100, replica: 'gw-a' },
    });
    url = await gateway.listen(0);
  });

  afterAll(async () => {
    await gateway?.close();
    await objects?.close();
    await subgraph?.stop();
  });

  it('asks with If-None-Match: an unchanged supergraph costs a 304, not a download', async () => {
    const before = objects.notModified;
    await new Promise((r) => setTimeout(r, 400));
    expect(objects.notModified - before).toBeGreaterThan(2);
    expect(objects.gets).toBe(1);
  });

  it('swaps in a newly published supergraph', async () => {
    objects.set(composeSupergraphFromSdl([{ name: 'greetings', url: subgraph.url, sdl: V2 }]));
    await waitFor('the new field', async () => ((await post('{ added }')).data?.added === 'new' ? true : undefined));
  });

  it('refuses a published supergraph that does not load, keeps the last good one, and says so on /readyz', async () => {
    objects.set('enum join__Graph { A @join__graph(name: "a", url: "http://a/graphql") } type Query { hello: String }');
    const refusal = await waitFor('the refusal', async () => (await readyz()).supergraphRefused);
    expect(refusal.reason).toMatch(/^not a valid supergraph: /);
    expect(refusal.url).toBe(objects.url);
    expect((await readyz()).supergraph).toBe('loaded');
    expect((await post('{ hello added }')).data).toEqual({ hello: 'world', added: 'new' });
  });

  it('records the fields and arguments each operation uses per client, flushed as one object per interval', async () => {
    // the previous tests' requests are flushed first
    await new Promise((r) => setTimeout(r, 300));
    written.length = 0;
    const ios = { 'graphql-client-name': 'kyodo-ios', 'graphql-client-version': '3.2.1' };
    for (let i = 0; i < 5; i++) expect((await post('query Greet { hello(name: "x") }', ios)).errors).toBeUndefined();
    await post('{ added }');
    await new Promise((r) => setTimeout(r, 300));
    expect(written.length).toBeGreaterThan(0);
    const reports = written.map((w) => {
      expect(w.key).toMatch(/^usage\/\d{4}-\d{2}-\d{2}\/gw-a-\d+-\d+\.json$/);
      return JSON.parse(w.text) as { replica: string; operations: Array<{ name?: string; client: { name: string; version: string }; count: number; coordinates: string[] }> };
    });
    expect(new Set(written.map((w) => w.key)).size).toBe(written.length);
    expect(reports.every((r) => r.replica === 'gw-a')).toBe(true);
    const total = (name: string | undefined, client: string) =>
      reports.flatMap((r) => r.operations).filter((o) => o.name === name && `${o.client.name} ${o.client.version}`.trim() === client).reduce((sum, o) => sum + o.count, 0);
    expect(total('Greet', 'kyodo-ios 3.2.1')).toBe(5);
    expect(total(undefined, 'unknown')).toBe(1);
    expect(reports.flatMap((r) => r.operations).find((o) => o.name === 'Greet')?.coordinates).toEqual(['Query.hello', 'Query.hello.name', 'String']);
    expect(reports.flatMap((r) => r.operations).find((o) => o.name === undefined)?.coordinates).toEqual(['Query.added', 'String']);
    const flushes = written.length;
    // nothing counted since: no empty objects
    await new Promise((r) => setTimeout(r, 300));
    expect(written).toHaveLength(flushes);
  });
});
