import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_ROOT, subgraphRegistry, type RegisteredSubgraph } from './registry.js';
import { loadRegisteredDefinition } from './schema-publish.js';
import { isStartupError } from './startup.js';

// `npm run migrate [-- <subgraph>...]`: applies every pending migration of each subgraph (all
// listed in subgraphs.json, or the ones named) and exits 0; a failure exits 1 with one plain
// line naming the subgraph. The databases are the ones `npm start` uses: <NAME>_DATABASE_URL,
// else the SQLite file <DATA_DIR>/<name>.sqlite (DATA_DIR default: <repo>/data).
// Run from source (tsx) it migrates with the workspaces' src/; built (dist/migrate-cli.js) with
// their dist/, so the container image needs neither tsx nor TypeScript.

const built = fileURLToPath(import.meta.url).endsWith('.js');

/** `my-thing` -> `MY_THING_DATABASE_URL`, as scripts/start.mjs reads it. */
function databaseUrlFor(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`];
  if (own) return own;
  const dataDir = env.DATA_DIR ? (isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(env.DATA_DIR)) : resolve(REPOSITORY_ROOT, 'data');
  return `sqlite:${resolve(dataDir, `${name}.sqlite`)}`;
}

const withoutPassword = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

function chosen(names: string[]): RegisteredSubgraph[] {
  const all = subgraphRegistry().subgraphs;
  const unknown = names.filter((name) => !all.some((entry) => entry.name === name));
  if (unknown.length > 0) throw new Error(`unknown subgraph ${unknown.join(', ')}: subgraphs.json lists ${all.map((e) => e.name).join(', ')}.`);
  return names.length === 0 ? [...all] : all.filter((entry) => names.includes(entry.name));
}

async function main(): Promise<void> {
  for (const entry of chosen(process.argv.slice(2).filter((arg) => arg !== '--'))) {
    const url = databaseUrlFor(entry.name);
    try {
      const definition = await loadRegisteredDefinition(entry, REPOSITORY_ROOT, built ? 'dist/index.js' : 'src/index.ts');
      if (!definition.migrate) throw new Error(`${entry.workspace} does not offer migrate() (is it built with defineSubgraph?)`);
      const applied = await definition.migrate(url);
      process.stdout.write(`${entry.name}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`} (${withoutPassword(url)})\n`);
    } catch (error) {
      const reason = isStartupError(error) || error instanceof Error ? error.message : String(error);
      throw new Error(`${entry.name}: migration failed on ${withoutPassword(url)}: ${reason}`, { cause: error });
    }
  }
}

try {
  await main();
} catch (error) {
  // a plain line, no stack: the message names the subgraph, the database and the cause
  process.stderr.write(`npm run migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
