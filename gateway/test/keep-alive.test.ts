import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_KEEP_ALIVE_TIMEOUT_MS } from '../src/index.js';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

/**
 * Connections are reused on both sides of the gateway: to the subgraphs (a pool of keep-alive
 * connections, not one TCP handshake per subgraph request) and from clients (kept open longer
 * than a load balancer's idle timeout).
 */
describe('keep-alive', () => {
  let tiny: TinyGateway;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    tiny = await startTinyGateway();
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await tiny?.close();
  });

  it('reuses pooled connections to a subgraph: 60 requests, 20 at a time, over at most 20 connections per pool', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => tiny.tokenFor({ userId: `p${i}` })));
    const requestsBefore = tiny.stack.requests.filter((r) => r.subgraph === 'people').length;
    const round = async () => {
      const before = tiny.stack.people.connections();
      const answers = await Promise.all(tokens.map((token) => tiny.post({ query: '{ me { id name } }' }, { authorization: `Bearer ${token}` })));
      for (const answer of answers) expect(answer.body.errors).toBeUndefined();
      return tiny.stack.people.connections() - before;
    };
    // the first round goes through the engine's pool; the next two through the query lane's (query-lane.ts)
    const engine = await round();
    const lane = (await round()) + (await round());
    expect(tiny.stack.requests.filter((r) => r.subgraph === 'people').length - requestsBefore).toBe(60);
    expect(engine).toBeGreaterThan(0);
    expect(engine).toBeLessThanOrEqual(20);
    expect(lane).toBeGreaterThan(0);
    expect(lane).toBeLessThanOrEqual(20);
    // many answers from one subgraph in flight at once are not an event-listener leak
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('keeps idle client connections open for 65 s, longer than a load balancer idle timeout', async () => {
    expect(GATEWAY_KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
      const req = request(tiny.url.replace('/graphql', '/healthz'), { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers['keep-alive'] as string | undefined));
      });
      req.on('error', reject);
      req.end();
    });
    expect(keepAlive).toBe('timeout=65');
  });
});
