import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SubgraphDefinition } from './definition.js';
import { subgraphSdl } from './federation.js';
import { REPOSITORY_ROOT, registeredSubgraph, type RegisteredSubgraph } from './registry.js';

/**
 * The schema a subgraph publishes (`services/<name>/schema.graphql`): exactly what it answers to
 * `_service { sdl }`, so composing from the files and from running subgraphs (`--from-urls`) agree.
 */
export async function publishedSchemaText(definition: Pick<SubgraphDefinition, 'buildSchema'>): Promise<string> {
  const sdl = subgraphSdl(await definition.buildSchema());
  return sdl.endsWith('\n') ? sdl : `${sdl}\n`;
}

/** The published file against what the code builds now: what each subgraph's freshness test compares. */
export async function publishedSchemaState(definition: Pick<SubgraphDefinition, 'name' | 'buildSchema'>): Promise<{ path: string; committed: string; fresh: string }> {
  const { schemaPath } = registeredSubgraph(definition.name);
  const committed = await readFile(schemaPath, 'utf8').catch(() => '');
  return { path: schemaPath, committed, fresh: await publishedSchemaText(definition) };
}

/** Writes the subgraph's published schema; resolves to whether the file changed. */
export async function writePublishedSchema(definition: Pick<SubgraphDefinition, 'name' | 'buildSchema'>): Promise<{ path: string; changed: boolean }> {
  const { path, committed, fresh } = await publishedSchemaState(definition);
  if (committed !== fresh) await writeFile(path, fresh);
  return { path, changed: committed !== fresh };
}

function isDefinitionFor(value: unknown, name: string): value is SubgraphDefinition {
  const candidate = value as Partial<SubgraphDefinition> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.name === name && typeof candidate.create === 'function' && typeof candidate.buildSchema === 'function';
}

/**
 * A registered subgraph's definition, imported from its workspace's `src/index.ts` by path (not
 * by package name), so a subgraph works before `npm install` has linked it. Only tests, the
 * schema printer and the migrate step (`dist/index.js` when built) call this: the gateway never
 * loads subgraph code.
 */
export async function loadRegisteredDefinition(entry: RegisteredSubgraph, root = REPOSITORY_ROOT, entryFile = 'src/index.ts'): Promise<SubgraphDefinition> {
  const module = (await import(pathToFileURL(resolve(root, entry.workspace, entryFile)).href)) as Record<string, unknown>;
  const definition = Object.values(module).find((value) => isDefinitionFor(value, entry.name));
  if (!definition) throw new Error(`${entry.workspace}/${entryFile} exports no subgraph definition named "${entry.name}" (defineSubgraph({ name: '${entry.name}', ... })).`);
  return definition;
}
