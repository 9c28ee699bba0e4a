import { describe, expect, it, vi } from 'vitest';
import { createBatchWave, createByIdLoader, createGroupLoader } from '../src/index.js';

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

describe('createBatchWave', () => {
  /** A space's members and threads load side by side; both then ask for users (the spaces listing). */
  async function listing(wave: ReturnType<typeof createBatchWave> | undefined, membersFirst: boolean) {
    const options = wave ? { wave } : {};
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const userFetches: string[][] = [];
    const users = createByIdLoader(
      async (ids: readonly string[]) => {
        userFetches.push([...ids].sort());
        return ids.map((id) => ({ id }));
      },
      (u) => u.id,
      options,
    );
    // the two sibling batches answer in the order given, as two queries on two connections may
    const members = createGroupLoader(
      async (keys: readonly string[]) => {
        await delay(membersFirst ? 1 : 15);
        return keys.flatMap((spaceId) => [
          { spaceId, userId: 'admin' },
          { spaceId, userId: 'member' },
        ]);
      },
      (m) => m.spaceId,
      options,
    );
    const threads = createGroupLoader(
      async (keys: readonly string[]) => {
        await delay(membersFirst ? 15 : 1);
        return keys.map((spaceId) => ({ spaceId, authorId: 'member' }));
      },
      (t) => t.spaceId,
      options,
    );
    await Promise.all(
      ['s1', 's2'].flatMap((space) => [
        members.load(space).then((list) => users.loadMany(list.map((m) => m.userId))),
        threads.load(space).then((list) => Promise.all(list.map((t) => users.load(t.authorId)))),
      ]),
    );
    return userFetches;
  }

  it('without a wave, the number of user queries depends on which sibling answered first (the MariaDB flake)', async () => {
    expect(await listing(undefined, true)).toHaveLength(1);
    expect(await listing(undefined, false)).toEqual([['member'], ['admin']]);
  });

  it('with a wave, the users go out in one query whichever sibling answers first', async () => {
    for (const membersFirst of [true, false]) {
      expect(await listing(createBatchWave(), membersFirst)).toEqual([['admin', 'member']]);
    }
  });

  it('still batches loads made in one tick, and a loader used alone dispatches at once', async () => {
    const fetchMany = vi.fn(async (ids: readonly string[]) => ROWS.filter((r) => ids.includes(r.id)));
    const loader = createByIdLoader(fetchMany, (r) => r.id, { wave: createBatchWave() });
    const results = await Promise.all(['u1', 'u2'].map((id) => loader.load(id)));
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r?.id)).toEqual(['u1', 'u2']);
    expect((await loader.load('u3'))?.id).toBe('u3');
  });

  it('a failed batch does not stall the wave', async () => {
    const wave = createBatchWave();
    const failing = createByIdLoader(async () => Promise.reject(new Error('db down')), (r: Row) => r.id, { wave });
    const working = createByIdLoader(async (ids: readonly string[]) => ROWS.filter((r) => ids.includes(r.id)), (r) => r.id, { wave });
    await expect(failing.load('u1')).rejects.toThrow('db down');
    expect((await working.load('u2'))?.id).toBe('u2');
  });
});
