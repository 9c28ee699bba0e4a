import DataLoader from 'dataloader';

/**
 * A per-request loader by id: N lookups in one tick become one `WHERE id IN (...)` query.
 * Missing ids resolve to null, so a reference to something gone or not visible is just absent.
 */
export function createByIdLoader<T>(fetchMany: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetchMany(ids);
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A per-request loader of lists grouped by a key (e.g. members by space id). */
export function createGroupLoader<T>(fetchMany: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetchMany(keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
