import { ApolloServer } from '@apollo/server';
import type { Viewer } from '@kyodo/auth';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/context.js';
import { scopedTokenPlugin, type ScopedAccess } from '../src/scoped-access.js';

// typeDefs rather than a schema object: the test runner may load graphql twice (ESM and CJS)
const typeDefs = `type Query { cards: [String!]! secret: String } type Mutation { deleteCard: Boolean }`;
const resolvers = { Query: { cards: () => ['a'], secret: () => 's' }, Mutation: { deleteCard: () => true } };
const session: Viewer = { userId: 'u1', tenantId: 't1', kind: 'MEMBER', roles: [] };
const scoped: Viewer = { ...session, scopes: ['cards:read'], tokenId: 'tok' };

async function run(access: ScopedAccess, viewer: Viewer, query: string) {
  const server = new ApolloServer<RequestContext>({ typeDefs, resolvers, plugins: [scopedTokenPlugin(access)] });
  await server.start();
  try {
    const response = await server.executeOperation({ query }, { contextValue: { viewer } as RequestContext });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  } finally {
    await server.stop();
  }
}

describe('C6: integration tokens (scoped viewers) fail closed in every subgraph', () => {
  it('leaves normal sessions alone', async () => {
    expect((await run({}, session, 'mutation { deleteCard }')).data).toEqual({ deleteCard: true });
  });

  it('refuses every operation in a subgraph that accepts no scope', async () => {
    const result = await run({}, scoped, '{ secret }');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/連携トークン|integration token can only read/), extensions: { code: 'FORBIDDEN', rule: 'C6' } });
  });

  it('serves queries where the scope is accepted, never mutations', async () => {
    const access: ScopedAccess = { acceptsScopes: ['cards:read'] };
    expect((await run(access, scoped, '{ cards }')).data).toEqual({ cards: ['a'] });
    const result = await run(access, scoped, 'mutation { deleteCard }');
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/連携トークン|integration token can only read/), extensions: { code: 'FORBIDDEN', rule: 'C6' } });
  });

  it('lets the subgraph decide each query: refuse, admit a narrow exception, or throw its own error', async () => {
    const seen: boolean[] = [];
    const access: ScopedAccess = {
      admitQuery: async (_ctx, { operation, accepted }) => {
        seen.push(accepted);
        if (operation.name?.value === 'Boom') throw new Error('revoked');
        return operation.name?.value === 'Narrow';
      },
    };
    expect((await run(access, scoped, 'query Narrow { cards }')).data).toEqual({ cards: ['a'] });
    expect((await run(access, scoped, 'query Wide { secret }')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await run(access, scoped, 'query Boom { secret }')).data).toBeUndefined();
    expect((await run(access, scoped, 'mutation Narrow { deleteCard }')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(seen).toEqual([false, false, false]);
  });
});
