import DataLoader from 'dataloader';

/**
 * Dispatches a request's batches in waves: a loader's batch waits until no other batch of the
 * same request is still in flight, then goes out with every key asked for meanwhile.
 *
 * Why: DataLoader batches what is asked for within one tick. With a networked database two
 * sibling batches (a space's members and its threads) come back in separate I/O callbacks, in
 * either order, and the users both of them then ask for went out as one query or as two,
 * depending on which answered first (the spaces listing took 6 statements or 7 on MariaDB).
 * Waiting for the wave makes the number of statements a function of the query alone.
 * No library offers this (DataLoader's `batchScheduleFn` is the hook it leaves for it).
 *
 * A batch function must not itself wait on a loader of the same wave (it would wait for
 * itself); the loaders here only run queries.
 */
export interface BatchWave {
  /** DataLoader's `batchScheduleFn`. */
  schedule(dispatch: () => void): void;
  /** Counts a batch as in flight until it settles. */
  track<T>(batch: Promise<T>): Promise<T>;
}

export function createBatchWave(): BatchWave {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  let flushQueued = false;

  function queueFlush(): void {
    if (flushQueued) return;
    flushQueued = true;
    // setImmediate: after every promise job and nextTick of this turn, so the resolvers that the
    // last answer woke up have asked for their keys before the next wave goes out
    setImmediate(() => {
      flushQueued = false;
      if (inFlight > 0) return; // the batch still out will queue the flush when it settles
      const dispatches = waiting;
      waiting = [];
      for (const dispatch of dispatches) dispatch();
    });
  }

  return {
    schedule(dispatch) {
      waiting.push(dispatch);
      if (inFlight === 0) queueFlush();
    },
    track(batch) {
      inFlight++;
      const settle = () => {
        inFlight--;
        if (inFlight === 0 && waiting.length > 0) queueFlush();
      };
      batch.then(settle, settle);
      return batch;
    },
  };
}

export interface LoaderOptions {
  /** The request's wave (one per request, shared by all its loaders); without it DataLoader dispatches each tick. */
  wave?: BatchWave;
}

function waveOptions<K, V>(options: LoaderOptions): DataLoader.Options<K, V> {
  return options.wave ? { batchScheduleFn: options.wave.schedule } : {};
}

function tracked<T>(options: LoaderOptions, batch: Promise<T>): Promise<T> {
  return options.wave ? options.wave.track(batch) : batch;
}

/**
 * A per-request loader by id: N lookups in one tick become one `WHERE id IN (...)` query.
 * Missing ids resolve to null, so a reference to something gone or not visible is just absent.
 */
export function createByIdLoader<T>(fetchMany: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string, options: LoaderOptions = {}): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await tracked(options, fetchMany(ids));
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, waveOptions(options));
}

/** A per-request loader of lists grouped by a key (e.g. members by space id). */
export function createGroupLoader<T>(fetchMany: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string, options: LoaderOptions = {}): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await tracked(options, fetchMany(keys));
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  }, waveOptions(options));
}
