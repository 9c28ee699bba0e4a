import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import type { Logger } from '@kyodo/subgraph-kit';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraphFromSdl, createGateway, type GatewayHandle } from '../src/index.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const V1 = `${LINK} type Query { hello: String }`;
const V2 = `${LINK} type Query { hello: String added: String }`;

/** A subgraph that already serves `added`; only the supergraph decides whether the gateway offers it. */
async function startSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse(V2), resolvers: { Query: { hello: () => 'world', added: () => 'new' } } }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

function recordingLogger(lines: Array<{ level: string; message: string; detail?: Record<string, unknown> }>): Logger {
  const log = (level: string) => (message: string, detail?: Record<string, unknown>) => void lines.push({ level, message, detail });
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } as Logger;
}

/** Replaces the file the way deploy tools do: write beside it, then rename over it. */
async function replaceFile(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the gateway reloads gateway/supergraph.graphql when it changes', () => {
  let dir: string;
  let file: string;
  let subgraph: { url: string; stop(): Promise<void> };
  let gateway: GatewayHandle;
  let url: string;
  const logs: Array<{ level: string; message: string; detail?: Record<string, unknown> }> = [];

  const post = async (query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
  };
  const readyz = async () => (await fetch(new URL('/readyz', url))).json() as Promise<{ status: string; supergraph: string; supergraphRefused?: { reason: string; file?: string } }>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kyodo-reload-'));
    file = join(dir, 'supergraph.graphql');
    subgraph = await startSubgraph();
    const v1 = composeSupergraphFromSdl([{ name: 'greetings', url: subgraph.url, sdl: V1 }]);
    await writeFile(file, v1);
    gateway = await createGateway({
      supergraphSdl: v1,
      verifier: createTokenVerifier(await generateSigningKeys()),
      gatewaySecret: 'test-gateway-secret-0123456789',
      logger: recordingLogger(logs),
      supergraphFile: { path: file, pollIntervalMs: 50 },
    });
    url = await gateway.listen(0);
  });

  afterAll(async () => {
    await gateway?.close();
    await subgraph?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('switches to a new supergraph under load with zero failed requests, and the new field answers', async () => {
    expect((await post('{ added }')).body.errors).toBeDefined(); // not in the served supergraph yet
    const v2 = composeSupergraphFromSdl([{ name: 'greetings', url: subgraph.url, sdl: V2 }]);
    const failures: string[] = [];
    let requests = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        requests += 1;
        try {
          const { status, body } = await post('{ hello }');
          if (status !== 200 || body.errors || body.data?.hello !== 'world') failures.push(`${status} ${JSON.stringify(body)}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    await new Promise((r) => setTimeout(r, 300));
    await replaceFile(file, v2);
    const added = await waitFor('the new field', async () => {
      const { body } = await post('{ added }');
      return body.data?.added as string | undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(workers);
    expect(added).toBe('new');
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(50);
    expect(gateway.supergraphSdl).toContain('added: String');
    await waitFor('the reload log line', async () => (logs.some((l) => l.message === 'supergraph reloaded') ? true : undefined));
  });

  it('refuses a file that does not parse, keeps serving the previous supergraph, logs it and says so on /readyz', async () => {
    await replaceFile(file, 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query type Query {');
    const refusal = await waitFor('the refusal', async () => (await readyz()).supergraphRefused);
    expect(refusal.reason).toMatch(/Syntax Error/);
    expect(refusal.file).toBe(file);
    expect((await readyz()).supergraph).toBe('loaded');
    expect((await post('{ hello added }')).body.data).toEqual({ hello: 'world', added: 'new' });
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'new supergraph refused; still serving the previous one' }));
  });

  it('refuses GraphQL that is not a valid supergraph, then accepts a good one again and clears the refusal', async () => {
    await replaceFile(file, 'enum join__Graph { A @join__graph(name: "a", url: "http://a/graphql") } type Query { hello: String }');
    const refusal = await waitFor('the refusal', async () => {
      const found = (await readyz()).supergraphRefused;
      return found && /not a valid supergraph/.test(found.reason) ? found : undefined;
    });
    expect(refusal.reason).toMatch(/^not a valid supergraph: /);
    expect((await post('{ hello added }')).body.data).toEqual({ hello: 'world', added: 'new' });

    await replaceFile(file, composeSupergraphFromSdl([{ name: 'greetings', url: subgraph.url, sdl: V1 }]));
    await waitFor('the refusal to clear', async () => ((await readyz()).supergraphRefused ? undefined : true));
    expect((await post('{ hello }')).body.data).toEqual({ hello: 'world' });
    expect((await post('{ added }')).body.errors).toBeDefined();
  });
});
