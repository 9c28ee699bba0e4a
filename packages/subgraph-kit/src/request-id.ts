import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { Logger } from './logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** W3C Trace Context: the caller's trace, forwarded by the gateway to every subgraph it asks. */
export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

interface RequestScope {
  requestId: string;
  traceId?: string;
  /** The caller's traceparent, when well-formed: passed on to peers while no tracer is running. */
  traceparent?: string;
}

// the request being served on this async path: every log line written while serving it, by
// resolvers, error masking or the gateway engine alike, is stamped without threading an argument
const scope = new AsyncLocalStorage<RequestScope>();

/**
 * The caller's request id when it is a sane token (a load balancer's or the gateway's), else a
 * fresh UUID: a client cannot put newlines or a megabyte into every log line.
 */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(?:-|$)/;

/** The trace id of a W3C `traceparent` header, or undefined when it is absent or malformed (version ff, all-zero ids). */
export function traceIdFromTraceparent(header: string | string[] | null | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? TRACEPARENT.exec(value.trim()) : null;
  if (!match || match[1] === 'ff' || /^0+$/.test(match[2]!) || /^0+$/.test(match[3]!)) return undefined;
  return match[2];
}

/** The trace id of the span active on this async path, when an OpenTelemetry SDK is recording one. */
export function activeTraceId(): string | undefined {
  // without a registered SDK the API is a no-op: no span, no cost beyond a lookup
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}

/**
 * Runs `run` as the serving of one request. Its trace id is the active span's (tracing on: the
 * HTTP instrumentation started it, continuing the caller's trace) or else the caller's
 * `traceparent`, so lines still join up across services when no SDK is loaded.
 */
export function runWithRequestId<T>(requestId: string, run: () => T, traceparent?: string | string[] | null): T {
  const callerTraceId = traceIdFromTraceparent(traceparent);
  const header = callerTraceId ? (Array.isArray(traceparent) ? traceparent[0] : traceparent)!.trim() : undefined;
  return scope.run({ requestId, traceId: activeTraceId() ?? callerTraceId, traceparent: header }, run);
}

/**
 * Headers for a call this service makes while serving a request (a peer subgraph): the request
 * id, and the caller's traceparent when no tracer is running (a running one's fetch
 * instrumentation sends its own span's), so the peer's lines carry the same ids.
 */
export function outgoingRequestHeaders(): Record<string, string> {
  const current = scope.getStore();
  if (!current) return {};
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: current.requestId };
  if (current.traceparent && !activeTraceId()) headers[TRACEPARENT_HEADER] = current.traceparent;
  return headers;
}

/** Sets the trace id of the request being served, for a tracer that starts its span after the request began (the gateway's plugin). */
export function setCurrentTraceId(traceId: string): void {
  const current = scope.getStore();
  if (current) current.traceId = traceId;
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

export function currentTraceId(): string | undefined {
  return scope.getStore()?.traceId;
}

/** The logger with `requestId` and `traceId` added to each line written while a request is being served. */
export function withRequestIds(logger: Logger): Logger {
  const write =
    (level: keyof Logger) =>
    (message: string, detail?: Record<string, unknown>): void => {
      const current = scope.getStore();
      if (!current) return logger[level](message, detail);
      const ids = current.traceId ? { requestId: current.requestId, traceId: current.traceId } : { requestId: current.requestId };
      logger[level](message, { ...ids, ...detail });
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Requests a machine makes on a timer, whatever users do: health probes, metrics scrapes, and a
 * peer's polls of a change feed (change-feed.ts; cards polls two feeds every second). At `info`
 * they were 170,000 lines a day of an idle stack; they are counted instead (the
 * `kyodo_routine_requests_total` metric) and logged at `debug` only.
 */
export type RoutineKind = 'probe' | 'metrics' | 'change_feed';

const ROUTINE_PATHS: ReadonlyMap<string, RoutineKind> = new Map([
  ['/health', 'probe'],
  ['/healthz', 'probe'],
  ['/readyz', 'probe'],
  ['/metrics', 'metrics'],
]);
/** Where change feeds are served (change-feed.ts): here, as this module is the gateway's too. */
export const CHANGE_FEED_PATH_PREFIX = '/internal/changes/';

export function routineKind(path: string): RoutineKind | undefined {
  return ROUTINE_PATHS.get(path) ?? (path.startsWith(CHANGE_FEED_PATH_PREFIX) ? 'change_feed' : undefined);
}

/**
 * One line per request served (call it inside the request's scope): with the request id and trace
 * id it is what joins a service's part of a request to the others'. No query text or variables:
 * they may hold personal data. Routine requests (routineKind) are counted through `onRoutine`
 * and logged at debug: they say nothing about users' requests.
 */
export function logServed(logger: Logger, req: IncomingMessage, res: ServerResponse, started: number, onRoutine?: (kind: RoutineKind) => void): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const kind = routineKind(path);
  const detail = { method: req.method, path, status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
  if (kind) {
    onRoutine?.(kind);
    logger.debug('request served', detail);
    return;
  }
  logger.info('request served', detail);
}
