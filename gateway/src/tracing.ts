import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { silentLogger, type Logger } from '@kyodo/subgraph-kit/logger';
import { activeTraceId, setCurrentTraceId } from '@kyodo/subgraph-kit/request-id';
import { hiveLoggerFor } from './gateway.js';

export interface GatewayTracing {
  /** Hive's OpenTelemetry plugin and the one that puts its trace id on the request's log lines. */
  plugins: GatewayPlugin[];
  serviceName: string;
}

/**
 * OpenTelemetry for the gateway when OTEL_EXPORTER_OTLP_ENDPOINT is set, else undefined and
 * nothing loaded: the SDK, the exporter and Hive's plugin are imported here only, on demand, so
 * a gateway without tracing pays no start-up time, memory or per-request work for it.
 *
 * Hive's plugin traces in-process (HTTP request, GraphQL parse/validate/execute, each subgraph
 * execution and fetch) and needs nothing loaded first, unlike a subgraph (see subgraph-kit tracing-start.ts).
 * It continues the caller's `traceparent` and sends its own span's on every subgraph fetch, so a
 * subgraph's spans join the same trace.
 */
export async function startGatewayTracing(env: NodeJS.ProcessEnv = process.env, logger: Logger = silentLogger): Promise<GatewayTracing | undefined> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_SDK_DISABLED === 'true') return undefined;
  const [{ openTelemetrySetup }, { useOpenTelemetry }, { AsyncLocalStorageContextManager }, { otlpTraceExporter }] = await Promise.all([
    import('@graphql-hive/plugin-opentelemetry/setup'),
    import('@graphql-hive/plugin-opentelemetry'),
    import('@opentelemetry/context-async-hooks'),
    import('@kyodo/subgraph-kit/tracing'),
  ]);
  const serviceName = env.OTEL_SERVICE_NAME || 'kyodo-gateway';
  // the share of requests traced is decided here once; the subgraphs' SDKs follow the parent's decision
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG);
  openTelemetrySetup({
    samplingRate: env.OTEL_TRACES_SAMPLER_ARG && ratio >= 0 && ratio <= 1 ? ratio : 1,
    // async-hooks context: a log line written inside the request finds the request's span
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName },
    traces: { exporter: otlpTraceExporter(env) },
    // its start-up report and the OTel diagnostics (OTEL_LOG_LEVEL) as our JSON lines, not Hive's pretty print
    log: hiveLoggerFor(logger),
  });
  // flushes the batch when the runtime is disposed (gateway.close(), on SIGTERM)
  const otel = useOpenTelemetry({ traces: true });
  const traceIdInLogs: GatewayPlugin = {
    // runs inside the HTTP span Hive's plugin opened for this request, which has the trace id
    // the lines of a request without a `traceparent` would otherwise lack
    onRequest() {
      const traceId = activeTraceId();
      if (traceId) setCurrentTraceId(traceId);
    },
  };
  return { plugins: [otel as GatewayPlugin, traceIdInLogs], serviceName };
}
