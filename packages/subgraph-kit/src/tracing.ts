import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { SpanKind } from '@opentelemetry/api';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * The OTLP exporter the environment asks for: `http/json` when OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
 * (or OTEL_EXPORTER_OTLP_PROTOCOL) says so, else `http/protobuf` (the specification's default).
 * Both read OTEL_EXPORTER_OTLP_ENDPOINT (…/v1/traces is appended) and OTEL_EXPORTER_OTLP_HEADERS.
 */
export function otlpTraceExporter(env: NodeJS.ProcessEnv = process.env): SpanExporter {
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  if (protocol === 'grpc') throw new Error('OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported by Kyodo; use http/protobuf or http/json.');
  return protocol === 'http/json' ? new OTLPJsonTraceExporter() : new OTLPProtoTraceExporter();
}

/** Probes and scrapes every few seconds would bury the traces of real requests. */
const UNTRACED_PATHS = new Set(['/health', '/healthz', '/readyz', '/metrics']);

/**
 * A trace starts only at a request (an HTTP server span); a span with no parent that is not one
 * (the schema parsed at start-up, a background sweep's SQL) is dropped rather than exported as
 * a trace of its own. Below a sampled request everything follows the parent's decision, so the
 * gateway's sampling rate holds for the whole trace.
 */
const requestRootSampler: tracing.Sampler = {
  shouldSample: (_context, _traceId, _name, kind) => ({
    decision: kind === SpanKind.SERVER ? tracing.SamplingDecision.RECORD_AND_SAMPLED : tracing.SamplingDecision.NOT_RECORD,
  }),
  toString: () => 'RequestRootSampler',
};

export interface NodeTracing {
  shutdown(): Promise<void>;
}

/**
 * The Node SDK for a subgraph: its incoming and outgoing HTTP (undici covers `fetch`, so a peer
 * call carries the trace on), GraphQL execution and mysql2 statements, exported by OTLP.
 * Instrumentations patch modules as they load: start it before node:http, graphql and mysql2 are
 * imported (tracing-start.ts, called first by subgraphMain).
 */
export function startNodeTracing(serviceName: string): NodeTracing {
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: otlpTraceExporter(),
    sampler: new tracing.ParentBasedSampler({ root: requestRootSampler }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has((req.url ?? '/').split('?')[0]!) }),
      new UndiciInstrumentation(),
      // trivial resolvers (plain property reads) would be most of the spans and say nothing
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new MySQL2Instrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
