import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('x-request-id through the gateway', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  function idsSentToSubgraphs(from: number): (string | string[] | undefined)[] {
    return gw.stack.requests.slice(from).map((request) => request.headers['x-request-id']);
  }

  it('generates one when the client sends none, answers with it and sends it on every subgraph fetch', async () => {
    const from = gw.stack.requests.length;
    const response = await gw.post({ query: '{ notes { text author { name } } }' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    const sent = idsSentToSubgraphs(from);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent)).toEqual(new Set([id]));
  });

  it('keeps the id the client (or load balancer) sent', async () => {
    const from = gw.stack.requests.length;
    const response = await gw.post({ query: '{ people { name } }' }, { 'x-request-id': 'lb-7f3a.42' });
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a.42');
    expect(idsSentToSubgraphs(from)).toEqual(['lb-7f3a.42']);
  });

  it('replaces an id that is not a short token (it would go into every log line)', async () => {
    const from = gw.stack.requests.length;
    const response = await gw.post({ query: '{ people { name } }' }, { 'x-request-id': `x${'y'.repeat(200)}` });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(idsSentToSubgraphs(from)).toEqual([id]);
  });

  it('forwards the caller’s traceparent and tracestate to every subgraph fetch, with no tracer loaded', async () => {
    const from = gw.stack.requests.length;
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await gw.post({ query: '{ notes { text author { name } } }' }, { traceparent, tracestate: 'vendor=abc' });
    const sent = gw.stack.requests.slice(from);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const request of sent) {
      expect(request.headers.traceparent).toBe(traceparent);
      expect(request.headers.tracestate).toBe('vendor=abc');
    }
  });

  it('logs one line per request served with the request id and the traceparent’s trace id, none for probes', async () => {
    const lines: Record<string, unknown>[] = [];
    const record = (level: string) => (message: string, detail?: Record<string, unknown>) => void lines.push({ level, message, ...detail });
    const logged = await startTinyGateway({ logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } });
    try {
      lines.length = 0;
      await logged.post({ query: '{ people { name } }' }, { 'x-request-id': 'req-traced-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
      await fetch(logged.url.replace('/graphql', '/healthz'));
      await logged.post({ query: '{ people { name } }' }, { 'x-request-id': 'req-untraced-1', traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' });
      const served = lines.filter((line) => line.message === 'request served' && line.level === 'info');
      // the probe: at debug only (request-id.ts routineKind), counted in the metrics instead
      expect(lines.filter((line) => line.message === 'request served' && line.level === 'debug')).toEqual([expect.objectContaining({ path: '/healthz' })]);
      expect(served).toEqual([
        expect.objectContaining({ requestId: 'req-traced-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', method: 'POST', path: '/graphql', status: 200 }),
        expect.objectContaining({ requestId: 'req-untraced-1' }),
      ]);
      // an all-zero trace id is invalid (W3C): no trace id rather than a bogus one
      expect(served[1]).not.toHaveProperty('traceId');
    } finally {
      await logged.close();
    }
  });

  it('stamps the request id on the gateway log lines written for that request', async () => {
    const lines: Record<string, unknown>[] = [];
    const record = (level: string) => (message: string, detail?: Record<string, unknown>) => void lines.push({ level, message, ...detail });
    const logged = await startTinyGateway({ logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } });
    try {
      lines.length = 0;
      // the subgraph's internal error is masked for the client and logged by the gateway
      const response = await logged.post({ query: '{ broken }' }, { 'x-request-id': 'req-broken-1' });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const errors = lines.filter((line) => line.level === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const line of errors) expect(line.requestId).toBe('req-broken-1');
    } finally {
      await logged.close();
    }
  });
});
