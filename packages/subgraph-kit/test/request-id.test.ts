import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/context.js';
import type { Logger } from '../src/logger.js';
import { requestIdFrom, traceIdFromTraceparent } from '../src/request-id.js';
import { createSubgraphServer, type SubgraphServer } from '../src/server.js';

describe('x-request-id in a subgraph', () => {
  const lines: Record<string, unknown>[] = [];
  const record = (level: string) => (message: string, detail?: Record<string, unknown>) => void lines.push({ level, message, ...detail });
  const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  let server: SubgraphServer;
  let url: string;
  beforeAll(async () => {
    const verifier = createTokenVerifier(await generateSigningKeys());
    const schema = buildSubgraphSchema({
      typeDefs: parse('type Query { hello: String, broken: String }'),
      resolvers: {
        Query: {
          hello: (_: unknown, __: unknown, context: unknown) => {
            const ctx = context as RequestContext<object>;
            ctx.logger.info('said hello');
            return ctx.requestId;
          },
          broken: () => {
            throw new Error('connect ECONNREFUSED 10.0.0.7:3306');
          },
        },
      },
    });
    server = createSubgraphServer({ name: 'tiny', schema, dataSource: {} as DataSource, verifier, logger, createLoaders: () => ({}), deps: { databaseUrl: 'sqlite::memory:', verifier } });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server.close();
  });

  async function post(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { id: response.headers.get('x-request-id'), body: (await response.json()) as { data?: Record<string, unknown> } };
  }

  it('stamps the gateway’s request id on resolver log lines and on the unexpected-error line', async () => {
    lines.length = 0;
    const hello = await post('{ hello }', { 'x-request-id': 'gw-req-1' });
    expect(hello.id).toBe('gw-req-1');
    expect(hello.body.data?.hello).toBe('gw-req-1');
    await post('{ broken }', { 'x-request-id': 'gw-req-2' });
    expect(lines.find((line) => line.message === 'said hello')?.requestId).toBe('gw-req-1');
    expect(lines.find((line) => line.level === 'error')?.requestId).toBe('gw-req-2');
  });

  it('stamps the trace id of the traceparent the gateway forwards on the request’s lines, with no tracer loaded', async () => {
    lines.length = 0;
    await post('{ hello }', { 'x-request-id': 'gw-req-3', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const said = lines.find((line) => line.message === 'said hello');
    expect(said).toMatchObject({ requestId: 'gw-req-3', traceId: '0af7651916cd43dd8448eb211c80319c' });
    expect(lines.find((line) => line.message === 'request served')).toMatchObject({ requestId: 'gw-req-3', traceId: '0af7651916cd43dd8448eb211c80319c', status: 200, path: '/graphql' });
  });

  it('logs probes, scrapes and change-feed polls at debug only, and counts them in /metrics (an idle stack prints nothing)', async () => {
    const base = url.replace(/\/graphql$/, '');
    lines.length = 0;
    await (await fetch(`${base}/health`)).arrayBuffer();
    await (await fetch(`${base}/internal/changes/memberships?after=0`)).arrayBuffer();
    await (await fetch(`${base}/internal/changes/digitisation?after=3`)).arrayBuffer();
    await post('{ hello }', { 'x-request-id': 'gw-req-user' });
    const served = lines.filter((line) => line.message === 'request served');
    expect(served.filter((line) => line.level === 'info')).toEqual([expect.objectContaining({ requestId: 'gw-req-user', path: '/graphql' })]);
    expect(served.filter((line) => line.level === 'debug').map((line) => line.path)).toEqual(['/health', '/internal/changes/memberships', '/internal/changes/digitisation']);
    const scraped = await (await fetch(`${base}/metrics`)).text();
    expect(scraped).toMatch(/kyodo_routine_requests_total\{kind="probe",service="tiny"\} 1\b/);
    expect(scraped).toMatch(/kyodo_routine_requests_total\{kind="change_feed",service="tiny"\} 2\b/);
    expect(lines.filter((line) => line.message === 'request served' && line.level === 'info')).toHaveLength(1);
  });

  it('reads only well-formed traceparents (W3C): no version ff, no all-zero ids, no junk', () => {
    expect(traceIdFromTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(traceIdFromTraceparent('ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBeUndefined();
    expect(traceIdFromTraceparent('00-00000000000000000000000000000000-b7ad6b7169203331-01')).toBeUndefined();
    expect(traceIdFromTraceparent('00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01')).toBeUndefined();
    expect(traceIdFromTraceparent('00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01')).toBeUndefined();
    expect(traceIdFromTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\n{"forged":1}')).toBeUndefined();
    expect(traceIdFromTraceparent(undefined)).toBeUndefined();
  });

  it('generates an id when none (or a malformed one) is sent, the same in the context and the answer', async () => {
    const none = await post('{ hello }');
    expect(none.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.body.data?.hello).toBe(none.id);
    expect(requestIdFrom('has space')).not.toBe('has space');
    expect(requestIdFrom('x'.repeat(129))).toHaveLength(36);
  });
});
