import type { BackgroundRuntime } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { EXPORTS_FOLDER, exportExpiryOf } from './card-files.js';
import { CardImportError, CardImportJob, CardImportStatus } from './entities/card-import-job.entity.js';
import { imageStoreFor, type ImageStore } from './image-store.js';

export const INTERRUPTED_IMPORT_MESSAGE = 'The import was interrupted by a restart; run it again.';

/**
 * C4: a job runs inside the process that started it, so one still CHECKING or IMPORTING when the
 * service starts was caught by a restart and would never move again. It is marked FAILED with a
 * plain error (line 0, as for errors on our side); an import writes in one transaction, so nothing
 * of it was written, and a FAILED job may be run again. Assumes one cards instance per database.
 */
export async function failInterruptedImports(dataSource: DataSource): Promise<number> {
  const running = [CardImportStatus.CHECKING, CardImportStatus.IMPORTING];
  const jobs = await dataSource.getRepository(CardImportJob).find({ select: { id: true }, where: { status: In(running) } });
  let failed = 0;
  for (const job of jobs) {
    await dataSource.transaction(async (manager) => {
      const moved = await manager.update(CardImportJob, { id: job.id, status: In(running) }, { status: CardImportStatus.FAILED, errorCount: 1, processedRows: 0 });
      if (!moved.affected) return;
      await manager.delete(CardImportError, { jobId: job.id });
      await manager.insert(CardImportError, { jobId: job.id, line: 0, field: null, message: INTERRUPTED_IMPORT_MESSAGE });
      failed++;
    });
  }
  return failed;
}

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

/**
 * On start, interrupted imports are failed; then, periodically, expired export zips deleted.
 * The timer is unref'd so it never keeps a process alive; the work under way is awaited on close.
 */
export function startCardsBackground({ dataSource, clock, logger, deps }: BackgroundRuntime, everyMs = CARDS_SWEEP_MS): () => Promise<void> {
  const store = imageStoreFor(deps);
  let running: Promise<void> | undefined;
  const run = (label: string, work: () => Promise<void>) => {
    if (running || !dataSource.isInitialized) return;
    running = work()
      .catch((error: unknown) => logger.warn(`${label} failed`, { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = undefined;
      });
  };
  const sweepExports = async () => {
    const deleted = await deleteExpiredExports(store, clock.now());
    if (deleted > 0) logger.info('deleted expired export zips', { deleted });
  };
  run('start-up recovery', async () => {
    const failed = await failInterruptedImports(dataSource);
    if (failed > 0) logger.warn('marked imports interrupted by a restart as failed', { failed });
    await sweepExports();
  });
  const timer = setInterval(() => run('export sweep', sweepExports), everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
