import { composeSupergraphFromSdl, createUsageRecorder, operationCoordinates, StoreConflictError, type ObjectStore, type SubgraphSource } from '@kyodo/gateway';
import { silentLogger } from '@kyodo/subgraph-kit/logger';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf } from '../src/schema-check.js';
import { publishSubgraph, rollbackSupergraph, type PublishInput } from '../src/schema-publish.js';
import { readCurrentManifest, readUsage } from '../src/schema-registry.js';

/** The store in memory, with ETags and conditional writes as S3 gives them. */
function memoryStore(): ObjectStore & { objects: Map<string, string> } {
  const objects = new Map<string, string>();
  let writes = 0;
  const etags = new Map<string, string>();
  return {
    objects,
    label: 'memory://registry',
    async read(key, etag) {
      const text = objects.get(key);
      if (text === undefined) return null;
      if (etag && etags.get(key) === etag) return 'not-modified';
      return { text, etag: etags.get(key) };
    },
    async write(key, text, options) {
      if (options?.ifNoneMatch === '*' && objects.has(key)) throw new StoreConflictError(key);
      if (options?.ifMatch && etags.get(key) !== options.ifMatch) throw new StoreConflictError(key);
      objects.set(key, text);
      etags.set(key, `"${++writes}"`);
    },
    async list(prefix) {
      return [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
    },
  };
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const CATALOGUE = `${LINK}
type Query { items(first: Int, search: String): [Item!]! legacyItems: [Item!]! }
type Item @key(fields: "id") { id: ID! title: String! sku: String size: Size }
enum Size { S M L }`;
const seed = async (): Promise<SubgraphSource[]> => [{ name: 'catalogue', url: 'http://catalogue:4001/graphql', sdl: CATALOGUE }];
const NOW = new Date('2026-12-07T01:00:00Z');

function input(store: ObjectStore, over: Partial<PublishInput>): PublishInput {
  return { store, subgraph: 'catalogue', sdl: CATALOGUE, operations: [], approvals: [], seed, now: () => NOW, ...over };
}

/** Two apps' traffic as the gateway records it, flushed to the store. */
async function recordTraffic(store: ObjectStore): Promise<void> {
  const schema = apiSchemaOf(composeSupergraphFromSdl(await seed()));
  let clock = NOW.getTime() - 60_000;
  const recorder = createUsageRecorder({ store, schema: () => schema, logger: silentLogger, flushIntervalMs: 3_600_000, replica: 'gw-1', now: () => clock });
  const withSku = parse('query ItemCodes { items(first: 5) { id ...Codes } } fragment Codes on Item { sku }');
  for (let i = 0; i < 4; i++) recorder.record(withSku, 'ItemCodes', { name: 'kyodo-ios', version: '3.2.1' });
  recorder.record(withSku, 'ItemCodes', { name: 'kyodo-android', version: '2.0.0' });
  recorder.record(parse('{ items { title } }'), undefined, {});
  clock = NOW.getTime();
  await recorder.close();
}

describe('field usage as the gateway records it', () => {
  it('names every field with its parent type, the arguments sent and the types returned, fragments included', () => {
    const schema = buildSchema('type Query { items(first: Int, search: String): [Item!]! } type Item { id: ID! sku: String }');
    expect(operationCoordinates(schema, parse('query Q { items(first: 5) { id ...F __typename } } fragment F on Item { sku }'), 'Q')).toEqual([
      'Item',
      'Item.id',
      'Item.sku',
      'ID',
      'Query.items',
      'Query.items.first',
      'String',
    ].sort());
  });

  it('is written as one object per flush (none when nothing was counted), summed per operation and client', async () => {
    const store = memoryStore();
    await recordTraffic(store);
    const reports = [...store.objects.keys()].filter((k) => k.startsWith('usage/'));
    expect(reports).toEqual([expect.stringMatching(/^usage\/2026-12-07\/gw-1-\d+-0\.json$/)]);
    const entries = await readUsage(store, 30, NOW);
    expect(entries.map((e) => [e.name ?? '(anonymous)', `${e.client.name} ${e.client.version}`.trim(), e.count]).sort()).toEqual([
      ['(anonymous)', 'unknown', 1],
      ['ItemCodes', 'kyodo-android 2.0.0', 1],
      ['ItemCodes', 'kyodo-ios 3.2.1', 4],
    ]);
  });

  it('reads only the window, and sums a finished day once into usage-daily/', async () => {
    const store = memoryStore();
    const entry = { hash: 'h', client: { name: 'old-app', version: '1' }, count: 2, coordinates: ['Item.sku'] };
    await store.write('usage/2026-12-01/gw-1-1-0.json', JSON.stringify({ replica: 'gw-1', from: '', to: '', operations: [entry] }));
    await store.write('usage/2026-12-01/gw-2-1-0.json', JSON.stringify({ replica: 'gw-2', from: '', to: '', operations: [entry] }));
    await store.write('usage/2026-10-01/gw-1-1-0.json', JSON.stringify({ replica: 'gw-1', from: '', to: '', operations: [{ ...entry, client: { name: 'too-old', version: '1' } }] }));
    expect(await readUsage(store, 30, NOW)).toEqual([{ ...entry, count: 4 }]);
    expect(JSON.parse(store.objects.get('usage-daily/2026-12-01.json')!)).toEqual([{ ...entry, count: 4 }]);
    store.objects.delete('usage/2026-12-01/gw-1-1-0.json');
    expect(await readUsage(store, 30, NOW)).toEqual([{ ...entry, count: 4 }]);
    expect(await readUsage(store, 3, NOW)).toEqual([]);
  });
});

describe('npm run schema:publish and schema:rollback', () => {
  it('seeds an empty store from the repository, then refuses a break the recorded traffic used, naming the clients', async () => {
    const store = memoryStore();
    // the first publish (a new field) seeds the store and is served as version 1
    const first = await publishSubgraph(input(store, { sdl: CATALOGUE.replace('sku: String', 'sku: String colour: String') }));
    expect(first.ok, first.lines.join('\n')).toBe(true);
    expect(first.lines[0]).toMatch(/memory:\/\/registry is empty: seeding it with catalogue/);
    expect(first.version).toBe(1);
    expect(store.objects.get('supergraph/current.graphql')).toContain('colour');
    expect(JSON.parse(store.objects.get('schemas/catalogue/latest.json')!)).toEqual({ version: 1, url: 'http://catalogue:4001/graphql' });

    await recordTraffic(store);
    const removeSku = await publishSubgraph(input(store, { sdl: CATALOGUE.replace('sku: String', 'colour: String') }));
    expect(removeSku.ok).toBe(false);
    const report = removeSku.lines.join('\n');
    expect(report).toMatch(/✗ BREAKING\s+Item\.sku: Field 'sku' was removed/);
    expect(report).toContain('used in the last 30 days by:\n        kyodo-ios 3.2.1: 1 operation(s) (ItemCodes), 4 request(s)\n        kyodo-android 2.0.0: 1 operation(s) (ItemCodes), 1 request(s)');
    expect(report).toMatch(/Result: FAILED \(1 unapproved breaking change\(s\) used by kyodo-ios 3\.2\.1, kyodo-android 2\.0\.0\)/);
    expect(report).toMatch(/Nothing published/);
    expect((await readCurrentManifest(store))?.version).toBe(1);

    // the same break, approved in schema-approvals.json, passes
    const approved = await publishSubgraph(input(store, { sdl: CATALOGUE.replace('sku: String', 'colour: String'), dryRun: true, approvals: [{ path: 'Item.sku', reason: 'the apps were told in November; colour replaces it' }] }));
    expect(approved.ok, approved.lines.join('\n')).toBe(true);
    expect(approved.lines.at(-1)).toBe('Dry run: nothing published.');
    expect((await readCurrentManifest(store))?.version).toBe(1);
  });

  it('lets a break no client used in the window through (unless --fail-on-unused), and never one whose use it cannot see', async () => {
    const store = memoryStore();
    await publishSubgraph(input(store, {}));
    await recordTraffic(store);
    const withoutLegacy = CATALOGUE.replace(' legacyItems: [Item!]!', '');
    const unused = await publishSubgraph(input(store, { sdl: withoutLegacy }));
    expect(unused.ok, unused.lines.join('\n')).toBe(true);
    expect(unused.lines.join('\n')).toMatch(/Query\.legacyItems: [^\n]*\n\s+no recorded use in the last 30 days \(not failing: --fail-on-unused to fail anyway\)/);
    expect(unused.version).toBe(2);
    const strict = await publishSubgraph(input(store, { sdl: withoutLegacy.replace(' title: String!', ''), failOnUnused: true }));
    expect(strict.ok).toBe(false);
    // an argument the recorded operations send: used
    const noFirst = await publishSubgraph(input(store, { sdl: withoutLegacy.replace('first: Int, ', '') }));
    expect(noFirst.ok).toBe(false);
    expect(noFirst.lines.join('\n')).toMatch(/Query\.items\.first[^\n]*\n\s+used in the last 30 days by:\n\s+kyodo-ios 3\.2\.1/);
    // an enum value: the gateway does not record values, so the break counts as used
    const noLarge = await publishSubgraph(input(store, { sdl: withoutLegacy.replace('S M L', 'S M') }));
    expect(noLarge.ok).toBe(false);
    expect(noLarge.lines.join('\n')).toMatch(/Size\.L[^\n]*\n\s+usage not recorded for this kind of change: treated as used/);
  });

  it('adds a subgraph from outside the repository given its SDL and URL, and rolls back', async () => {
    const store = memoryStore();
    const partners = `${LINK} type Item @key(fields: "id") { id: ID! partnerPrice: Int } type Query { partnerProgramme: String! }`;
    const noUrl = await publishSubgraph(input(store, { subgraph: 'partners', sdl: partners }));
    expect(noUrl.ok).toBe(false);
    expect(noUrl.lines.at(-1)).toMatch(/partners is a new subgraph: give the URL the gateways reach it at with --url/);
    expect(await store.list('supergraph/')).toEqual([]);

    expect((await publishSubgraph(input(store, {}))).version).toBe(1);
    const added = await publishSubgraph(input(store, { subgraph: 'partners', sdl: partners, url: 'https://partners.example.com/graphql' }));
    expect(added.ok, added.lines.join('\n')).toBe(true);
    expect(added.version).toBe(2);
    expect(store.objects.get('supergraph/current.graphql')).toContain('partnerPrice');
    expect((await readCurrentManifest(store))?.subgraphs).toEqual([
      { name: 'catalogue', url: 'http://catalogue:4001/graphql', version: 1 },
      { name: 'partners', url: 'https://partners.example.com/graphql', version: 2 },
    ]);
    // publishing the same again writes nothing
    expect((await publishSubgraph(input(store, { subgraph: 'partners', sdl: partners }))).lines.at(-1)).toMatch(/already published as is/);

    const back = await rollbackSupergraph({ store });
    expect(back.lines).toEqual([expect.stringMatching(/^Rolled back from supergraph version 2 to 1 \(catalogue@1\)/)]);
    expect(store.objects.get('supergraph/current.graphql')).not.toContain('partnerPrice');
    expect(store.objects.get('supergraph/current.graphql')).toBe(store.objects.get('supergraph/000001.graphql'));
    expect((await rollbackSupergraph({ store })).ok).toBe(false);
    expect((await rollbackSupergraph({ store, to: 7 })).lines[0]).toMatch(/no supergraph version 7 .*it has: 1, 2/);
    expect((await rollbackSupergraph({ store, to: 2 })).ok).toBe(true);
    expect(store.objects.get('supergraph/current.graphql')).toContain('partnerPrice');
  });

  it('two publishes at once: one wins, the other is told to run again, and the history stays whole', async () => {
    const store = memoryStore();
    await publishSubgraph(input(store, {}));
    const [a, b] = await Promise.all([
      publishSubgraph(input(store, { sdl: CATALOGUE.replace('sku: String', 'sku: String colour: String') })),
      publishSubgraph(input(store, { sdl: CATALOGUE.replace('sku: String', 'sku: String weight: Int') })),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser.lines.at(-1)).toMatch(/another publish or rollback changed the registry while this one was checked. Run the command again/);
    const current = store.objects.get('supergraph/current.graphql')!;
    expect(current.includes('colour') !== current.includes('weight')).toBe(true);
    expect(store.objects.get('supergraph/000002.graphql')).toBe(current);
  });
});
