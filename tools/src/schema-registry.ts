import { USAGE_PREFIX, type ObjectStore, type SubgraphSource, type UsageEntry, type UsageReportFile } from '@kyodo/gateway';

/**
 * The schema registry's layout in its store (SCHEMA_STORE_URL=s3://bucket/prefix), every key
 * under the prefix:
 *
 *   schemas/<subgraph>/<version>.graphql   each subgraph's SDL as published (history)
 *   schemas/<subgraph>/latest.json         {version, url}: the one the current supergraph uses
 *   supergraph/<version>.graphql           each composed supergraph (history)
 *   supergraph/<version>.json              its manifest: which subgraph versions and URLs
 *   supergraph/current.graphql             what the gateways poll (SUPERGRAPH_URL)
 *   supergraph/current.json                the current manifest
 *   usage/<day>/<replica>-<time>.json      the gateways' field usage, one object per replica per flush
 *   usage-daily/<day>.json                 a past day's usage summed (written by the check on first read)
 *
 * Versions are numbers, zero-padded in keys so a listing sorts them.
 */

export const CURRENT_SUPERGRAPH_KEY = 'supergraph/current.graphql';
const CURRENT_MANIFEST_KEY = 'supergraph/current.json';

export interface ManifestSubgraph {
  name: string;
  url: string;
  /** The key of its SDL: schemas/<name>/<version>.graphql. */
  version: number;
}

export interface SupergraphManifest {
  version: number;
  publishedAt: string;
  /** What this version changed: `publish cards`, `seed`, `rollback to 3`. */
  change: string;
  subgraphs: ManifestSubgraph[];
}

export const versionKey = (version: number) => String(version).padStart(6, '0');
export const subgraphSchemaKey = (name: string, version: number) => `schemas/${name}/${versionKey(version)}.graphql`;
export const supergraphKey = (version: number) => `supergraph/${versionKey(version)}.graphql`;
const manifestKey = (version: number) => `supergraph/${versionKey(version)}.json`;

async function readText(store: ObjectStore, key: string): Promise<string | null> {
  const found = await store.read(key);
  return found === null || found === 'not-modified' ? null : found.text;
}

export async function readCurrentManifest(store: ObjectStore): Promise<SupergraphManifest | null> {
  return (await readCurrent(store))?.manifest ?? null;
}

/** The current manifest and its ETag: the next publish or rollback replaces it only if it is still that one. */
export async function readCurrent(store: ObjectStore): Promise<{ manifest: SupergraphManifest; etag?: string } | null> {
  const found = await store.read(CURRENT_MANIFEST_KEY);
  if (found === null || found === 'not-modified') return null;
  return { manifest: JSON.parse(found.text) as SupergraphManifest, etag: found.etag };
}

/** What the current manifest must still be when it is replaced: its ETag, or none at all (an empty store). */
export type CurrentExpectation = { etag?: string } | 'absent';

export async function readManifest(store: ObjectStore, version: number): Promise<SupergraphManifest | null> {
  const text = await readText(store, manifestKey(version));
  return text ? (JSON.parse(text) as SupergraphManifest) : null;
}

export async function readSupergraphVersion(store: ObjectStore, version: number): Promise<string> {
  const text = await readText(store, supergraphKey(version));
  if (text === null) throw new Error(`${store.label}/${supergraphKey(version)} is missing`);
  return text;
}

/** Every supergraph version in the store, oldest first. */
export async function listSupergraphVersions(store: ObjectStore): Promise<number[]> {
  const keys = await store.list('supergraph/');
  return keys
    .map((key) => /^supergraph\/(\d+)\.json$/.exec(key)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The subgraphs of a manifest with their SDL, ready to compose. */
export async function manifestSources(store: ObjectStore, manifest: SupergraphManifest): Promise<SubgraphSource[]> {
  return Promise.all(
    manifest.subgraphs.map(async (s) => {
      const sdl = await readText(store, subgraphSchemaKey(s.name, s.version));
      if (sdl === null) throw new Error(`${store.label}/${subgraphSchemaKey(s.name, s.version)} is missing (named by supergraph version ${manifest.version})`);
      return { name: s.name, url: s.url, sdl };
    }),
  );
}

/**
 * Writes a new supergraph version: the changed subgraphs' SDL and the versioned supergraph and
 * manifest first, the `current` keys the gateways poll last, so a gateway never reads a current
 * supergraph whose history is not written yet.
 */
export async function writeSupergraphVersion(
  store: ObjectStore,
  input: {
    version: number;
    supergraphSdl: string;
    change: string;
    sources: SubgraphSource[];
    changed: string[];
    previous?: SupergraphManifest;
    now: Date;
    /** Refuse (StoreConflictError) when another publish moved `current` since it was read. */
    expected?: CurrentExpectation;
  },
): Promise<SupergraphManifest> {
  const subgraphs: ManifestSubgraph[] = input.sources.map((source) => {
    const kept = input.previous?.subgraphs.find((s) => s.name === source.name);
    return kept && !input.changed.includes(source.name) ? { ...kept, url: source.url } : { name: source.name, url: source.url, version: input.version };
  });
  const manifest: SupergraphManifest = { version: input.version, publishedAt: input.now.toISOString(), change: input.change, subgraphs };
  // the version number is claimed first (written only if absent): two publishes never share one
  await store.write(manifestKey(input.version), JSON.stringify(manifest, null, 2), { contentType: 'application/json', ifNoneMatch: '*' });
  for (const source of input.sources) {
    if (subgraphs.find((s) => s.name === source.name)?.version === input.version) await store.write(subgraphSchemaKey(source.name, input.version), source.sdl);
  }
  await store.write(supergraphKey(input.version), input.supergraphSdl);
  await makeCurrent(store, manifest, input.supergraphSdl, input.expected);
  return manifest;
}

/** Points the gateways at a version (a publish, or a rollback to an older one). */
export async function makeCurrent(store: ObjectStore, manifest: SupergraphManifest, supergraphSdl: string, expected?: CurrentExpectation): Promise<void> {
  // the commit point: replaced only if no other publish or rollback replaced it since it was read
  const condition = expected === 'absent' ? { ifNoneMatch: '*' as const } : expected?.etag ? { ifMatch: expected.etag } : {};
  await store.write(CURRENT_MANIFEST_KEY, JSON.stringify(manifest, null, 2), { contentType: 'application/json', ...condition });
  await store.write(CURRENT_SUPERGRAPH_KEY, supergraphSdl);
  for (const s of manifest.subgraphs) {
    await store.write(`schemas/${s.name}/latest.json`, JSON.stringify({ version: s.version, url: s.url }), { contentType: 'application/json' });
  }
}

const DAY_MS = 86_400_000;

function addEntries(into: Map<string, UsageEntry>, entries: UsageEntry[]): void {
  for (const entry of entries) {
    const key = `${entry.hash}\u0000${entry.client.name}\u0000${entry.client.version}`;
    const found = into.get(key);
    if (found) found.count += entry.count;
    else into.set(key, { ...entry, client: { ...entry.client } });
  }
}

/**
 * The gateways' recorded usage of the last `days` days (today included), summed per operation
 * and client. A finished day is summed once into usage-daily/<day>.json, so later checks read
 * one object for it instead of one per replica per minute.
 */
export async function readUsage(store: ObjectStore, days: number, now: Date): Promise<UsageEntry[]> {
  const today = now.toISOString().slice(0, 10);
  const total = new Map<string, UsageEntry>();
  for (let i = 0; i < days; i++) {
    const day = new Date(now.getTime() - i * DAY_MS).toISOString().slice(0, 10);
    const summaryKey = `usage-daily/${day}.json`;
    if (day !== today) {
      const summary = await readText(store, summaryKey);
      if (summary !== null) {
        addEntries(total, JSON.parse(summary) as UsageEntry[]);
        continue;
      }
    }
    const keys = await store.list(`${USAGE_PREFIX}${day}/`);
    if (keys.length === 0) continue;
    const dayTotal = new Map<string, UsageEntry>();
    for (let start = 0; start < keys.length; start += 16) {
      const reports = await Promise.all(keys.slice(start, start + 16).map((key) => readText(store, key)));
      for (const text of reports) if (text) addEntries(dayTotal, (JSON.parse(text) as UsageReportFile).operations);
    }
    // a day two or more back is finished: every replica's last flush of it is long written
    if (i >= 2) await store.write(summaryKey, JSON.stringify([...dayTotal.values()]), { contentType: 'application/json' });
    addEntries(total, [...dayTotal.values()]);
  }
  return [...total.values()];
}
