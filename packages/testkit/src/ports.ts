import { createServer } from 'node:net';

/**
 * A port nothing listens on right now (bound once on 127.0.0.1 to find it, then closed): for a
 * server a test starts as a child process, or as a closed port to point a client at.
 */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

/** `count` consecutive free ports (KYODO_PORT_BASE: the gateway on base, the subgraphs after it). */
export async function freePortBase(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => done(true)));
    });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let all = true;
    for (let port = base; port < base + count && all; port += 1) all = await free(port);
    if (all) return base;
  }
  throw new Error('no run of free ports found');
}
