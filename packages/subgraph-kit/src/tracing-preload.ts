// `node --import @kyodo/subgraph-kit/tracing-preload <main>`: tracing starts (when
// OTEL_EXPORTER_OTLP_ENDPOINT is set) before the main module loads. Why a preload: tracing-start.ts.
import { startSubgraphTracing } from './tracing-start.js';

await startSubgraphTracing('kyodo-subgraph', { preloaded: true });
