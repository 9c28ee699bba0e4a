/**
 * Starts OpenTelemetry tracing in a subgraph process when OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * otherwise loads nothing and costs nothing per request.
 *
 * Why before everything else: instrumentations patch a module as it loads, and the kit imports
 * node:http, graphql (ESM) and Apollo statically, so the SDK must run before they are imported.
 * ESM imports cannot be patched by require hooks: the import-in-the-middle loader hook is
 * registered here, limited to the modules an instrumentation asks for
 * (createAddHookMessageChannel), so every other module loads untouched. A `--import` preload
 * would also do it, but needs a flag in every way a service is started (npm start, start:prod,
 * each image's CMD); subgraphMain (main-entry.ts) starts this first and imports the rest
 * afterwards, so the same main works from source (tsx), built and in a container, with no flag.
 */
import { register } from 'node:module';

interface Tracing {
  serviceName: string;
  shutdown(): Promise<void>;
}

let tracing: Tracing | undefined;

/**
 * Starts tracing once per process (later calls return the running one) as OTEL_SERVICE_NAME, or
 * `serviceName`. Call it before anything imports node:http, graphql or mysql2.
 */
export async function startSubgraphTracing(serviceName: string): Promise<Tracing | undefined> {
  if (tracing || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_SDK_DISABLED === 'true') return tracing;
  const name = process.env.OTEL_SERVICE_NAME || serviceName;
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const { startNodeTracing } = await import('./tracing.js');
  const sdk = startNodeTracing(name);
  // the loader must know every hooked module before the service's own imports are resolved
  await waitForAllMessagesAcknowledged();
  tracing = { serviceName: name, shutdown: () => sdk.shutdown() };
  return tracing;
}

/** Exports the spans still buffered; call before the process exits (a stop on SIGTERM). */
export async function flushTracing(): Promise<void> {
  await tracing?.shutdown().catch(() => undefined);
}
