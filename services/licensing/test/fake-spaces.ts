import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphDefinition } from '@kyodo/subgraph-kit';

export interface FakeSpacesUser {
  kind: 'MEMBER' | 'GUEST';
  tenantId: string;
}

export interface FakeSpaces {
  definition: SubgraphDefinition;
  /** While true the fake closes every connection unanswered, as if spaces were down. */
  down: boolean;
  /** The Authorization headers licensing sent, newest last. */
  authorizations: Array<string | undefined>;
}

/**
 * A stand-in for the spaces subgraph in licensing's own tests: it answers the `_entities` query
 * for Users from a fixed list (null for anyone else, as spaces does for users the viewer cannot see).
 */
export function fakeSpaces(users: Record<string, FakeSpacesUser>): FakeSpaces {
  const fake: FakeSpaces = {
    down: false,
    authorizations: [],
    definition: {
      name: 'spaces',
      defaultPort: 4001,
      buildSchema: () => Promise.reject(new Error('the fake spaces subgraph is not composed')),
      async create() {
        const server = createServer((req, res) => {
          let body = '';
          req.on('data', (chunk: Buffer) => (body += chunk.toString()));
          req.on('end', () => {
            if (fake.down) return void res.destroy();
            fake.authorizations.push(req.headers.authorization);
            const { variables } = JSON.parse(body) as { variables: { r: Array<{ id: string }> } };
            const entities = variables.r.map(({ id }) => {
              const user = users[id];
              return user ? { id, kind: user.kind, tenant: { id: user.tenantId } } : null;
            });
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ data: { _entities: entities } }));
          });
        });
        return {
          name: 'spaces',
          schema: undefined as never,
          dataSource: undefined as never,
          listen: (port = 0, host = '127.0.0.1') => new Promise<string>((resolve) => server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}/graphql`))),
          seedDemo: () => Promise.resolve(),
          close: () => new Promise<void>((resolve) => server.close(() => resolve())),
        };
      },
    },
  };
  return fake;
}
