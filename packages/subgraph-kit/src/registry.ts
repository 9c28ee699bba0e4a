import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The repository root: subgraph-kit sits at packages/subgraph-kit/{src,dist}/, so the root is
 * three levels up whether run from source (tsx, vitest) or built.
 */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `subgraphs.json` at the root: the one list of subgraphs, their ports, URL variables and schema files. */
export const SUBGRAPH_REGISTRY_PATH = resolve(REPOSITORY_ROOT, 'subgraphs.json');

const NAME = /^[a-z][a-z0-9-]*$/;

const registryFileSchema = z
  .object({
    portBase: z.number().int().min(1).max(65000),
    subgraphs: z
      .array(
        z.object({
          name: z.string().regex(NAME, 'must be lower-case letters, digits and dashes, starting with a letter'),
          package: z.string().min(1),
          workspace: z.string().min(1),
          portOffset: z.number().int().min(1).max(99),
          urlEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an upper-case environment variable name'),
          schema: z.string().endsWith('.graphql'),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    for (const key of ['name', 'portOffset', 'urlEnv', 'workspace'] as const) {
      const seen = new Set<unknown>();
      for (const [index, entry] of file.subgraphs.entries()) {
        if (seen.has(entry[key])) ctx.addIssue({ code: 'custom', path: ['subgraphs', index, key], message: `${String(entry[key])} is used by two subgraphs` });
        seen.add(entry[key]);
      }
    }
  });

export interface RegisteredSubgraph {
  /** The subgraph name in the supergraph (`@join__graph(name:)`) and in logs. */
  readonly name: string;
  /** Its npm workspace package, e.g. `@kyodo/spaces`: what tests import to run it in-process. */
  readonly package: string;
  /** Its folder, relative to the repository root. */
  readonly workspace: string;
  readonly portOffset: number;
  /** portBase + portOffset: where `npm start` runs it and where the committed supergraph points. */
  readonly defaultPort: number;
  /** The env variable that tells the gateway and its peers where it is (`SPACES_URL`). */
  readonly urlEnv: string;
  /** Its published schema, relative to the repository root. */
  readonly schema: string;
  /** The same, absolute. */
  readonly schemaPath: string;
}

export interface SubgraphRegistry {
  readonly portBase: number;
  readonly subgraphs: readonly RegisteredSubgraph[];
}

/** Reads and checks a registry file; a mistake in it names the entry and field. */
export function loadSubgraphRegistry(path = SUBGRAPH_REGISTRY_PATH): SubgraphRegistry {
  const root = dirname(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the subgraph registry ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = registryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`The subgraph registry ${path} is invalid:\n${problems}`);
  }
  const { portBase } = parsed.data;
  return {
    portBase,
    subgraphs: parsed.data.subgraphs.map((entry) => ({
      ...entry,
      defaultPort: portBase + entry.portOffset,
      schemaPath: resolve(root, entry.schema),
    })),
  };
}

let cached: SubgraphRegistry | undefined;

/** The repository's registry, read once per process. */
export function subgraphRegistry(): SubgraphRegistry {
  cached ??= loadSubgraphRegistry();
  return cached;
}

/** One registered subgraph by name; an unknown name is a typo and fails loudly. */
export function registeredSubgraph(name: string): RegisteredSubgraph {
  const found = subgraphRegistry().subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`No subgraph "${name}" in ${SUBGRAPH_REGISTRY_PATH} (it lists: ${subgraphRegistry().subgraphs.map((s) => s.name).join(', ')}).`);
  return found;
}
