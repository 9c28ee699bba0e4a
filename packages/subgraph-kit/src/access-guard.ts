import type { Viewer } from '@kyodo/auth';
import { z } from 'zod';
import { confirmedSince, fetchChangeFeedPage, nextFeedCursor, startingUp, type ChangeFeedPage } from './change-feed.js';
import { parseEnv } from './env.js';
import { kitRefusals } from './kit-refusals.js';
import type { Logger } from './logger.js';
import type { PeerDirectory } from './peers.js';

/**
 * Revocation that is immediate everywhere (issue 19, ARCHITECTURE "Changes take effect at once").
 *
 * A token is checked once for its signature and expiry, and that result is cached until it
 * expires (auth jwt.ts); what can change meanwhile is the person: removed, demoted, suspended, a
 * new password. So spaces keeps an access version per user, raises it in the transaction of each
 * such change and writes an outbox row (feed `access`); tokens carry the version they were signed
 * with (claim `av`). Every subgraph holds the versions in memory, fed by that feed, and refuses a
 * token whose version is below the user's current one, on every request and on every event of a
 * live stream. No peer is asked per request: the check is a map lookup.
 *
 * The bound: the copy is trusted only while its last complete poll *began* less than
 * ACCESS_MAX_STALENESS_MS (1 s) ago; polls run every ACCESS_SYNC_MS (200 ms). When it is older (spaces
 * unreachable, a busy process) the request waits for a poll that began after it arrived and, when
 * none completes (spaces unreachable), is refused with SERVICE_UNAVAILABLE: fail closed. So a change committed in spaces is enforced by every replica
 * of every subgraph within 1 s, whatever happens to the polls. Spaces also waits, before the
 * mutation that revoked answers, until every follower that polled it recently has read past the
 * change (at most ACCESS_MAX_STALENESS_MS): with one process per subgraph (`npm start`, tests) the
 * change is in force everywhere when the admin sees the answer.
 */
export const ACCESS_FEED = 'access';

export const accessGuardEnvSchema = z.object({
  ACCESS_SYNC_MS: z.coerce.number().int().min(20).max(1000).optional(),
  ACCESS_MAX_STALENESS_MS: z.coerce.number().int().min(100).max(5000).optional(),
});

/** One row of the access feed: the user's version as it is now (replays converge). */
export interface AccessFeedRow {
  userId: string;
  version: number;
}

export interface AccessVersionSource {
  /** False: no spaces to follow here (a subgraph tested alone); the check is skipped. */
  available(): boolean;
  readPage(after: number, first: number): Promise<ChangeFeedPage<AccessFeedRow>>;
}

export interface AccessGuard {
  /** Throws UNAUTHENTICATED when the viewer's token was signed before their access last changed; SERVICE_UNAVAILABLE when the copy cannot be trusted. */
  check(viewer: Viewer): Promise<void>;
  /** Polls now (spaces calls it after a change it committed, so its own process enforces it at once). */
  refresh(): Promise<void>;
  /**
   * A peer that follows the feed too (a subgraph behind the gateway) refused this user's token
   * as T5's: their access version is at least `version`. Kept as if the feed had said so, and
   * never lowered by a later poll, so once any replica has refused a token this process refuses it
   * too, without waiting for its own next poll: a refusal stays a refusal.
   */
  learn(userId: string, version: number): void;
  stop(): Promise<void>;
}

export interface AccessGuardSettings {
  syncMs: number;
  maxStalenessMs: number;
}

export function accessGuardSettings(env: Readonly<Record<string, string | undefined>> | undefined): AccessGuardSettings {
  const parsed = parseEnv(accessGuardEnvSchema, env ?? {});
  return { syncMs: parsed.ACCESS_SYNC_MS ?? 200, maxStalenessMs: parsed.ACCESS_MAX_STALENESS_MS ?? 1000 };
}

/** A follower's name on the feed, so spaces can wait for it (see accessFeedAcks in spaces). */
export const ACCESS_FOLLOWER_PARAM = 'follower';

/** Reads spaces' access feed over HTTP with the internal credential (every subgraph but spaces). */
export function httpAccessSource(options: { directory: PeerDirectory | undefined; gatewaySecret?: string; follower: string }): AccessVersionSource {
  return {
    available: () => options.directory?.urlOf('spaces') !== undefined,
    readPage: (after, first) =>
      fetchChangeFeedPage<AccessFeedRow>({
        directory: options.directory!,
        peer: 'spaces',
        name: ACCESS_FEED,
        params: { [ACCESS_FOLLOWER_PARAM]: options.follower },
        after,
        first,
        gatewaySecret: options.gatewaySecret,
        timeoutMs: 1000,
      }),
  };
}

export function startAccessGuard(options: { source: AccessVersionSource; settings: AccessGuardSettings; logger: Logger; nowMs?: () => number }): AccessGuard {
  const { source, settings, logger } = options;
  const nowMs = options.nowMs ?? (() => performance.now());
  const versions = new Map<string, number>();
  let cursor = 0;
  let hole: { since: number; at: number } | null = null;
  let caughtUpAt: number | null = null;
  let running: Promise<void> | undefined;
  let failing = false;
  let stopped = false;
  const startedMs = nowMs();
  let reachedOnce = false;

  const poll = async () => {
    const started = nowMs();
    for (;;) {
      const page = await source.readPage(cursor, 500);
      if (cursor > page.head) {
        // spaces' database was recreated: versions start again from what it says
        versions.clear();
        cursor = 0;
        hole = null;
        continue;
      }
      // access versions only grow: a row older than what a peer's refusal taught (learn) lowers nothing
      for (const row of page.changes) versions.set(row.userId, Math.max(versions.get(row.userId) ?? 0, row.version));
      const moved = nextFeedCursor(cursor, page.changes.map((c) => c.seq), hole, nowMs(), 10_000, page.settledThrough ?? 0);
      hole = moved.hole;
      const advanced = moved.cursor !== cursor;
      cursor = moved.cursor;
      if (page.changes.length < 500) break;
      if (!advanced) return; // a full page held behind a hole: not caught up
    }
    caughtUpAt = started;
    reachedOnce = true;
    if (failing) logger.info('access feed reachable again');
    failing = false;
  };

  const pollNow = (): Promise<void> => {
    if (stopped || !source.available()) return Promise.resolve();
    running ??= poll()
      .catch((error: unknown) => {
        const detail = { error: error instanceof Error ? error.message : String(error) };
        // spaces not up yet while this process starts (PEER_START_GRACE_MS): not an outage
        if (startingUp(reachedOnce, startedMs, nowMs())) {
          logger.debug('access feed not reachable yet (starting up)', detail);
          return;
        }
        if (!failing) logger.warn('access feed poll failed: tokens are refused once the copy is older than the bound', detail);
        failing = true;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const fresh = () => caughtUpAt !== null && nowMs() - caughtUpAt <= settings.maxStalenessMs;

  const timer = setInterval(() => void pollNow(), settings.syncMs);
  timer.unref();
  void pollNow();

  return {
    async check(viewer) {
      if (!source.available()) return;
      // a stale copy is read again: a poll begun after this request arrived is enough
      if (!(await confirmedSince(nowMs(), { isFresh: fresh, pollNow, caughtUpAt: () => caughtUpAt }))) {
        throw kitRefusals.refuse('accessUnconfirmed');
      }
      const current = versions.get(viewer.userId) ?? 0;
      if (current > (viewer.accessVersion ?? 0)) {
        throw kitRefusals.refuse('accessChanged');
      }
    },
    async refresh() {
      await running;
      await pollNow();
    },
    learn(userId, version) {
      if (!Number.isSafeInteger(version)) return;
      versions.set(userId, Math.max(versions.get(userId) ?? 0, version));
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
