import { Agent, createServer, request, type Server } from 'node:http';

/**
 * Counts the requests one subgraph makes to its peers: the subgraph's <PEER>_URL points here
 * (http://127.0.0.1:<port>/<peer>/...) and every request is passed on unchanged to the peer.
 * Hand-written because it is a dozen lines of node:http; a proxy library would add a dependency
 * to count what `counts` counts.
 */
export interface PeerProxy {
  /** The URL to give the subgraph for one peer. */
  urlFor(peer: string): string;
  /** Requests per peer on the request path (GraphQL): what `peers.per_page` / `peers.per_scan` count. */
  counts: Record<string, number>;
  /** Background polls of the peers' change feeds (subgraph-kit change-feed.ts), apart: they are not per request. */
  feedPolls: Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startPeerProxy(targets: Record<string, string>): Promise<PeerProxy> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]));
  const feedPolls: Record<string, number> = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]));
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((req, res) => {
    const [, peer, ...rest] = (req.url ?? '/').split('/');
    const target = peer ? targets[peer] : undefined;
    if (!peer || !target) {
      res.writeHead(404).end();
      return;
    }
    const tally = rest.join('/').startsWith('internal/changes/') ? feedPolls : counts;
    tally[peer] = (tally[peer] ?? 0) + 1;
    const url = new URL(target);
    const forward = request(
      { agent, host: url.hostname, port: url.port, method: req.method, path: `/${rest.join('/')}`, headers: { ...req.headers, host: url.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    urlFor: (peer) => `http://127.0.0.1:${port}/${peer}${new URL(targets[peer]!).pathname}`,
    counts,
    feedPolls,
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset() {
      for (const k of Object.keys(counts)) counts[k] = 0;
      for (const k of Object.keys(feedPolls)) feedPolls[k] = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
