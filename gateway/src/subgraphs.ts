import { subgraphRegistry, type RegisteredSubgraph } from '@kyodo/subgraph-kit/registry';

/**
 * Every subgraph behind the gateway, from `subgraphs.json` at the root: names, default ports,
 * URL variables and published schema files. The gateway reads no subgraph code.
 */
export function registeredSubgraphs(): readonly RegisteredSubgraph[] {
  return subgraphRegistry().subgraphs;
}

/** The env variable that overrides each subgraph's URL (`SPACES_URL`...), by subgraph name. */
export const SUBGRAPH_URL_ENV: Readonly<Record<string, string>> = Object.fromEntries(registeredSubgraphs().map((s) => [s.name, s.urlEnv]));
