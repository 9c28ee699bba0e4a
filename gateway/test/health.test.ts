import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphHealthUrl } from '../src/index.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('health and readiness', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway({ healthTimeoutMs: 500 });
  });
  afterAll(async () => {
    await gw.gateway.close();
    await gw.stack.people.close();
  });

  it('/healthz answers 200 while the process is up', async () => {
    expect(await get(new URL('/healthz', gw.url).href)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('/readyz answers 200 when the supergraph is loaded and every subgraph is healthy', async () => {
    const { status, body } = await get(new URL('/readyz', gw.url).href);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', supergraph: 'loaded', subgraphs: { people: { ok: true }, notes: { ok: true } } });
  });

  it('/readyz answers 503 naming the subgraph whose /health fails', async () => {
    gw.stack.notes.setHealthy(false);
    const { status, body } = await get(new URL('/readyz', gw.url).href);
    gw.stack.notes.setHealthy(true);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', reason: 'not healthy: notes', subgraphs: { people: { ok: true }, notes: { ok: false, status: 503 } } });
  });

  it('/readyz answers 503 when a subgraph cannot be reached', async () => {
    await gw.stack.notes.close();
    const { status, body } = await get(new URL('/readyz', gw.url).href);
    expect(status).toBe(503);
    expect(body).toMatchObject({ reason: 'not healthy: notes', subgraphs: { notes: { ok: false, error: 'unreachable' } } });
  });

  it('derives the health URL from the GraphQL URL', () => {
    expect(subgraphHealthUrl('http://127.0.0.1:4001/graphql')).toBe('http://127.0.0.1:4001/health');
    expect(subgraphHealthUrl('https://cards.internal/api/graphql')).toBe('https://cards.internal/api/health');
  });
});
