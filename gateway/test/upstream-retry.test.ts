import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

/**
 * A TCP hop in front of the people subgraph that, when armed, drops its open connections and cuts
 * the next ones as soon as a request arrives on them: what the gateway sees when the replica it
 * reached dies mid-request.
 */
async function startCuttingProxy(target: URL): Promise<{ url: (path: string) => string; armCuts: (n: number) => void; cut: () => number; close: () => Promise<void> }> {
  let cutsLeft = 0;
  let cut = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.once('data', (first) => {
      if (cutsLeft > 0) {
        cutsLeft--;
        cut++;
        client.resetAndDestroy();
        return;
      }
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(upstream);
      upstream.once('close', () => sockets.delete(upstream));
      upstream.write(first);
      client.pipe(upstream).pipe(client);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    // the replica dies: its open connections (kept alive by the gateway) go, and the next n new ones are cut
    armCuts: (n) => {
      cutsLeft = n;
      for (const socket of sockets) socket.destroy();
    },
    cut: () => cut,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describe('a subgraph fetch cut on the way (a replica dying behind the load balancer)', () => {
  let gw: TinyGateway;
  let proxy: Awaited<ReturnType<typeof startCuttingProxy>>;
  beforeAll(async () => {
    // the people subgraph is reached through the cutting proxy
    const tiny = await startTinyGateway();
    const peopleUrl = new URL(tiny.stack.urls.people!);
    await tiny.gateway.close();
    proxy = await startCuttingProxy(peopleUrl);
    const { createGateway } = await import('../src/index.js');
    const { createTokenVerifier, generateSigningKeys } = await import('@kyodo/auth');
    const { silentLogger } = await import('@kyodo/subgraph-kit');
    const gateway = await createGateway({
      supergraphSdl: tiny.stack.supergraphSdl,
      subgraphUrls: { ...tiny.stack.urls, people: proxy.url(peopleUrl.pathname) },
      verifier: createTokenVerifier(await generateSigningKeys()),
      gatewaySecret: 'test-gateway-secret-0123456789',
      logger: silentLogger,
    });
    const url = await gateway.listen(0);
    gw = { ...tiny, gateway, url, post: async (body) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as never, headers: response.headers };
    }, close: async () => {
      await gateway.close();
      await tiny.stack.close();
    } };
  });
  afterAll(async () => {
    await gw?.close();
    await proxy?.close();
  });
  beforeEach(() => {
    gw.stack.requests.length = 0;
  });

  it('asks once more for a query, and the client never sees the cut', async () => {
    proxy.armCuts(1);
    const before = proxy.cut();
    const { body } = await gw.post({ query: '{ people(first: 1) { name } }' });
    expect(proxy.cut() - before).toBe(1);
    expect(body).toEqual({ data: { people: [{ name: 'Aiko' }] } });
  });

  it('gives up after one more attempt, with SERVICE_UNAVAILABLE naming no address', async () => {
    proxy.armCuts(2);
    const before = proxy.cut();
    const { body } = await gw.post({ query: '{ people(first: 1) { name } }' });
    expect(proxy.cut() - before).toBe(2);
    expect((body as { errors?: Array<{ extensions?: { code?: string }; message: string }> }).errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    proxy.armCuts(0);
  });

  it('never sends a mutation twice: the first attempt may have written', async () => {
    proxy.armCuts(1);
    const before = proxy.cut();
    const { body } = await gw.post({ query: 'mutation { rename(id: "p1", name: "Aiko") { name } }' });
    expect(proxy.cut() - before).toBe(1);
    expect((body as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    // nothing reached the subgraph: the cut attempt was the only one
    expect(gw.stack.requests.filter((r) => r.subgraph === 'people' && String(r.query).includes('rename'))).toEqual([]);
    proxy.armCuts(0);
  });
});
