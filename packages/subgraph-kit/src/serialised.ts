import type { DataSource, EntityManager } from 'typeorm';

const chains = new WeakMap<DataSource, Map<string, Promise<unknown>>>();

/**
 * A transaction that no other with the same key runs beside, for "at most N" rules (T5 seats,
 * L10 guests...). On MariaDB/MySQL the transaction itself must take a row lock (or make a
 * conditional write) before it counts: this only opens it. SQLite has one connection per process
 * (better-sqlite3) on which TypeORM nests concurrent transactions as savepoints of one, so a row
 * lock there serialises nothing: the transactions of one key are queued here instead (SQLite is
 * one process only, so a queue in memory is the whole story).
 */
export async function serialisedTransaction<T>(dataSource: DataSource, key: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  let byKey = chains.get(dataSource);
  if (!byKey) chains.set(dataSource, (byKey = new Map()));
  const previous = byKey.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  const tail = run.catch(() => undefined);
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return run;
}
