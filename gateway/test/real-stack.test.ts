import { readFile } from 'node:fs/promises';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { createClient, DEMO, startStack, type GraphQLClient, type Stack } from '@kyodo/testkit';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, DEFAULT_SUPERGRAPH_PATH, withSubgraphUrls } from '../src/index.js';

/**
 * The real subgraphs, in production mode (they refuse requests without the gateway
 * credential), behind Hive Gateway, and the same supergraph behind @apollo/gateway.
 */
let stack: Stack;
let supergraphSdl: string;
let apollo: { client: GraphQLClient; stop(): Promise<void> };
let tokens: { admin: string; member: string; guest: string };

async function startApolloGateway(sdl: string, gatewaySecret: string) {
  const gateway = new ApolloGateway({
    supergraphSdl: sdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        willSendRequest({ request, context }) {
          request.http?.headers.set(GATEWAY_CREDENTIAL_HEADER, gatewaySecret);
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<{ authorization?: string }>({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { client: createClient(url), stop: () => server.stop() };
}

beforeAll(async () => {
  // the committed supergraph (its freshness is supergraph.test.ts's job); the subgraphs are
  // every one in subgraphs.json, loaded by the testkit: the gateway package imports none of them
  supergraphSdl = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
  stack = await startStack({
    production: true,
    gateway: (args) => createGateway({ supergraphSdl, ...args }),
  });
  apollo = await startApolloGateway(withSubgraphUrls(supergraphSdl, stack.subgraphUrls), stack.auth.gatewaySecret);
  tokens = await stack.auth.demoTokens();
});

afterAll(async () => {
  await apollo?.stop();
  await stack?.close();
});

describe('readiness against the real subgraphs', () => {
  it('/readyz is 200 with every subgraph up, 503 naming the one that is down', async () => {
    const readyz = new URL('/readyz', stack.gatewayUrl).href;
    const up = await fetch(readyz);
    expect(up.status).toBe(200);
    expect(Object.keys(((await up.json()) as { subgraphs: object }).subgraphs).sort()).toEqual(['cards', 'licensing', 'spaces', 'support']);
  });

  it('a subgraph reached directly refuses a request without the gateway credential', async () => {
    const direct = await stack.clientFor('spaces').request('{ viewer { id } }', undefined, { token: tokens.admin });
    expect(direct.status).toBe(403);
  });
});

interface Normalized {
  data: unknown;
  errors: { message: string; path?: readonly (string | number)[]; code: unknown }[];
}

const normalize = (r: { data: unknown; errors?: GraphQLFormattedError[] }): Normalized => ({
  data: r.data ?? null,
  errors: (r.errors ?? []).map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
});

const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      id name email kind isAdmin firstSignInAt
      tenant { id name subdomain contract { course billingCycle startsOn } }
      cardCount
      isSupportRegistrant
    }
  }
`;

const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown>; as?: 'admin' | 'member' | 'guest' }[] = [
  { name: 'anonymous viewer', query: '{ viewer { id } }' },
  { name: 'admin across every subgraph', query: VIEWER, as: 'admin' },
  { name: 'member across every subgraph', query: VIEWER, as: 'member' },
  { name: 'guest across every subgraph', query: VIEWER, as: 'guest' },
  { name: 'typename and aliases', query: '{ __typename me: viewer { who: name kind } }', as: 'member' },
  {
    name: 'sign-in with a wrong password',
    query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
    variables: { input: { tenant: DEMO.tenant.subdomain, email: DEMO.member.email, password: 'not-the-password' } },
  },
];

describe('parity: Hive Gateway and @apollo/gateway answer alike from the same supergraph', () => {
  for (const op of OPERATIONS) {
    it(op.name, async () => {
      const token = op.as ? tokens[op.as] : null;
      const [hive, reference] = await Promise.all([
        stack.client.request(op.query, op.variables, { token }),
        apollo.client.request(op.query, op.variables, { token }),
      ]);
      expect(normalize(hive)).toEqual(normalize(reference));
      // not two identical failures: every signed-in operation returns real data
      if (op.as) {
        expect(hive.errors).toBeUndefined();
        expect(JSON.stringify(hive.data)).toContain(DEMO[op.as].name);
      }
    });
  }

  it('the admin sees the demo tenant through entity fetches to other subgraphs', async () => {
    const { data } = await stack.client.request<{ viewer: { id: string; tenant: { id: string } } }>(VIEWER, undefined, { token: tokens.admin });
    expect(data?.viewer).toMatchObject({ id: DEMO.admin.id, tenant: { id: DEMO.tenant.id } });
  });
});

