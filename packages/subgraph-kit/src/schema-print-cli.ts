import { relative, resolve } from 'node:path';
import { REPOSITORY_ROOT, subgraphRegistry } from './registry.js';
import { loadRegisteredDefinition, writePublishedSchema } from './schema-publish.js';

// `npm run schema:print`: in a subgraph's workspace, writes its schema.graphql; at the root
// (`--all`), every registered subgraph's. Builds the schema in-process: no server, no database.
const all = process.argv.includes('--all');
const here = resolve(process.cwd());
const entries = subgraphRegistry().subgraphs.filter((entry) => all || resolve(REPOSITORY_ROOT, entry.workspace) === here);
try {
  if (entries.length === 0) throw new Error(`${here} is not a subgraph listed in subgraphs.json; run this in a services/<name> workspace, or with --all.`);
  for (const entry of entries) {
    const { path, changed } = await writePublishedSchema(await loadRegisteredDefinition(entry));
    process.stdout.write(`${changed ? 'Wrote' : 'Unchanged'} ${relative(process.cwd(), path) || path}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
