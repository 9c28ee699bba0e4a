/**
 * Starts OpenTelemetry tracing in a subgraph process when OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * otherwise loads nothing and costs nothing per request.
 *
 * Why a preload (`node --import @kyodo/subgraph-kit/tracing-preload <main>`, tracing-preload.ts): instrumentations
 * patch a module as it loads, and a subgraph's main imports graphql (ESM), Apollo and TypeORM
 * statically, so the SDK must be running before the main module is even linked. ESM modules
 * cannot be patched by require hooks: the import-in-the-middle loader hook is registered here,
 * limited to the modules an instrumentation asks for (createAddHookMessageChannel), so every
 * other module loads untouched. The same file works from source (tsx, `development` condition:
 * src/tracing-preload.ts) and built (dist/tracing-preload.js, plain Node). scripts/start.mjs
 * adds the flag only when the endpoint is set; a container sets it in NODE_OPTIONS.
 *
 * runSubgraphMain imports this module too: a process started without the flag still traces
 * HTTP, fetch and mysql2 (those patch at first use or by prototype), only graphql's own spans
 * are missing; it warns about that.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';

interface Tracing {
  serviceName: string;
  preloaded: boolean;
  shutdown(): Promise<void>;
}

let tracing: Tracing | undefined;

/** `@kyodo/spaces` in the working directory's package.json -> `kyodo-spaces` (a container starts in its workspace). */
function serviceNameFromCwd(): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { name?: string }).name;
    return name?.startsWith('@kyodo/') ? `kyodo-${name.slice('@kyodo/'.length)}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts tracing once per process (later calls return the running one). `fallbackName` names the
 * service when neither OTEL_SERVICE_NAME nor the working directory's package does.
 */
export async function startSubgraphTracing(fallbackName: string, options: { preloaded?: boolean } = {}): Promise<Tracing | undefined> {
  if (tracing || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_SDK_DISABLED === 'true') return tracing;
  const serviceName = process.env.OTEL_SERVICE_NAME || serviceNameFromCwd() || fallbackName;
  const preloaded = options.preloaded ?? false;
  let acknowledged: (() => Promise<void>) | undefined;
  if (preloaded) {
    const { createAddHookMessageChannel } = await import('import-in-the-middle');
    const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
    register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
    acknowledged = waitForAllMessagesAcknowledged;
  }
  const { startNodeTracing } = await import('./tracing.js');
  const sdk = startNodeTracing(serviceName);
  // the loader must know every hooked module before the main module's imports are resolved
  await acknowledged?.();
  tracing = { serviceName, preloaded, shutdown: () => sdk.shutdown() };
  return tracing;
}

/** Exports the spans still buffered; call before the process exits (a stop on SIGTERM). */
export async function flushTracing(): Promise<void> {
  await tracing?.shutdown().catch(() => undefined);
}

export function runningTracing(): Pick<Tracing, 'serviceName' | 'preloaded'> | undefined {
  return tracing;
}
