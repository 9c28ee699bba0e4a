import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cardsSubgraph } from '@kyodo/cards';
import { createGateway } from '@kyodo/gateway';
import { licensingSubgraph } from '@kyodo/licensing';
import { spacesSubgraph } from '@kyodo/spaces';
import { supportSubgraph } from '@kyodo/support';
import { startStack, type StackOptions, type Stack } from '@kyodo/testkit';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url));

/** All four subgraphs and the gateway over real HTTP, on fresh databases, with the demo tenant. */
export async function startFullStack(options: Omit<StackOptions, 'subgraphs' | 'gateway'> = {}): Promise<Stack> {
  const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
  return startStack({
    ...options,
    subgraphs: [spacesSubgraph, licensingSubgraph, cardsSubgraph, supportSubgraph],
    gateway: ({ subgraphUrls, verifier, gatewaySecret }) => createGateway({ supergraphSdl, subgraphUrls, verifier, gatewaySecret }),
  });
}
