import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ServiceMetrics } from '@kyodo/subgraph-kit/metrics';
import { LATENCY_BUCKETS } from '@kyodo/subgraph-kit/metrics';
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { Counter, Histogram } from 'prom-client';

export const GATEWAY_METRIC_NAMES = {
  subgraphRequests: 'kyodo_gateway_subgraph_requests_total',
  subgraphErrors: 'kyodo_gateway_subgraph_errors_total',
  subgraphDuration: 'kyodo_gateway_subgraph_request_duration_seconds',
  singleSubgraphPath: 'kyodo_gateway_single_subgraph_path_total',
  queryLane: 'kyodo_gateway_query_lane_total',
} as const;

/** The per-subgraph series, made once per registry: the plugin (built again on a reload) and the lane both count into them. */
interface SubgraphSeries {
  requests: Counter<'subgraph' | 'operation'>;
  errors: Counter<'subgraph' | 'operation'>;
  duration: Histogram<'subgraph'>;
}

const seriesByMetrics = new WeakMap<ServiceMetrics, SubgraphSeries>();

function subgraphSeries(metrics: ServiceMetrics): SubgraphSeries {
  let series = seriesByMetrics.get(metrics);
  if (series) return series;
  const registers = [metrics.registry];
  series = {
    requests: new Counter({
      name: GATEWAY_METRIC_NAMES.subgraphRequests,
      help: 'Requests the gateway sent to each subgraph, by subgraph and client operation name.',
      labelNames: ['subgraph', 'operation'],
      registers,
    }),
    errors: new Counter({
      name: GATEWAY_METRIC_NAMES.subgraphErrors,
      help: 'Subgraph answers that carried errors (or failed), by subgraph and client operation name.',
      labelNames: ['subgraph', 'operation'],
      registers,
    }),
    duration: new Histogram({
      name: GATEWAY_METRIC_NAMES.subgraphDuration,
      help: 'Time a subgraph took to answer the gateway, by subgraph.',
      labelNames: ['subgraph'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
  seriesByMetrics.set(metrics, series);
  return series;
}

/**
 * What the query lane (query-lane.ts) did, by the plan's first subgraph and
 * its number of fetches: `served`, it answered by itself; `handed_back`, it sent the fetches but
 * an answer needed the engine (errors, extensions, a failed or slow subgraph), which then sent
 * them again.
 */
export function queryLaneCounter(metrics: ServiceMetrics): (route: { root: { subgraph: string }; entities: readonly unknown[] }, outcome: 'served' | 'handed_back') => void {
  const counter = new Counter({
    name: GATEWAY_METRIC_NAMES.queryLane,
    help: 'Queries the lane answered without the GraphQL engine (served), or sent and handed back to it (handed_back), by first subgraph and number of fetches.',
    labelNames: ['subgraph', 'fetches', 'outcome'],
    registers: [metrics.registry],
  });
  return (route, outcome) => counter.inc({ subgraph: route.root.subgraph, fetches: String(1 + route.entities.length), outcome });
}

/** A request the lane answered, counted as the plugin counts one the engine answered: the request, and each subgraph fetch. */
export function observeLaneRequest(metrics: ServiceMetrics, operation: string | undefined, seconds: number, fetches: ReadonlyArray<{ subgraph: string; seconds: number }>): void {
  const series = subgraphSeries(metrics);
  metrics.observeRequest(operation, seconds, []);
  const label = metrics.operationLabel(operation);
  for (const fetch of fetches) {
    series.requests.inc({ subgraph: fetch.subgraph, operation: label });
    series.duration.observe({ subgraph: fetch.subgraph }, fetch.seconds);
  }
}

/**
 * Operations sent to their one subgraph without the query plan's executor (single-subgraph-path.ts),
 * by subgraph: with kyodo_gateway_subgraph_requests_total, the share of requests that took it.
 */
export function singleSubgraphPathCounter(metrics: ServiceMetrics): (subgraph: string) => void {
  const counter = new Counter({
    name: GATEWAY_METRIC_NAMES.singleSubgraphPath,
    help: 'Operations answered by one subgraph fetch without the query plan executor, by subgraph.',
    labelNames: ['subgraph'],
    registers: [metrics.registry],
  });
  return (subgraph) => counter.inc({ subgraph });
}

interface Started {
  at: number;
  operation?: string | null;
}

function errorCodesOf(result: unknown): string[] {
  const results = (Array.isArray(result) ? result : [result]) as (ExecutionResult | undefined)[];
  return results.flatMap((one) => (one && typeof one === 'object' && Array.isArray(one.errors) ? one.errors : [])).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * The gateway's request metrics (the same names as a subgraph's, service="gateway") plus one
 * series per subgraph fetch, labelled by subgraph and the client's operation name: which
 * subgraph a slow or failing operation waits on. Written here rather than with Hive's Prometheus
 * plugin, which comes with the @graphql-hive/gateway CLI package (about 150 MB more RSS) and
 * registers on prom-client's global registry (several gateways in one test process would share it).
 */
export function useGatewayMetrics(metrics: ServiceMetrics): GatewayPlugin {
  const { requests: subgraphRequests, errors: subgraphErrors, duration: subgraphDuration } = subgraphSeries(metrics);
  const started = new WeakMap<Request, Started>();
  return {
    onRequest({ request }) {
      started.set(request, { at: performance.now() });
    },
    onParams({ request, params }) {
      const entry = started.get(request);
      if (entry) entry.operation = params.operationName;
    },
    onParse({ context }) {
      const entry = started.get((context as { request: Request }).request);
      if (!entry) return;
      // clients often send only the document: its operation's name is the label
      return ({ result }) => {
        const document = result as DocumentNode | Error | null;
        if (document && !(document instanceof Error) && document.kind === Kind.DOCUMENT) {
          entry.operation = getOperationAST(document, entry.operation)?.name?.value ?? entry.operation;
        }
      };
    },
    onResultProcess({ request, result }) {
      const entry = started.get(request);
      if (!entry) return;
      // one observation per request, even when Yoga processes a batch's results one by one
      started.delete(request);
      metrics.observeRequest(entry.operation, (performance.now() - entry.at) / 1000, errorCodesOf(result));
    },
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const request = (executionRequest.context as { request?: Request } | undefined)?.request;
      const labels = { subgraph: subgraphName, operation: metrics.operationLabel(request ? started.get(request)?.operation : undefined) };
      const at = performance.now();
      subgraphRequests.inc(labels);
      return ({ result }) => {
        subgraphDuration.observe({ subgraph: subgraphName }, (performance.now() - at) / 1000);
        if (errorCodesOf(result).length > 0) subgraphErrors.inc(labels);
      };
    },
  };
}
