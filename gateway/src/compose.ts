import { composeServices } from '@apollo/composition';
import { subgraphSdl, type SubgraphDefinition } from '@kyodo/subgraph-kit';
import { parse } from 'graphql';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Supergraph composition failed with ${problems.length} error(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

export function defaultSubgraphUrl(definition: Pick<SubgraphDefinition, 'defaultPort'>): string {
  return `http://localhost:${definition.defaultPort}/graphql`;
}

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** Composition from SDL alone: what tests use for throwaway subgraphs, and what composeSupergraph ends in. */
export function composeSupergraphFromSdl(sources: SubgraphSource[]): string {
  const result = composeServices(sources.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => {
      const code = (error.extensions?.code as string | undefined) ?? 'ERROR';
      return `[${code}] ${error.message}`;
    }));
  }
  return result.supergraphSdl;
}

/**
 * Builds each subgraph's schema in-process (no database, no server) and composes them.
 * The URLs written into the supergraph are only defaults: the gateway rewrites them from
 * its own configuration at start.
 */
export async function composeSupergraph(
  definitions: readonly SubgraphDefinition[],
  urls: Partial<Record<string, string>> = {},
): Promise<string> {
  const sources = await Promise.all(
    definitions.map(async (definition) => ({
      name: definition.name,
      url: urls[definition.name] ?? defaultSubgraphUrl(definition),
      sdl: subgraphSdl(await definition.buildSchema()),
    })),
  );
  return composeSupergraphFromSdl(sources);
}
