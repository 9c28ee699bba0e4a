import { describe, expect, it, vi } from 'vitest';
import { createByIdLoader, createGroupLoader } from '../src/index.js';

interface Row {
  id: string;
  spaceId: string;
}
const ROWS: Row[] = [
  { id: 'u1', spaceId: 's1' },
  { id: 'u2', spaceId: 's1' },
  { id: 'u3', spaceId: 's2' },
];

describe('createByIdLoader', () => {
  it('batches many loads in one tick into one fetch, with each id once', async () => {
    const fetchMany = vi.fn(async (ids: readonly string[]) => ROWS.filter((r) => ids.includes(r.id)));
    const loader = createByIdLoader(fetchMany, (r) => r.id);
    const results = await Promise.all(['u3', 'u1', 'u3', 'u2'].map((id) => loader.load(id)));
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect([...fetchMany.mock.calls[0]![0]].sort()).toEqual(['u1', 'u2', 'u3']);
    expect(results.map((r) => r?.id)).toEqual(['u3', 'u1', 'u3', 'u2']);
  });

  it('resolves missing ids to null, in the order asked, whatever order the rows come back in', async () => {
    const loader = createByIdLoader(async (ids: readonly string[]) => ROWS.filter((r) => ids.includes(r.id)).reverse(), (r) => r.id);
    const results = await loader.loadMany(['gone', 'u1', 'also-gone', 'u2']);
    expect(results).toEqual([null, ROWS[0], null, ROWS[1]]);
  });

  it('caches within the loader: a second load of a known id does not fetch again', async () => {
    const fetchMany = vi.fn(async (ids: readonly string[]) => ROWS.filter((r) => ids.includes(r.id)));
    const loader = createByIdLoader(fetchMany, (r) => r.id);
    await loader.load('u1');
    await loader.load('u1');
    expect(fetchMany).toHaveBeenCalledTimes(1);
  });
});

describe('createGroupLoader', () => {
  it('batches many keys into one fetch and groups the rows by key', async () => {
    const fetchMany = vi.fn(async (keys: readonly string[]) => ROWS.filter((r) => keys.includes(r.spaceId)));
    const loader = createGroupLoader(fetchMany, (r) => r.spaceId);
    const [s1, s2] = await Promise.all([loader.load('s1'), loader.load('s2')]);
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect(s1.map((r) => r.id)).toEqual(['u1', 'u2']);
    expect(s2.map((r) => r.id)).toEqual(['u3']);
  });

  it('gives [] for a key with no rows, never null', async () => {
    const loader = createGroupLoader(async (keys: readonly string[]) => ROWS.filter((r) => keys.includes(r.spaceId)), (r) => r.spaceId);
    expect(await loader.loadMany(['empty', 's2', 'also-empty'])).toEqual([[], [ROWS[2]], []]);
  });
});
