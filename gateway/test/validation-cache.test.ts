import { createTokenIssuer, createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { buildASTSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLimits, useRequestChecks } from '../src/index.js';
import { withSubgraphUrls } from '../src/supergraph-urls.js';
import { startTinySubgraphs, type TinyStack } from './support/tiny-subgraphs.js';

/**
 * Parsing and validating a document is done once per document and audience, not per request:
 * the gateway's per-request checks add validation rules by who is asking (guests and anonymous
 * callers get an introspection rule), and none of them may defeat the engine's cache. Counted
 * with the cost rule, which reads the supergraph's types each time validation really runs.
 */
describe('validation cache with the per-request checks', () => {
  let stack: TinyStack;
  let runtime: ReturnType<typeof createGatewayRuntime>;
  let validations = 0;
  const tokens = {} as Record<'member' | 'guest', string>;

  beforeAll(async () => {
    stack = await startTinySubgraphs();
    const keys = await generateSigningKeys();
    const issuer = createTokenIssuer(keys);
    tokens.member = await issuer.sign({ userId: 'p1', tenantId: 't1', kind: 'MEMBER', roles: [] });
    tokens.guest = await issuer.sign({ userId: 'p2', tenantId: 't1', kind: 'GUEST', roles: [] });
    const supergraphSdl = withSubgraphUrls(stack.supergraphSdl, stack.urls);
    const shapes = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
    runtime = createGatewayRuntime({
      supergraph: supergraphSdl,
      unifiedGraphHandler,
      logging: false,
      plugins: () =>
        useRequestChecks({
          verifier: createTokenVerifier(keys),
          introspection: 'everyone',
          limits: resolveLimits(),
          shapes: () => {
            validations += 1;
            return shapes;
          },
        }),
    });
  });
  afterAll(async () => {
    await runtime?.dispose();
    await stack?.close();
  });

  const post = async (query: string, token?: string) => {
    const response = await runtime.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  };

  it('validates a document once per audience, however many requests send it', async () => {
    const query = '{ me { id name } }';
    for (let i = 0; i < 4; i++) {
      for (const token of [tokens.member, tokens.guest, undefined]) expect((await post(query, token)).errors).toBeUndefined();
    }
    // member and anonymous add no rule (introspection: everyone); a guest adds the named guest rule
    expect(validations).toBe(2);
  });

  it('S3: still refuses a guest\'s introspection on every request, from the cache', async () => {
    const before = validations;
    for (let i = 0; i < 3; i++) {
      const answer = await post('{ __schema { queryType { name } } }', tokens.guest);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(validations - before).toBe(1);
    expect((await post('{ __schema { queryType { name } } }', tokens.member)).errors).toBeUndefined();
  });
});
