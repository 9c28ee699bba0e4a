import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { printClientSchema } from './client-schema.js';

/**
 * `npm run codegen -w @kyodo/client`: after `npm run compose`, derives the clients' schema from
 * the supergraph (packages/client/schema.graphql) and regenerates the typed documents and the
 * trusted-documents manifest (src/gql/) with GraphQL Code Generator's client preset.
 * `-- --check`: regenerates into a temporary folder and exits 1 when the committed files differ
 * (CI and the schema check run it, so a schema change that breaks an operation is caught).
 */
const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const ROOT = resolve(PACKAGE_DIR, '..', '..');
const SUPERGRAPH = join(ROOT, 'gateway', 'supergraph.graphql');
const SCHEMA = join(PACKAGE_DIR, 'schema.graphql');
const GENERATED = join(PACKAGE_DIR, 'src', 'gql');

async function generateInto(schemaPath: string, outDir: string): Promise<void> {
  await generate(
    {
      schema: schemaPath,
      documents: [join(PACKAGE_DIR, 'operations', '**', '*.graphql')],
      ignoreNoDocuments: false,
      silent: true,
      generates: {
        [`${outDir}/`]: {
          preset: 'client',
          presetConfig: {
            // the gateway accepts these hashes in production (trusted documents, issue 13)
            persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
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
    await generateInto(SCHEMA, GENERATED);
    process.stdout.write(`client: ${relative(ROOT, SCHEMA)} and ${relative(ROOT, GENERATED)}/ regenerated from ${relative(ROOT, SUPERGRAPH)}\n`);
    return;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kyodo-client-codegen-'));
  try {
    const stale: string[] = [];
    if ((await readFile(SCHEMA, 'utf8').catch(() => '')) !== schema) stale.push(relative(ROOT, SCHEMA));
    const schemaPath = join(scratch, 'schema.graphql');
    await writeFile(schemaPath, schema);
    await generateInto(schemaPath, join(scratch, 'gql'));
    const fresh = await filesOf(join(scratch, 'gql'));
    const committed = await filesOf(GENERATED).catch(() => new Map<string, string>());
    for (const name of new Set([...fresh.keys(), ...committed.keys()])) {
      if (fresh.get(name) !== committed.get(name)) stale.push(relative(ROOT, join(GENERATED, name)));
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
