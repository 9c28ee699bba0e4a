import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { changeFeedUrl, createFeedAcks, FEED_FOLLOWER_PARAM, nextFeedCursor, startFeedFollower } from '../src/change-feed.js';
import { silentLogger } from '../src/logger.js';

describe('change feed cursors', () => {
  it('moves over seqs without a hole', () => {
    expect(nextFeedCursor(3, [4, 5, 6], null, 0, 10_000)).toEqual({ cursor: 6, hole: null });
    expect(nextFeedCursor(3, [], null, 0, 10_000)).toEqual({ cursor: 3, hole: null });
  });

  it('waits at a hole (a transaction that took a seq may commit later), then passes it once it is older than the timeout', () => {
    // 5 is missing: the cursor stays at 4, whatever came after
    const first = nextFeedCursor(3, [4, 6, 7], null, 1_000, 10_000);
    expect(first).toEqual({ cursor: 4, hole: { since: 1_000, at: 4 } });
    // 5 committed meanwhile: the cursor moves on and the hole is forgotten
    expect(nextFeedCursor(4, [5, 6, 7], first.hole, 2_000, 10_000)).toEqual({ cursor: 7, hole: null });
    // still missing, not yet timed out: the same hole, its first sighting kept
    expect(nextFeedCursor(4, [6, 7], first.hole, 9_000, 10_000)).toEqual({ cursor: 4, hole: { since: 1_000, at: 4 } });
    // still missing after the timeout: a rolled-back transaction, passed over
    expect(nextFeedCursor(4, [6, 7], first.hole, 11_000, 10_000)).toEqual({ cursor: 7, hole: null });
  });

  it('passes a hole at or below the settled mark at once (deleted outbox rows), and still waits at one above it', () => {
    // 1 to 3 deleted by the retention job, settled through 5: a fresh follower moves on at once
    expect(nextFeedCursor(0, [4, 5, 6], null, 1_000, 10_000, 5)).toEqual({ cursor: 6, hole: null });
    // a hole above the mark (8 not yet committed) is waited for as before
    expect(nextFeedCursor(6, [7, 9], null, 1_000, 10_000, 5)).toEqual({ cursor: 7, hole: { since: 1_000, at: 7 } });
    // a hole across the mark: its settled part is passed, the rest (6, 7) waited for
    expect(nextFeedCursor(2, [8], null, 1_000, 10_000, 5)).toEqual({ cursor: 5, hole: { since: 1_000, at: 5 } });
  });

  it('finds the feed beside the GraphQL endpoint, whatever prefix the directory puts before it', () => {
    expect(changeFeedUrl('http://127.0.0.1:4001/graphql', 'memberships', 5, 100)).toBe('http://127.0.0.1:4001/internal/changes/memberships?after=5&first=100');
    expect(changeFeedUrl('http://127.0.0.1:9000/spaces/graphql', 'memberships', 0, 1)).toBe('http://127.0.0.1:9000/spaces/internal/changes/memberships?after=0&first=1');
  });
});

describe('feed acks: the owner waits until its followers have read past a change (issue 19, C3)', () => {
  const read = (follower: string, after: number) => new URL(`http://subgraph/internal/changes/x?${FEED_FOLLOWER_PARAM}=${follower}&after=${after}`);

  it('waits while a follower seen lately is behind, and answers once it has read past', async () => {
    const acks = createFeedAcks();
    acks.record(read('cards:1', 4), 4);
    acks.record(read('cards:2', 7), 7);
    // cards:1 has not read past 7 yet: the wait ends at its bound, saying so
    expect(await acks.waitPast(7, { recentMs: 4000, maxWaitMs: 30 })).toBe(false);
    const waiting = acks.waitPast(7, { recentMs: 4000, maxWaitMs: 5000 });
    setTimeout(() => acks.record(read('cards:1', 7), 7), 20);
    expect(await waiting).toBe(true);
    // an anonymous read (no follower name) is no follower to wait for
    acks.record(new URL('http://subgraph/internal/changes/x?after=0'), 0);
    expect(await acks.waitPast(7, { recentMs: 4000, maxWaitMs: 30 })).toBe(true);
  });

  it('does not wait for a follower not seen lately (a replica that stopped)', async () => {
    let now = 0;
    const acks = createFeedAcks(() => now);
    acks.record(read('cards:gone', 1), 1);
    now = 10_000;
    expect(await acks.waitPast(5, { recentMs: 4000, maxWaitMs: 1000 })).toBe(true);
  });

  it('a follower names itself on every poll', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(new URL(req.url ?? '/', 'http://x').searchParams.get(FEED_FOLLOWER_PARAM) ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ head: 0, changes: [] }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const follower = startFeedFollower({
      name: 'x',
      peer: 'spaces',
      dataSource: { isInitialized: true } as never,
      directory: { urlOf: () => url },
      logger: silentLogger,
      intervalMs: 60_000,
      maxStalenessMs: 1000,
      follower: 'cards:abc',
      loadCursor: async () => 0,
      apply: async () => {},
    });
    await follower.pollNow();
    await follower.stop();
    await new Promise((done) => server.close(done));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['cards:abc']));
  });

  it('freshNow: trusts a fresh copy as it is; a stale one is read again first, and refused only when the peer cannot be read (L8/S9 checks)', async () => {
    let polls = 0;
    const server = createServer((req, res) => {
      polls += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ head: 0, changes: [] }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    let now = 0;
    const follower = startFeedFollower({
      name: 'x',
      peer: 'licensing',
      dataSource: { isInitialized: true } as never,
      directory: { urlOf: () => url },
      logger: silentLogger,
      intervalMs: 60_000,
      maxStalenessMs: 200,
      nowMs: () => now,
      loadCursor: async () => 0,
      apply: async () => {},
    });
    try {
      await follower.pollNow();
      const afterFirst = polls;
      expect(await follower.freshNow()).toBe(true);
      expect(polls).toBe(afterFirst);
      // the timer's poll is late (a busy machine): stale, yet the peer answers, so it is fresh again
      now = 5_000;
      expect(follower.isFresh()).toBe(false);
      expect(await follower.freshNow()).toBe(true);
      expect(polls).toBe(afterFirst + 1);
      // the peer cannot be read: stale and it stays so
      await new Promise((done) => server.close(done));
      now = 10_000;
      expect(await follower.freshNow()).toBe(false);
    } finally {
      await follower.stop();
      if (server.listening) server.close();
    }
  });
});
