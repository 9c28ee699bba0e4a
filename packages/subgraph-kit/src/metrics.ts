import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { SubgraphDeps } from './definition.js';

/**
 * Prometheus metrics of one process (a subgraph or the gateway). One registry per server
 * instance, never prom-client's global one: tests start several servers in one process, and
 * each must expose only its own counts.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Records one finished GraphQL request: its operation, how long it took, the error codes it answered. */
  observeRequest(operation: string | null | undefined, seconds: number, errorCodes: readonly string[]): void;
  /** The label for an operation name, with the cardinality bounded (see operationLabel). */
  operationLabel(operation: string | null | undefined): string;
  /** Counts one routine request (a probe, a scrape, a change-feed poll): logged at debug only (request-id.ts). */
  countRoutine(kind: string): void;
  /** Runs one background job (an import, the billing run...) and counts it by outcome. */
  trackJob<T>(job: string, run: () => Promise<T>): Promise<T>;
}

/** Latency buckets in seconds: from a cached entity lookup (5 ms) to a slow import page (10 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names kept per process; the rest are counted as "other" (names come from clients). */
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export const METRIC_NAMES = {
  requests: 'kyodo_graphql_requests_total',
  errors: 'kyodo_graphql_errors_total',
  duration: 'kyodo_graphql_request_duration_seconds',
  jobRuns: 'kyodo_job_runs_total',
  jobDuration: 'kyodo_job_duration_seconds',
  jobsRunning: 'kyodo_jobs_running',
  dbPoolConnections: 'kyodo_db_pool_connections',
  dbPoolWaiting: 'kyodo_db_pool_waiting_requests',
  routineRequests: 'kyodo_routine_requests_total',
} as const;

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  // every series carries the process's service name, so one dashboard query splits by service
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: METRIC_NAMES.requests, help: 'GraphQL requests answered, by operation name.', labelNames: ['operation'], registers: [registry] });
  const errors = new Counter({
    name: METRIC_NAMES.errors,
    help: 'GraphQL errors answered, by operation name and error code (extensions.code).',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: METRIC_NAMES.duration,
    help: 'Time to answer a GraphQL request, by operation name.',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobRuns = new Counter({ name: METRIC_NAMES.jobRuns, help: 'Background job runs finished, by job and outcome (ok, failed).', labelNames: ['job', 'outcome'], registers: [registry] });
  const jobDuration = new Histogram({
    name: METRIC_NAMES.jobDuration,
    help: 'Time a background job run took, by job.',
    labelNames: ['job'],
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const routine = new Counter({
    name: METRIC_NAMES.routineRequests,
    help: 'Routine HTTP requests served, not logged at info: health probes, metrics scrapes, change-feed polls (by kind).',
    labelNames: ['kind'],
    registers: [registry],
  });
  const jobsRunning = new Gauge({ name: METRIC_NAMES.jobsRunning, help: 'Background job runs in progress, by job.', labelNames: ['job'], registers: [registry] });

  const seen = new Set<string>();
  function operationLabel(operation: string | null | undefined): string {
    if (!operation) return 'anonymous';
    if (!OPERATION_NAME.test(operation)) return 'other';
    if (seen.has(operation)) return operation;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(operation);
    return operation;
  }

  return {
    registry,
    operationLabel,
    observeRequest(operation, seconds, errorCodes) {
      const label = operationLabel(operation);
      requests.inc({ operation: label });
      duration.observe({ operation: label }, seconds);
      for (const code of errorCodes) errors.inc({ operation: label, code });
    },
    countRoutine(kind) {
      routine.inc({ kind });
    },
    async trackJob(job, run) {
      const end = jobDuration.startTimer({ job });
      jobsRunning.inc({ job });
      try {
        const result = await run();
        jobRuns.inc({ job, outcome: 'ok' });
        return result;
      } catch (error) {
        jobRuns.inc({ job, outcome: 'failed' });
        throw error;
      } finally {
        jobsRunning.dec({ job });
        end();
      }
    },
  };
}

/** The parts of mysql2's pool read here (its own queues; mysql2 publishes no pool statistics). */
interface Mysql2PoolQueues {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The database pool of a MariaDB/MySQL subgraph: connections open and idle, and queries waiting
 * for one (a pool too small for the load shows as waiting > 0). Read at scrape time from mysql2's
 * pool, which TypeORM keeps as `driver.pool`; SQLite has no pool, so no samples there.
 */
export function observeDatabasePool(metrics: ServiceMetrics, dataSource: DataSource): void {
  const pool = (): Mysql2PoolQueues | undefined => {
    const candidate = (dataSource as { driver?: { pool?: unknown } }).driver?.pool as Mysql2PoolQueues | undefined;
    return candidate && candidate._allConnections && candidate._freeConnections ? candidate : undefined;
  };
  new Gauge({
    name: METRIC_NAMES.dbPoolConnections,
    help: 'Database pool connections, by state (open, idle); MariaDB/MySQL only.',
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const queues = pool();
      if (!queues) return;
      this.set({ state: 'open' }, queues._allConnections!.length);
      this.set({ state: 'idle' }, queues._freeConnections!.length);
    },
  });
  new Gauge({
    name: METRIC_NAMES.dbPoolWaiting,
    help: 'Queries waiting for a free database pool connection; MariaDB/MySQL only.',
    registers: [metrics.registry],
    collect() {
      const queues = pool();
      if (queues) this.set(queues._connectionQueue?.length ?? 0);
    },
  });
}

// the metrics of each running subgraph, keyed by the deps object its server and background jobs
// share, so a job records into its own server's registry without any process-wide registry
const byDeps = new WeakMap<SubgraphDeps, ServiceMetrics>();

/** The metrics of the subgraph built with these deps (created on first use). */
export function subgraphMetrics(deps: SubgraphDeps, service: string): ServiceMetrics {
  let metrics = byDeps.get(deps);
  if (!metrics) {
    metrics = createServiceMetrics(service);
    byDeps.set(deps, metrics);
  }
  return metrics;
}

/**
 * Who may read /metrics. With METRICS_TOKEN set, only a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>` (Prometheus `authorization.credentials`); in production
 * without it, nobody (operation names and rates are not for the public, and the gateway is public);
 * in development, anyone. The route shares the service's port, so no second listener to secure.
 */
export interface MetricsAccess {
  token?: string;
  production: boolean;
}

function sameSecret(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers GET /metrics in the Prometheus text format, or refuses it (401/403) per MetricsAccess. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: ServiceMetrics, access: MetricsAccess): Promise<void> {
  const refuse = (status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }] }));
  };
  if (access.token) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameSecret(access.token, match[1]!.trim())) {
      refuse(401, 'Metrics need `Authorization: Bearer <METRICS_TOKEN>`.');
      return;
    }
  } else if (access.production) {
    refuse(403, 'Metrics are off: set METRICS_TOKEN and scrape with `Authorization: Bearer <METRICS_TOKEN>`.');
    return;
  }
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}
