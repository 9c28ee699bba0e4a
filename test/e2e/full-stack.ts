import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createGateway } from '@kyodo/gateway';
import type { TokenVerifier } from '@kyodo/auth';
import type { Clock } from '@kyodo/subgraph-kit';
import { startStack, type StackOptions, type Stack } from '@kyodo/testkit';

/**
 * With a ManualClock, tokens are issued at the clock's time; the gateway must check their
 * expiry at that time too, as the subgraphs do, or a test that travels in time is refused.
 */
function atClock(verifier: TokenVerifier, clock: Clock): TokenVerifier {
  return { verify: (token, options) => verifier.verify(token, { now: clock.now(), ...options }) };
}

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url));

/** Every subgraph in subgraphs.json and the gateway over real HTTP, on fresh databases, with the demo tenant. */
export async function startFullStack(options: Omit<StackOptions, 'subgraphs' | 'gateway'> = {}): Promise<Stack> {
  const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
  const clock = options.clock;
  return startStack({
    ...options,
    gateway: ({ subgraphUrls, verifier, gatewaySecret }) =>
      // T5: the gateway follows spaces' access feed, as in production
      createGateway({ supergraphSdl, subgraphUrls, verifier: clock ? atClock(verifier, clock) : verifier, gatewaySecret, accessFeed: {} }),
  });
}
