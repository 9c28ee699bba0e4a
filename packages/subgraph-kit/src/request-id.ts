import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';

// the request being served on this async path: every log line written while serving it, by
// resolvers, error masking or the gateway engine alike, is stamped without threading an argument
const scope = new AsyncLocalStorage<string>();

/**
 * The caller's request id when it is a sane token (a load balancer's or the gateway's), else a
 * fresh UUID: a client cannot put newlines or a megabyte into every log line.
 */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

export function runWithRequestId<T>(requestId: string, run: () => T): T {
  return scope.run(requestId, run);
}

export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/** The logger with `requestId` added to each line written while a request is being served. */
export function withRequestIds(logger: Logger): Logger {
  const write =
    (level: keyof Logger) =>
    (message: string, detail?: Record<string, unknown>): void => {
      const requestId = scope.getStore();
      logger[level](message, requestId ? { requestId, ...detail } : detail);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
