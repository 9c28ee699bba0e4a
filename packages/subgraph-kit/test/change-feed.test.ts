import { describe, expect, it } from 'vitest';
import { changeFeedUrl, nextFeedCursor } from '../src/change-feed.js';

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
