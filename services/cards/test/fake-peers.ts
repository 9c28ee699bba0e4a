import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO, type Stack } from '@kyodo/testkit';

/**
 * Stand-ins for spaces (the viewer's groups) and licensing (the card digitisation contract),
 * so cards is tested alone. Registered in the stack's peer directory, which is read per call.
 */
export interface FakePeers {
  /** Groups per bearer token; a token not listed is in no group. */
  groupsByToken: Map<string, string[]>;
  /** T1: the tenant of each user spaces knows (the demo people by default); anyone else is unknown. */
  userTenants: Map<string, string>;
  /** T1: group ids that belong to another tenant (spaces answers null for them); any other group is the caller's. */
  foreignGroups: Set<string>;
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
  const userTenants = new Map<string, string>([DEMO.admin, DEMO.member, DEMO.guest].map((u) => [u.id, DEMO.tenant.id]));
  const foreignGroups = new Set<string>();
  const digitisation = { includedSides: 1000, purchasedSides: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const { query, variables } = JSON.parse(body) as { query: string; variables?: { r?: Array<{ __typename: string; id: string }> } };
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/spaces/graphql' && query.includes('_entities')) {
        // the ownership check of subgraph-kit (T1): users with their tenant, groups unless foreign
        const entities = (variables?.r ?? []).map(({ __typename, id }) => {
          if (__typename === 'User') return userTenants.has(id) ? { id, tenant: { id: userTenants.get(id) } } : null;
          return foreignGroups.has(id) ? null : { id };
        });
        res.end(JSON.stringify({ data: { _entities: entities } }));
      } else if (req.url === '/spaces/graphql' && query.includes('groupIds')) {
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
    userTenants,
    foreignGroups,
    revoked,
    digitisation,
    calls: state,
    setReachable,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
