import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Cut {
  backend: number;
  at: number;
  error: string;
}

export interface Balancer {
  url: string;
  cuts: Cut[];
  retried: () => number;
  forwarded: number[];
  close(): Promise<void>;
}

/**
 * A round-robin HTTP load balancer over two replicas, as a real one behaves: a refused
 * connection (a dead replica) is retried on the next replica; a request cut after it reached a
 * replica is not retried (it may have written) and answers 502, recorded as a cut. A WebSocket
 * upgrade (the gateway's subscriptions to a subgraph) goes, round robin too, to one replica and
 * stays there: bytes are copied both ways until either side closes.
 */
export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  let retried = 0;
  const cuts: Cut[] = [];
  const forwarded = ports.map(() => 0);
  const forward = (port: number, req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((done, fail) => {
      const headers = { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close' };
      const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false }, done);
      upstream.once('error', fail);
      upstream.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        // round robin between requests; within one request, each retry goes to the next backend:
        // with the counter shared, concurrent requests could send all of one request's attempts to
        // the killed replica, and its 503 would look like a failure no kill explains
        const first = next++;
        for (let attempt = 0; attempt < ports.length * 2; attempt++) {
          const backend = (first + attempt) % ports.length;
          let upstream: IncomingMessage;
          try {
            upstream = await forward(ports[backend]!, req, body);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? String(error);
            if (code === 'ECONNREFUSED') {
              retried++;
              continue;
            }
            cuts.push({ backend, at: Date.now(), error: code });
            res.writeHead(502).end();
            return;
          }
          forwarded[backend]!++;
          const headers = { ...upstream.headers };
          for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[hop];
          res.writeHead(upstream.statusCode ?? 502, headers);
          upstream.on('error', (error: NodeJS.ErrnoException) => {
            cuts.push({ backend, at: Date.now(), error: error.code ?? error.message });
            res.destroy();
          });
          upstream.pipe(res);
          return;
        }
        res.writeHead(503).end();
      })();
    });
  });
  const tunnels = new Set<Socket>();
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const first = next++;
    const attempt = (tries: number) => {
      const backend = (first + tries) % ports.length;
      const upstream = connect(ports[backend]!, '127.0.0.1');
      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && tries + 1 < ports.length * 2) {
          retried++;
          attempt(tries + 1);
          return;
        }
        cuts.push({ backend, at: Date.now(), error: error.code ?? error.message });
        client.destroy();
      });
      upstream.once('connect', () => {
        forwarded[backend]!++;
        tunnels.add(upstream).add(client);
        const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          const name = req.rawHeaders[i]!;
          lines.push(`${name}: ${name.toLowerCase() === 'host' ? `127.0.0.1:${ports[backend]}` : req.rawHeaders[i + 1]}`);
        }
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
        const end = () => {
          upstream.destroy();
          client.destroy();
          tunnels.delete(upstream);
          tunnels.delete(client);
        };
        upstream.once('close', end);
        client.once('close', end);
        client.once('error', end);
      });
    };
    attempt(0);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    cuts,
    retried: () => retried,
    forwarded,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => done());
      }),
  };
}
