import { METRIC_NAMES } from '@kyodo/subgraph-kit/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_METRIC_NAMES } from '../src/gateway-metrics.js';
import { parsePrometheusText, sampleValue } from './support/prometheus-text.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

async function scrape(gw: TinyGateway, headers: Record<string, string> = {}) {
  const response = await fetch(new URL('/metrics', gw.url), { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('gateway /metrics', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('serves the Prometheus text format with service="gateway" and process metrics', async () => {
    const { status, type, text } = await scrape(gw);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(parsePrometheusText(text).some((s) => s.name === 'process_cpu_seconds_total' && s.labels.service === 'gateway')).toBe(true);
  });

  it('a request raises the counter and latency histogram of its operation name', async () => {
    const response = await gw.post({ query: 'query People { people { name } }', operationName: 'People' });
    expect(response.status).toBe(200);
    await gw.post({ query: 'query People { people { name } }' });
    const { text } = await scrape(gw);
    expect(sampleValue(text, METRIC_NAMES.requests, { operation: 'People', service: 'gateway' })).toBe(2);
    expect(sampleValue(text, `${METRIC_NAMES.duration}_count`, { operation: 'People' })).toBe(2);
    expect(sampleValue(text, METRIC_NAMES.errors, { operation: 'People' })).toBe(0);
  });

  it('counts a cross-subgraph query once per subgraph it fetches from', async () => {
    const response = await gw.post({ query: 'query NotesWithAuthors { notes { text author { name } } }' });
    expect(response.body.errors).toBeUndefined();
    const { text } = await scrape(gw);
    expect(sampleValue(text, GATEWAY_METRIC_NAMES.subgraphRequests, { subgraph: 'notes', operation: 'NotesWithAuthors' })).toBe(1);
    expect(sampleValue(text, GATEWAY_METRIC_NAMES.subgraphRequests, { subgraph: 'people', operation: 'NotesWithAuthors' })).toBe(1);
    expect(sampleValue(text, `${GATEWAY_METRIC_NAMES.subgraphDuration}_count`, { subgraph: 'people' })).toBeGreaterThanOrEqual(1);
  });

  it('counts errors by operation and code, and subgraph answers with errors by subgraph', async () => {
    await gw.post({ query: 'query Secret { forbidden }' });
    await gw.post({ query: 'query Typo { nope }' });
    const { text } = await scrape(gw);
    expect(sampleValue(text, METRIC_NAMES.errors, { operation: 'Secret', code: 'FORBIDDEN' })).toBe(1);
    expect(sampleValue(text, METRIC_NAMES.errors, { operation: 'Typo', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sampleValue(text, GATEWAY_METRIC_NAMES.subgraphErrors, { subgraph: 'people', operation: 'Secret' })).toBe(1);
  });
});

describe('gateway /metrics access', () => {
  it('with a token, refuses a scrape without it (401) and serves one with it', async () => {
    const gw = await startTinyGateway({ metrics: { token: 'metrics-token-0123456789', production: true } });
    try {
      expect((await scrape(gw)).status).toBe(401);
      expect((await scrape(gw, { authorization: 'Bearer metrics-token-9999999999' })).status).toBe(401);
      expect((await scrape(gw, { authorization: 'Bearer metrics-token-0123456789' })).status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('in production without a token, serves no metrics (403)', async () => {
    const gw = await startTinyGateway({ metrics: { production: true } });
    try {
      const { status, text } = await scrape(gw);
      expect(status).toBe(403);
      expect(text).toContain('METRICS_TOKEN');
    } finally {
      await gw.close();
    }
  });
});
