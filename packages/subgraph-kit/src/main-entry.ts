import type { SubgraphDefinition } from './definition.js';
import type { SubgraphMainOptions } from './main.js';
import { exitOnStartupError } from './startup.js';
import { startSubgraphTracing } from './tracing-start.js';

/**
 * A subgraph process's main (`services/<name>/src/main.ts`): tracing first, when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, then the kit and the subgraph, imported only afterwards so
 * the instrumentations see node:http, graphql and mysql2 load (tracing-start.ts says why).
 * Import nothing else from the kit in a main: a static import would load it before tracing.
 */
export async function subgraphMain(name: string, load: () => Promise<SubgraphDefinition>, options: SubgraphMainOptions = {}): Promise<void> {
  try {
    await startSubgraphTracing(`kyodo-${name}`);
  } catch (error) {
    exitOnStartupError(name, error);
  }
  const [{ runSubgraphMain }, definition] = await Promise.all([import('./main.js'), load()]);
  await runSubgraphMain(definition, options);
}
