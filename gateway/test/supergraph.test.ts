import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, composeSupergraphFromSdl, CompositionError, DEFAULT_SUPERGRAPH_PATH, subgraphDefinitions, supergraphFileText, supergraphSubgraphs, withSubgraphUrls } from '../src/index.js';

describe('the committed supergraph', () => {
  it('composes without errors and matches gateway/supergraph.graphql (run `npm run compose` when this fails)', async () => {
    const fresh = supergraphFileText(await composeSupergraph(subgraphDefinitions));
    const committed = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8').catch(() => '');
    expect(committed, 'gateway/supergraph.graphql is stale or missing: run `npm run compose` and commit it').toBe(fresh);
  });

  it('routes to the four subgraphs on their default ports', async () => {
    const committed = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
    expect(supergraphSubgraphs(committed).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'cards', url: 'http://localhost:4003/graphql' },
      { name: 'licensing', url: 'http://localhost:4002/graphql' },
      { name: 'spaces', url: 'http://localhost:4001/graphql' },
      { name: 'support', url: 'http://localhost:4004/graphql' },
    ]);
  });
});

describe('composition helpers', () => {
  const a = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: Thing } type Thing @key(fields: "id") { id: ID! }';
  const b = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { b: String } type Thing @key(fields: "id") { id: ID! size: Int }';

  it('lists every composition error readably', () => {
    const clash = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: Int }';
    expect(() => composeSupergraphFromSdl([{ name: 'a', url: 'http://a/graphql', sdl: a }, { name: 'c', url: 'http://c/graphql', sdl: clash }])).toThrow(CompositionError);
    try {
      composeSupergraphFromSdl([{ name: 'a', url: 'http://a/graphql', sdl: a }, { name: 'c', url: 'http://c/graphql', sdl: clash }]);
    } catch (error) {
      expect((error as CompositionError).message).toMatch(/^Supergraph composition failed with \d+ error\(s\):\n {2}- \[[A-Z_]+\] /);
      expect((error as CompositionError).problems.length).toBeGreaterThan(0);
    }
  });

  it('overrides subgraph URLs by name and refuses unknown names', () => {
    const sdl = composeSupergraphFromSdl([{ name: 'a', url: 'http://a/graphql', sdl: a }, { name: 'b', url: 'http://b/graphql', sdl: b }]);
    const moved = withSubgraphUrls(sdl, { b: 'http://127.0.0.1:9999/graphql' });
    expect(supergraphSubgraphs(moved)).toEqual([
      { name: 'a', url: 'http://a/graphql' },
      { name: 'b', url: 'http://127.0.0.1:9999/graphql' },
    ]);
    expect(() => withSubgraphUrls(sdl, { c: 'http://x/graphql' })).toThrow(/No subgraph named "c"/);
  });
});
