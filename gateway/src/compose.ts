import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { composeServices } from '@apollo/composition';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import type { RegisteredSubgraph } from '@kyodo/subgraph-kit/registry';
import { parse } from 'graphql';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Supergraph composition failed with ${problems.length} error(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** The URL written into the committed supergraph: `npm start`'s port; the gateway overrides it from env. */
export function defaultSubgraphUrl(subgraph: Pick<RegisteredSubgraph, 'defaultPort'>): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** Composition from SDL alone: every way of composing ends here. */
export function composeSupergraphFromSdl(sources: SubgraphSource[]): string {
  const unparsable: string[] = [];
  const services = sources.flatMap(({ name, url, sdl }) => {
    try {
      return [{ name, url, typeDefs: parse(sdl) }];
    } catch (error) {
      unparsable.push(`[INVALID_GRAPHQL] subgraph "${name}": ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });
  if (unparsable.length > 0) throw new CompositionError(unparsable);
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => {
      const code = (error.extensions?.code as string | undefined) ?? 'ERROR';
      return `[${code}] ${error.message}`;
    }));
  }
  return result.supergraphSdl;
}

/** Each subgraph's published `schema.graphql`, as listed in the registry. */
export async function readPublishedSchemas(subgraphs: readonly RegisteredSubgraph[]): Promise<SubgraphSource[]> {
  return Promise.all(
    subgraphs.map(async (subgraph) => {
      let sdl: string;
      try {
        sdl = await readFile(subgraph.schemaPath, 'utf8');
      } catch {
        throw new Error(`${relative(process.cwd(), subgraph.schemaPath)} is missing: run \`npm run schema:print -w ${subgraph.package}\` to publish the ${subgraph.name} schema.`);
      }
      return { name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl };
    }),
  );
}

/**
 * Each running subgraph's SDL from `_service { sdl }` (`npm run compose -- --from-urls`). The
 * gateway credential is sent when given, since a production subgraph refuses requests without it.
 */
export async function fetchPublishedSchemas(
  subgraphs: readonly RegisteredSubgraph[],
  urls: Partial<Record<string, string>> = {},
  gatewaySecret?: string,
): Promise<SubgraphSource[]> {
  return Promise.all(
    subgraphs.map(async (subgraph) => {
      const url = urls[subgraph.name] ?? defaultSubgraphUrl(subgraph);
      let body: { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(gatewaySecret ? { [GATEWAY_CREDENTIAL_HEADER]: gatewaySecret } : {}) },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
          signal: AbortSignal.timeout(10_000),
        });
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw new Error(`Cannot read the ${subgraph.name} schema from ${url} (${error instanceof Error ? error.message : String(error)}); is it running? Set ${subgraph.urlEnv} to its URL.`);
      }
      const sdl = body.data?._service?.sdl;
      if (typeof sdl !== 'string') throw new Error(`${url} did not answer _service { sdl }: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      return { name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl };
    }),
  );
}

/** The supergraph of the registered subgraphs' published schemas: what `npm run compose` writes. */
export async function composeRegisteredSubgraphs(subgraphs: readonly RegisteredSubgraph[]): Promise<string> {
  return composeSupergraphFromSdl(await readPublishedSchemas(subgraphs));
}
