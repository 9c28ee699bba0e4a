import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { objectStoreFromUrl, readPublishedSchemas, registryS3ConfigFromEnv, type ObjectStore } from '@kyodo/gateway';
import { loadSubgraphRegistry, REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { collectClientOperations } from './operations.js';
import { loadApprovals } from './schema-check-inputs.js';
import { DEFAULT_USAGE_DAYS, publishSubgraph, rollbackSupergraph } from './schema-publish.js';

const PUBLISH_USAGE = 'npm run schema:publish -- <subgraph> [--schema FILE] [--url URL] [--dry-run] [--usage-days N] [--fail-on-unused]';
const ROLLBACK_USAGE = 'npm run schema:rollback -- [--to VERSION]';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** The repository: subgraphs.json, schema-approvals.json, the client operations. */
  root: string;
  /** Where relative --schema paths start (npm's INIT_CWD: where the command was typed). */
  cwd: string;
  out(line: string): void;
  /** The store, when a test has one made; else from SCHEMA_STORE_URL. */
  store?: ObjectStore;
}

function storeFor(io: CliIo): ObjectStore {
  if (io.store) return io.store;
  const url = io.env.SCHEMA_STORE_URL;
  if (!url) throw new Error('SCHEMA_STORE_URL is not set: the registry store, e.g. s3://kyodo-registry/schemas (with REGISTRY_S3_ENDPOINT and REGISTRY_S3_* credentials)');
  return objectStoreFromUrl(url, registryS3ConfigFromEnv(io.env));
}

/** `schema:publish` and `schema:rollback`; resolves to the exit code. */
export async function runRegistryCommand(command: 'publish' | 'rollback', argv: string[], io: CliIo): Promise<number> {
  if (command === 'rollback') {
    const { values } = parseArgs({ args: argv, options: { to: { type: 'string' } } });
    const to = values.to === undefined ? undefined : Number(values.to);
    if (to !== undefined && !Number.isInteger(to)) throw new Error(`--to takes a version number (${ROLLBACK_USAGE})`);
    const result = await rollbackSupergraph({ store: storeFor(io), to });
    for (const line of result.lines) io.out(line);
    return result.ok ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      schema: { type: 'string' },
      url: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'usage-days': { type: 'string' },
      'fail-on-unused': { type: 'boolean', default: false },
    },
  });
  const subgraph = positionals[0];
  if (!subgraph || positionals.length > 1) throw new Error(`name one subgraph: ${PUBLISH_USAGE}`);
  const usageDays = values['usage-days'] === undefined ? DEFAULT_USAGE_DAYS : Number(values['usage-days']);
  if (!Number.isInteger(usageDays) || usageDays < 1) throw new Error('--usage-days takes a whole number of days (1 or more)');
  const registry = loadSubgraphRegistry(join(io.root, 'subgraphs.json'));
  const registered = registry.subgraphs.find((s) => s.name === subgraph);
  const schemaPath = values.schema ? (isAbsolute(values.schema) ? values.schema : resolve(io.cwd, values.schema)) : registered?.schemaPath;
  if (!schemaPath) throw new Error(`${subgraph} is not in subgraphs.json: give its SDL with --schema FILE (and --url for a new one)`);
  const [sdl, approvals, corpus] = await Promise.all([
    readFile(schemaPath, 'utf8').catch(() => {
      throw new Error(`cannot read ${schemaPath}`);
    }),
    loadApprovals(io.root),
    collectClientOperations(io.root),
  ]);
  const result = await publishSubgraph({
    store: storeFor(io),
    subgraph,
    sdl,
    url: values.url,
    dryRun: values['dry-run'],
    operations: corpus.operations,
    approvals,
    usageDays,
    failOnUnused: values['fail-on-unused'],
    seed: () => readPublishedSchemas(registry.subgraphs),
  });
  for (const line of result.lines) io.out(line);
  return result.ok ? 0 : 1;
}

// run as a command: `schema-registry-cli.ts publish ...` / `rollback ...`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...argv] = process.argv.slice(2);
  try {
    if (command !== 'publish' && command !== 'rollback') throw new Error(`usage: ${PUBLISH_USAGE}\n       ${ROLLBACK_USAGE}`);
    process.exitCode = await runRegistryCommand(command, argv, {
      env: process.env,
      root: process.env.KYODO_ROOT ?? REPOSITORY_ROOT,
      cwd: process.env.INIT_CWD ?? process.cwd(),
      out: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
