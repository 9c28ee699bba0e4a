import { composeSupergraphFromSdl, StoreConflictError, type ObjectStore, type SubgraphSource } from '@kyodo/gateway';
import type { ClientOperation } from './operations.js';
import { checkSchema, type SchemaApproval, type SchemaCheckResult } from './schema-check.js';
import {
  listSupergraphVersions,
  makeCurrent,
  manifestSources,
  readCurrent,
  readManifest,
  readSupergraphVersion,
  readUsage,
  writeSupergraphVersion,
  type SupergraphManifest,
} from './schema-registry.js';

export const DEFAULT_USAGE_DAYS = 30;

const CONFLICT = 'Nothing published: another publish or rollback changed the registry while this one was checked. Run the command again: it checks against the new current version.';

export interface PublishInput {
  store: ObjectStore;
  subgraph: string;
  sdl: string;
  /** Where the gateways reach it; kept from the current version when not given (required for a new subgraph). */
  url?: string;
  dryRun?: boolean;
  operations: ClientOperation[];
  approvals: SchemaApproval[];
  usageDays?: number;
  failOnUnused?: boolean;
  /** The repository's published schemas (subgraphs.json): what an empty store starts from. */
  seed: () => Promise<SubgraphSource[]>;
  now?: () => Date;
}

export interface PublishResult {
  ok: boolean;
  check?: SchemaCheckResult;
  /** The new supergraph version, when written. */
  version?: number;
  lines: string[];
}

/**
 * `npm run schema:publish`: the candidate SDL composed with the other subgraphs' current
 * versions in the store, checked (composition, breaking changes against the current supergraph
 * with the clients that used them, the repository's client operations, approvals), and on
 * success written as a new supergraph version the gateways pick up. An empty store is seeded
 * from the repository's published schemas, which are then the baseline.
 */
export async function publishSubgraph(input: PublishInput): Promise<PublishResult> {
  const now = input.now ?? (() => new Date());
  const lines: string[] = [];
  const read = await readCurrent(input.store);
  const current = read?.manifest;
  let others: SubgraphSource[];
  let baseline: { sdl: string; label: string };
  if (current) {
    others = await manifestSources(input.store, current);
    baseline = { sdl: await readSupergraphVersion(input.store, current.version), label: `supergraph version ${current.version} in ${input.store.label}` };
  } else {
    others = await input.seed();
    baseline = { sdl: composeSupergraphFromSdl(others), label: "the repository's published schemas (the store is empty: they seed it)" };
    lines.push(`${input.store.label} is empty: seeding it with ${others.map((s) => s.name).join(', ')} from subgraphs.json`);
  }
  const existing = others.find((s) => s.name === input.subgraph);
  const url = input.url ?? existing?.url;
  if (!url) {
    return { ok: false, lines: [...lines, `${input.subgraph} is a new subgraph: give the URL the gateways reach it at with --url`] };
  }
  if (!/^https?:\/\//.test(url)) return { ok: false, lines: [...lines, `--url must be an http(s) URL (got ${url})`] };
  const candidate: SubgraphSource = { name: input.subgraph, url, sdl: input.sdl };
  const sources = existing ? others.map((s) => (s.name === input.subgraph ? candidate : s)) : [...others, candidate];
  lines.push(`${existing ? 'Publishing a new version of' : 'Adding'} ${input.subgraph} (${url})`);

  const days = input.usageDays ?? DEFAULT_USAGE_DAYS;
  const entries = await readUsage(input.store, days, now());
  const check = await checkSchema({
    sources,
    baseline,
    operations: input.operations,
    approvals: input.approvals,
    usage: { entries, days, failOnUnused: input.failOnUnused },
  });
  lines.push(...check.lines);
  if (!check.ok || !check.supergraphSdl) return { ok: false, check, lines: [...lines, 'Nothing published.'] };
  const unchanged = existing && existing.sdl === input.sdl && existing.url === url;
  if (input.dryRun) return { ok: true, check, lines: [...lines, 'Dry run: nothing published.'] };
  if (unchanged && current) return { ok: true, check, lines: [...lines, `${input.subgraph} is already published as is (supergraph version ${current.version}): nothing to do.`] };
  const version = Math.max(0, ...(await listSupergraphVersions(input.store))) + 1;
  try {
    await writeSupergraphVersion(input.store, {
      version,
      supergraphSdl: check.supergraphSdl,
      change: current ? `publish ${input.subgraph}` : `seed, then publish ${input.subgraph}`,
      sources,
      changed: current ? [input.subgraph] : sources.map((s) => s.name),
      previous: current,
      now: now(),
      expected: read ? { etag: read.etag } : 'absent',
    });
  } catch (error) {
    if (error instanceof StoreConflictError) return { ok: false, check, lines: [...lines, CONFLICT] };
    throw error;
  }
  lines.push(`Published supergraph version ${version} to ${input.store.label}; the gateways serve it at their next poll.`);
  return { ok: true, check, version, lines };
}

/**
 * `npm run schema:rollback`: makes an earlier supergraph version current again (default: the
 * one before the current). No check: it is a version the gateways already served.
 */
export async function rollbackSupergraph(input: { store: ObjectStore; to?: number }): Promise<{ ok: boolean; version?: number; lines: string[] }> {
  const read = await readCurrent(input.store);
  if (!read) return { ok: false, lines: [`${input.store.label} has no published supergraph to roll back`] };
  const current = read.manifest;
  const versions = await listSupergraphVersions(input.store);
  const to = input.to ?? versions.filter((v) => v < current.version).at(-1);
  if (to === undefined) return { ok: false, lines: [`supergraph version ${current.version} is the first one: there is nothing before it to roll back to`] };
  const manifest: SupergraphManifest | null = await readManifest(input.store, to);
  if (!manifest) return { ok: false, lines: [`no supergraph version ${to} in ${input.store.label} (it has: ${versions.join(', ')})`] };
  if (to === current.version) return { ok: true, version: to, lines: [`supergraph version ${to} is already current`] };
  try {
    await makeCurrent(input.store, manifest, await readSupergraphVersion(input.store, to), { etag: read.etag });
  } catch (error) {
    if (error instanceof StoreConflictError) return { ok: false, lines: [CONFLICT.replace('Nothing published', 'Not rolled back')] };
    throw error;
  }
  return {
    ok: true,
    version: to,
    lines: [`Rolled back from supergraph version ${current.version} to ${to} (${manifest.subgraphs.map((s) => `${s.name}@${s.version}`).join(', ')}); the gateways serve it at their next poll.`],
  };
}
