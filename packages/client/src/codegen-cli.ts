import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { printClientSchema } from './client-schema.js';

/**
 * `npm run codegen -w @kyodo/client`: after `npm run compose`, derives the clients' schema from
 * the supergraph (packages/client/schema.graphql) and regenerates the typed documents and the
 * trusted-documents manifest (src/gql/) with GraphQL Code Generator's client preset.
 * A second target types the e2e tests' operations (test/e2e/operations → test/e2e/gql/), so a
 * schema change that breaks a test fails to typecheck; it has no persisted-documents manifest,
 * because the gateway must trust only what the apps send in production.
 * `-- --check`: regenerates into a temporary folder and exits 1 when the committed files differ
 * (CI and the schema check run it, so a schema change that breaks an operation is caught).
 */
const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const ROOT = resolve(PACKAGE_DIR, '..', '..');
const SUPERGRAPH = join(ROOT, 'gateway', 'supergraph.graphql');
const SCHEMA = join(PACKAGE_DIR, 'schema.graphql');

interface Target {
  documents: string;
  generated: string;
  /** Only the apps' documents go into the gateway's trusted-documents manifest. */
  persisted: boolean;
}

const TARGETS: Target[] = [
  { documents: join(PACKAGE_DIR, 'operations'), generated: join(PACKAGE_DIR, 'src', 'gql'), persisted: true },
  { documents: join(ROOT, 'test', 'e2e', 'operations'), generated: join(ROOT, 'test', 'e2e', 'gql'), persisted: false },
];

async function generateInto(schemaPath: string, target: Target, outDir: string): Promise<void> {
  await generate(
    {
      schema: schemaPath,
      documents: [join(target.documents, '**', '*.graphql')],
      ignoreNoDocuments: false,
      silent: true,
      generates: {
        [`${outDir}/`]: {
          preset: 'client',
          presetConfig: {
            // the gateway accepts these hashes in production (trusted documents, issue 13)
            persistedDocuments: target.persisted ? { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } : false,
            fragmentMasking: false,
          },
          config: {
            // our packages are ESM under NodeNext resolution: imports need their .js
            emitLegacyCommonJSImports: false,
            useTypeImports: true,
            enumsAsTypes: true,
            strictScalars: true,
            scalars: { Date: 'string', DateTime: 'string', SafeInt: 'number', JSON: 'unknown', _Any: 'unknown', Upload: 'unknown' },
          },
        },
      },
    },
    true,
  );
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(join(dir, name), 'utf8'));
  return out;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const schema = printClientSchema(await readFile(SUPERGRAPH, 'utf8'));
  if (!check) {
    await writeFile(SCHEMA, schema);
    for (const target of TARGETS) await generateInto(SCHEMA, target, target.generated);
    const outputs = TARGETS.map((target) => `${relative(ROOT, target.generated)}/`).join(' and ');
    process.stdout.write(`client: ${relative(ROOT, SCHEMA)}, ${outputs} regenerated from ${relative(ROOT, SUPERGRAPH)}\n`);
    return;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kyodo-client-codegen-'));
  try {
    const stale: string[] = [];
    if ((await readFile(SCHEMA, 'utf8').catch(() => '')) !== schema) stale.push(relative(ROOT, SCHEMA));
    const schemaPath = join(scratch, 'schema.graphql');
    await writeFile(schemaPath, schema);
    for (const [index, target] of TARGETS.entries()) {
      const outDir = join(scratch, `gql-${index}`);
      await generateInto(schemaPath, target, outDir);
      const fresh = await filesOf(outDir);
      const committed = await filesOf(target.generated).catch(() => new Map<string, string>());
      for (const name of new Set([...fresh.keys(), ...committed.keys()])) {
        if (fresh.get(name) !== committed.get(name)) stale.push(relative(ROOT, join(target.generated, name)));
      }
    }
    if (stale.length > 0) {
      process.stderr.write(`client: generated files are out of date (${stale.join(', ')}): run \`npm run codegen -w @kyodo/client\` and commit the result\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write('client: generated files are up to date\n');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  // codegen reports a document that no longer matches the schema as an error listing each problem
  process.stderr.write(`client: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
