import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composeRegisteredSubgraphs,
  composeSupergraphFromSdl,
  CompositionError,
  DEFAULT_SUPERGRAPH_PATH,
  defaultSubgraphUrl,
  registeredSubgraphs,
  SUBGRAPH_URL_ENV,
  supergraphFileText,
  supergraphSubgraphs,
  withSubgraphUrls,
} from '../src/index.js';

const GATEWAY_DIR = join(import.meta.dirname, '..');
const SERVICE_PACKAGE = /@kyodo\/(spaces|licensing|cards|support)\b/;

describe('the committed supergraph', () => {
  it('composes from the published schemas and matches gateway/supergraph.graphql (run `npm run compose` when this fails)', async () => {
    const fresh = supergraphFileText(await composeRegisteredSubgraphs(registeredSubgraphs()));
    const committed = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8').catch(() => '');
    expect(committed, 'gateway/supergraph.graphql is stale or missing: run `npm run compose` and commit it').toBe(fresh);
  });

  it('routes to every subgraph in subgraphs.json on its default port', async () => {
    const committed = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const registered = registeredSubgraphs().map((s) => ({ name: s.name, url: defaultSubgraphUrl(s) }));
    expect(registered.map((s) => s.name).sort()).toEqual(['cards', 'licensing', 'spaces', 'support']);
    expect(registered.find((s) => s.name === 'spaces')?.url).toBe('http://localhost:4001/graphql');
    expect(supergraphSubgraphs(committed).sort(byName)).toEqual(registered.sort(byName));
  });

  it('takes each subgraph URL variable from the registry', () => {
    expect(SUBGRAPH_URL_ENV).toEqual({ spaces: 'SPACES_URL', licensing: 'LICENSING_URL', cards: 'CARDS_URL', support: 'SUPPORT_URL' });
  });
});

describe('the gateway loads no subgraph code', () => {
  it('no file under gateway/src imports @kyodo/spaces, licensing, cards or support', async () => {
    const files = (await readdir(join(GATEWAY_DIR, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(GATEWAY_DIR, 'src', file), 'utf8');
      if (SERVICE_PACKAGE.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('gateway/package.json has no runtime dependency on a subgraph package', async () => {
    const pkg = JSON.parse(await readFile(join(GATEWAY_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => SERVICE_PACKAGE.test(name))).toEqual([]);
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

  it('names the subgraph whose published schema does not parse', () => {
    expect(() => composeSupergraphFromSdl([{ name: 'a', url: 'http://a/graphql', sdl: a }, { name: 'broken', url: 'http://b/graphql', sdl: 'type Query {' }])).toThrow(
      /\[INVALID_GRAPHQL\] subgraph "broken"/,
    );
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
