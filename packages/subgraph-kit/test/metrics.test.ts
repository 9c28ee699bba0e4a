import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, generateSigningKeys, type TokenVerifier } from '@kyodo/auth';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { createServiceMetrics, METRIC_NAMES } from '../src/metrics.js';
import { createSubgraphServer, type SubgraphServer } from '../src/server.js';

/** The samples of a Prometheus text exposition; throws on any line that is not a comment or a sample. */
export function parsePrometheusText(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const samples = [];
  for (const line of text.split('\n')) {
    if (line === '' || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* /.test(line)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/i.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { hello: String, forbidden: String }
`;

async function start(env: Record<string, string>, production = false): Promise<{ server: SubgraphServer; url: string }> {
  const verifier: TokenVerifier = createTokenVerifier(await generateSigningKeys());
  const schema = buildSubgraphSchema({
    typeDefs: parse(SDL),
    resolvers: {
      Query: {
        hello: () => 'hi',
        forbidden: () => {
          throw appError('FORBIDDEN', 'Only an administrator may read this.');
        },
      },
    },
  });
  const server = createSubgraphServer({
    name: 'tiny',
    schema,
    // never queried: /health is not called here
    dataSource: {} as DataSource,
    verifier,
    logger: silentLogger,
    createLoaders: () => ({}),
    deps: { databaseUrl: 'sqlite::memory:', verifier, env },
    requireGatewayCredential: production,
    gatewaySecret: 'test-gateway-secret-0123456789',
  });
  return { server, url: await server.listen(0) };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

async function scrape(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL('/metrics', url), { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

function sample(text: string, name: string, labels: Record<string, string>): number {
  const found = parsePrometheusText(text).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value ?? 0;
}

describe('subgraph /metrics', () => {
  let dev: { server: SubgraphServer; url: string };
  beforeAll(async () => {
    dev = await start({});
  });
  afterAll(async () => {
    await dev.server.close();
  });

  it('serves the Prometheus text format, with process metrics and the service label', async () => {
    const { status, type, text } = await scrape(dev.url);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    const samples = parsePrometheusText(text);
    expect(samples.some((s) => s.name === 'process_resident_memory_bytes' && s.labels.service === 'tiny')).toBe(true);
  });

  it('a request raises the counter and the latency histogram of its operation name', async () => {
    const before = sample((await scrape(dev.url)).text, METRIC_NAMES.requests, { operation: 'Hello' });
    await post(dev.url, { query: 'query Hello { hello }', operationName: 'Hello' });
    await post(dev.url, { query: 'query Hello { hello }' });
    const text = (await scrape(dev.url)).text;
    expect(sample(text, METRIC_NAMES.requests, { operation: 'Hello', service: 'tiny' })).toBe(before + 2);
    expect(sample(text, `${METRIC_NAMES.duration}_count`, { operation: 'Hello' })).toBe(before + 2);
    expect(sample(text, METRIC_NAMES.errors, { operation: 'Hello' })).toBe(0);
  });

  it('counts errors by operation name and code', async () => {
    await post(dev.url, { query: 'query Denied { forbidden }' });
    await post(dev.url, { query: 'query Broken { nope }' });
    const text = (await scrape(dev.url)).text;
    expect(sample(text, METRIC_NAMES.errors, { operation: 'Denied', code: 'FORBIDDEN' })).toBe(1);
    expect(sample(text, METRIC_NAMES.errors, { operation: 'Broken', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, METRIC_NAMES.requests, { operation: 'Denied' })).toBe(1);
  });

  it('keeps one registry per server: a second server does not see the first one’s counts', async () => {
    const other = await start({});
    try {
      expect(sample((await scrape(other.url)).text, METRIC_NAMES.requests, { operation: 'Hello' })).toBe(0);
    } finally {
      await other.server.close();
    }
  });

  it('with METRICS_TOKEN, refuses a scrape without the bearer token and serves one with it', async () => {
    const guarded = await start({ METRICS_TOKEN: 'metrics-token-0123456789' }, true);
    try {
      expect((await scrape(guarded.url)).status).toBe(401);
      expect((await scrape(guarded.url, { authorization: 'Bearer wrong-token-0123456789xx' })).status).toBe(401);
      expect((await scrape(guarded.url, { authorization: 'Bearer metrics-token-0123456789' })).status).toBe(200);
    } finally {
      await guarded.server.close();
    }
  });

  it('in production without METRICS_TOKEN, serves no metrics (403), even with the gateway credential', async () => {
    const production = await start({}, true);
    try {
      const { status, text } = await scrape(production.url, { 'x-kyodo-gateway-credential': 'test-gateway-secret-0123456789' });
      expect(status).toBe(403);
      expect(text).toContain('METRICS_TOKEN');
    } finally {
      await production.server.close();
    }
  });
});

describe('background job metrics', () => {
  it('trackJob counts runs by outcome and leaves no run in progress', async () => {
    const metrics = createServiceMetrics('tiny');
    await metrics.trackJob('billing-run', async () => 'done');
    await expect(metrics.trackJob('billing-run', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    const text = await metrics.registry.metrics();
    expect(sample(text, METRIC_NAMES.jobRuns, { job: 'billing-run', outcome: 'ok' })).toBe(1);
    expect(sample(text, METRIC_NAMES.jobRuns, { job: 'billing-run', outcome: 'failed' })).toBe(1);
    expect(sample(text, METRIC_NAMES.jobsRunning, { job: 'billing-run' })).toBe(0);
    expect(sample(text, `${METRIC_NAMES.jobDuration}_count`, { job: 'billing-run' })).toBe(2);
  });

  it('bounds operation-name cardinality: names that are not GraphQL names count as "other"', () => {
    const metrics = createServiceMetrics('tiny');
    expect(metrics.operationLabel('ListCards')).toBe('ListCards');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    expect(metrics.operationLabel('x'.repeat(200))).toBe('other');
    for (let i = 0; i < 300; i++) metrics.operationLabel(`Op${i}`);
    expect(metrics.operationLabel('Op299')).toBe('other');
  });
});
