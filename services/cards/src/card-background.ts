import type { BackgroundRuntime } from '@kyodo/subgraph-kit';
import { EXPORTS_FOLDER, exportExpiryOf } from './card-files.js';
import { importRuntimeFor, takeOverImports } from './card-import-runner.js';
import type { ImageStore } from './image-store.js';

/** C5: deletes the export zips whose link has expired (and any without an expiry in its key). */
export async function deleteExpiredExports(store: ImageStore, now: Date): Promise<number> {
  let deleted = 0;
  for (const key of await store.list(EXPORTS_FOLDER)) {
    const expiresAt = exportExpiryOf(key);
    if (expiresAt !== null && expiresAt > now.getTime()) continue;
    await store.delete(key);
    deleted++;
  }
  return deleted;
}

export const CARDS_SWEEP_MS = 5 * 60 * 1000;

/** The lease of the export sweep: one replica at a time lists and deletes. */
export const EXPORT_SWEEP_LEASE = 'cards:export-sweep';

/**
 * C4 with N replicas: on start and then every half lease, running imports whose lease is free or
 * expired (their replica was killed or restarted) are taken over and run to the end here. C5:
 * periodically, expired export zips are deleted by whichever replica holds the sweep's lease.
 * Timers are unref'd so they never keep a process alive; the work under way is awaited on close.
 */
export function startCardsBackground(background: BackgroundRuntime, everyMs = CARDS_SWEEP_MS): () => Promise<void> {
  const { dataSource, clock, logger } = background;
  const runtime = importRuntimeFor(background);
  const work = new Map<string, Promise<void>>();
  const run = (label: string, task: () => Promise<void>) => {
    if (work.has(label) || !dataSource.isInitialized) return;
    work.set(
      label,
      task()
        .catch((error: unknown) => logger.warn(`${label} failed`, { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => work.delete(label)),
    );
  };
  const takeOver = () =>
    run('import take-over', async () => {
      const taken = await takeOverImports(runtime);
      if (taken > 0) logger.warn('took over imports whose replica stopped', { taken });
    });
  const sweepExports = () =>
    run('export sweep', async () => {
      const { value: deleted } = await runtime.leases.run(EXPORT_SWEEP_LEASE, () => deleteExpiredExports(runtime.store, clock.now()));
      if (deleted) logger.info('deleted expired export zips', { deleted });
    });
  takeOver();
  sweepExports();
  const timers = [setInterval(takeOver, Math.max(Math.floor(runtime.leases.ttlMs / 2), 50)), setInterval(sweepExports, everyMs)];
  for (const timer of timers) timer.unref();
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(work.values());
  };
}
