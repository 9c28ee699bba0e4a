import type { Viewer } from '@kyodo/auth';
import { describe, expect, it } from 'vitest';
import { startAccessGuard, type AccessFeedRow, type AccessVersionSource } from '../src/access-guard.js';
import { PEER_START_GRACE_MS, startingUp, type ChangeFeedPage } from '../src/change-feed.js';
import type { Logger } from '../src/logger.js';
import { silentLogger } from '../src/logger.js';

const viewer = (userId: string, accessVersion?: number): Viewer => ({ userId, tenantId: 't', kind: 'MEMBER', roles: [], ...(accessVersion === undefined ? {} : { accessVersion }) });

/** A feed held in memory; `down` makes every read fail, as an unreachable spaces would. */
function memorySource() {
  const rows: Array<AccessFeedRow & { seq: number }> = [];
  const state = { down: false, reads: 0 };
  const source: AccessVersionSource = {
    available: () => true,
    async readPage(after, first): Promise<ChangeFeedPage<AccessFeedRow>> {
      state.reads++;
      if (state.down) throw new Error('unreachable');
      return { changes: rows.filter((r) => r.seq > after).slice(0, first), head: rows.at(-1)?.seq ?? 0 };
    },
  };
  return { rows, state, source };
}

describe('access guard (T5, issue 19)', () => {
  it('refuses a token signed below the user\'s current version, accepts one at it, and others untouched', async () => {
    const { rows, source } = memorySource();
    const guard = startAccessGuard({ source, settings: { syncMs: 1000, maxStalenessMs: 1000 }, logger: silentLogger });
    try {
      await guard.check(viewer('u1'));
      rows.push({ seq: 1, userId: 'u1', version: 1 });
      await guard.refresh();
      await expect(guard.check(viewer('u1'))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', rule: 'T5' } });
      await expect(guard.check(viewer('u1', 1))).resolves.toBeUndefined();
      await expect(guard.check(viewer('u2'))).resolves.toBeUndefined();
    } finally {
      await guard.stop();
    }
  });

  it("T5: learns a version from a peer's refusal at once, and a later poll with an older row does not lower it (a refusal stays a refusal)", async () => {
    const { rows, source } = memorySource();
    const guard = startAccessGuard({ source, settings: { syncMs: 60_000, maxStalenessMs: 60_000 }, logger: silentLogger });
    try {
      await guard.check(viewer('u1'));
      guard.learn('u1', 2);
      await expect(guard.check(viewer('u1', 1))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', rule: 'T5' } });
      // the feed, behind: version 1 arrives after the peer taught 2
      rows.push({ seq: 1, userId: 'u1', version: 1 });
      await guard.refresh();
      await expect(guard.check(viewer('u1', 1))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(guard.check(viewer('u1', 2))).resolves.toBeUndefined();
      // never lowered by a smaller lesson either; and others untouched
      guard.learn('u1', 1);
      await expect(guard.check(viewer('u1', 1))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(guard.check(viewer('u2'))).resolves.toBeUndefined();
    } finally {
      await guard.stop();
    }
  });

  it('issue 21: spaces not up yet while this process starts is said at debug only (an idle stack says nothing once ready); still down past the grace, a warning', async () => {
    const { state, source } = memorySource();
    const lines: string[] = [];
    const logger = Object.fromEntries((['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (message: string) => void lines.push(`${level} ${message}`)])) as unknown as Logger;
    let now = 0;
    state.down = true;
    const guard = startAccessGuard({ source, settings: { syncMs: 60_000, maxStalenessMs: 60_000 }, logger, nowMs: () => now });
    try {
      await guard.refresh();
      state.down = false;
      await guard.refresh();
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines)).toEqual(new Set(['debug access feed not reachable yet (starting up)']));
      const starting = lines.length;
      // an outage after it was reached is one
      state.down = true;
      now += 1000;
      await guard.refresh();
      state.down = false;
      await guard.refresh();
      expect(lines.slice(starting)).toEqual(['warn access feed poll failed: tokens are refused once the copy is older than the bound', 'info access feed reachable again']);
    } finally {
      await guard.stop();
    }
    expect([startingUp(false, 0, PEER_START_GRACE_MS - 1), startingUp(false, 0, PEER_START_GRACE_MS), startingUp(true, 0, 1)]).toEqual([true, false, false]);
  });

  it('fails closed: with the copy older than the bound and the feed unreachable, every token is refused with SERVICE_UNAVAILABLE; back at once when it answers', async () => {
    const { state, source } = memorySource();
    let now = 0;
    const guard = startAccessGuard({ source, settings: { syncMs: 60_000, maxStalenessMs: 1000 }, logger: silentLogger, nowMs: () => now });
    try {
      await guard.check(viewer('u1'));
      state.down = true;
      now += 500; // within the bound: the copy is trusted, the feed is not asked
      const reads = state.reads;
      await guard.check(viewer('u1'));
      expect(state.reads).toBe(reads);
      now += 1000; // past it
      await expect(guard.check(viewer('u1'))).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      state.down = false;
      await expect(guard.check(viewer('u1'))).resolves.toBeUndefined();
    } finally {
      await guard.stop();
    }
  });

  it('a feed that went back to an empty head (spaces\' database recreated) is copied again from the start', async () => {
    const { rows, source } = memorySource();
    const guard = startAccessGuard({ source, settings: { syncMs: 60_000, maxStalenessMs: 1000 }, logger: silentLogger });
    try {
      rows.push({ seq: 1, userId: 'u1', version: 3 });
      await guard.refresh();
      await expect(guard.check(viewer('u1', 2))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      rows.length = 0;
      await guard.refresh();
      await expect(guard.check(viewer('u1', 2))).resolves.toBeUndefined();
    } finally {
      await guard.stop();
    }
  });
});
