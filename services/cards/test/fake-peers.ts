import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stack } from '@kyodo/testkit';

/**
 * Stand-ins for spaces (the viewer's groups) and licensing (the card digitisation contract),
 * so cards is tested alone. Registered in the stack's peer directory, which is read per call.
 */
export interface FakePeers {
  /** Groups per bearer token; a token not listed is in no group. */
  groupsByToken: Map<string, string[]>;
  /** Tokens spaces refuses as revoked integration tokens (C6). */
  revoked: Set<string>;
  digitisation: { includedSides: number; purchasedSides: number };
  /** How many calls each peer got (memoised per request: one per request at most). */
  calls: { spaces: number; licensing: number };
  /** Take a peer away (unreachable) or bring it back. */
  setReachable(peer: 'spaces' | 'licensing', reachable: boolean): void;
  close(): Promise<void>;
}

export async function startFakePeers(stack: Stack): Promise<FakePeers> {
  const state: FakePeers['calls'] = { spaces: 0, licensing: 0 };
  const groupsByToken = new Map<string, string[]>();
  const revoked = new Set<string>();
  const digitisation = { includedSides: 1000, purchasedSides: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const { query } = JSON.parse(body) as { query: string };
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/spaces/graphql' && query.includes('groupIds')) {
        state.spaces++;
        if (revoked.has(token)) {
          res.end(JSON.stringify({ data: null, errors: [{ message: 'This integration token has been revoked.', extensions: { code: 'UNAUTHENTICATED' } }] }));
          return;
        }
        res.end(JSON.stringify({ data: { viewer: { groupIds: groupsByToken.get(token) ?? [] } } }));
      } else if (req.url === '/licensing/graphql' && query.includes('cardDigitisation')) {
        state.licensing++;
        res.end(JSON.stringify({ data: { _entities: [{ cardDigitisation: { ...digitisation } }] } }));
      } else {
        res.end(JSON.stringify({ errors: [{ message: `fake peer does not know ${req.url}` }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const setReachable = (peer: 'spaces' | 'licensing', reachable: boolean) => {
    // a port nothing listens on: the peer client gets a connection error and fails closed
    stack.subgraphUrls[peer] = reachable ? `${base}/${peer}/graphql` : 'http://127.0.0.1:9/graphql';
  };
  setReachable('spaces', true);
  setReachable('licensing', true);
  return {
    groupsByToken,
    revoked,
    digitisation,
    calls: state,
    setReachable,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
