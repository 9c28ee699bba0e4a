import type { Logger } from '@kyodo/subgraph-kit/logger';
import { readObjectAt, type RegistryS3Config, type StoredObject } from './schema-store.js';

/** How often SUPERGRAPH_URL is asked for a new supergraph by default: a publish is served within this. */
export const DEFAULT_SUPERGRAPH_URL_POLL_MS = 10_000;

/**
 * The supergraph published to the registry (`npm run schema:publish`): `SUPERGRAPH_URL`, an
 * s3:// key or an http(s):// URL. Read once at start-up; null when nothing is published yet.
 */
export async function readSupergraphAt(url: string, config?: RegistryS3Config): Promise<StoredObject | null> {
  const found = await readObjectAt(url, config)();
  return found === 'not-modified' ? null : found;
}

/**
 * Asks the URL for a new supergraph every `pollIntervalMs` with the last ETag (If-None-Match),
 * so an unchanged supergraph costs one 304 per replica per interval. A new text goes to reload
 * (the gateway's graceful reload: checked first, refused and logged when it does not load, the
 * last good one served meanwhile); one poll at a time; an unreachable store is logged, not fatal.
 */
export function pollSupergraphUrl(
  options: { url: string; pollIntervalMs?: number; s3?: RegistryS3Config; etag?: string },
  initialText: string,
  reload: (text: string) => Promise<string | undefined>,
  logger: Logger,
): { close(): void; pollNow(): Promise<void> } {
  const read = readObjectAt(options.url, options.s3);
  let etag = options.etag;
  let lastSeen = initialText;
  let unreachable = false;
  let running: Promise<void> = Promise.resolve();
  let inFlight = false;
  let closed = false;
  // one poll at a time; a tick while one is still running (a slow store) is skipped, not queued
  const poll = () => {
    if (inFlight) return running;
    inFlight = true;
    return (running = running.then(async () => {
      if (closed) return;
      let found: Awaited<ReturnType<typeof read>>;
      try {
        found = await read(etag);
      } catch (error) {
        if (!unreachable) logger.warn('supergraph store unreachable; still serving the current supergraph', { url: options.url, error: error instanceof Error ? error.message : String(error) });
        unreachable = true;
        return;
      }
      if (unreachable) logger.info('supergraph store reachable again', { url: options.url });
      unreachable = false;
      if (found === 'not-modified' || found === null) return;
      etag = found.etag;
      if (found.text === lastSeen) return;
      lastSeen = found.text;
      await reload(found.text);
    }).finally(() => {
      inFlight = false;
    }));
  };
  const timer = setInterval(() => void poll(), options.pollIntervalMs ?? DEFAULT_SUPERGRAPH_URL_POLL_MS);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
    },
    pollNow: poll,
  };
}
