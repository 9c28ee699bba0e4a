import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_CREDENTIAL_HEADER, isValidGatewayCredential } from '@kyodo/auth';
import type { DataSource } from 'typeorm';
import { feedSettledThrough } from './change-feed-retention.js';
import type { Logger } from './logger.js';
import { CHANGE_FEED_PATH_PREFIX } from './request-id.js';
import type { PeerDirectory } from './peers.js';
import type { SubgraphRoute } from './server.js';

/**
 * Change feeds: how one subgraph keeps a local copy of another's data without asking it on every
 * request (ARCHITECTURE "Subgraphs do not call each other on hot paths").
 *
 * The owner writes an outbox row (an increasing `seq` and the key of what changed) in the same
 * transaction as the change, and serves the rows after a cursor on an internal HTTP route,
 * each with the *current* state of its key read at serving time. Because every row carries the
 * whole current state, applying a row twice, or out of order, converges on the same copy.
 *
 * The route is not GraphQL and not under `/graphql`, so the gateway never forwards to it (it
 * forwards `/graphql` to the planner and `/files/` to cards only): clients cannot reach it through
 * the gateway. Reached directly, it answers only a caller with the internal credential (the
 * gateway secret every subgraph shares) and refuses any request that carries a client's bearer
 * token, so a person's token never reads another tenant's memberships through it.
 */
export { CHANGE_FEED_PATH_PREFIX };

/** The most rows one page of a feed answers. */
export const CHANGE_FEED_MAX_PAGE = 500;

export interface ChangeFeedPage<TChange> {
  /** Rows with seq > after, ascending, at most `first`. */
  changes: Array<TChange & { seq: number }>;
  /** The highest seq the owner has written (0: none): a follower ahead of it follows a recreated database and starts over. */
  head: number;
  /**
   * Every seq at or below this one is committed or deleted for good (change-feed-retention.ts):
   * a hole there is not waited for. Absent: 0.
   */
  settledThrough?: number;
}

export interface ChangeFeedRouteOptions<TChange> {
  /** The feed's name: served at `/internal/changes/<name>`. */
  name: string;
  dataSource: DataSource;
  /** The secret peers send (GATEWAY_SECRET). Without one (development), only requests without a bearer token are answered. */
  gatewaySecret?: string;
  /** Production: a request without the credential is refused even when no secret is configured. */
  requireCredential?: boolean;
  read(dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<TChange>>;
  /** The outbox table the job in change-feed-retention.ts trims: each page then says how far it is settled. */
  outbox?: string;
  /** Told of each valid read before it is answered (the access feed learns how far each follower has read). */
  onRead?(url: URL, after: number): void;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Serves one change feed (`GET /internal/changes/<name>?after=<seq>&first=<n>`) for the subgraph's peers. */
export function changeFeedRoute<TChange>(options: ChangeFeedRouteOptions<TChange>): SubgraphRoute {
  const path = `${CHANGE_FEED_PATH_PREFIX}${options.name}`;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname !== path) return false;
    const refuse = (message: string) => send(res, 403, { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
    // a client's token is never what reads a feed: the feed is the whole of every tenant's data
    if (req.headers.authorization) {
      refuse('Change feeds are internal: they are read with the internal credential, never with a user token.');
      return true;
    }
    const received = req.headers[GATEWAY_CREDENTIAL_HEADER];
    const credential = Array.isArray(received) ? received[0] : received;
    if ((options.gatewaySecret || options.requireCredential) && !isValidGatewayCredential(options.gatewaySecret ?? '', credential)) {
      refuse('Change feeds are internal: the internal credential is missing or wrong.');
      return true;
    }
    if (req.method !== 'GET') {
      send(res, 405, { errors: [{ message: 'A change feed is read with GET.', extensions: { code: 'BAD_REQUEST' } }] });
      return true;
    }
    const after = Number(url.searchParams.get('after') ?? '0');
    const first = Number(url.searchParams.get('first') ?? String(CHANGE_FEED_MAX_PAGE));
    if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(first) || first < 1 || first > CHANGE_FEED_MAX_PAGE) {
      send(res, 400, { errors: [{ message: `after is a seq (0 or more) and first 1 to ${CHANGE_FEED_MAX_PAGE}.`, extensions: { code: 'BAD_USER_INPUT' } }] });
      return true;
    }
    options.onRead?.(url, after);
    const page = await options.read(options.dataSource, after, first);
    send(res, 200, options.outbox ? { ...page, settledThrough: await feedSettledThrough(options.dataSource, options.outbox) } : page);
    return true;
  };
}

/** The query parameter a follower names itself with, so the feed's owner can wait for it (FeedAcks). */
export const FEED_FOLLOWER_PARAM = 'follower';

/**
 * How far each follower of one feed has read, told by its polls (`after` is the cursor it sent: it
 * has applied everything up to there). A change whose effect must not lag (C3: a member out of a
 * group stops seeing its cards when the administrator sees the answer; issue 19) is followed by
 * `waitPast`: the owner answers once every follower that polled lately has read past the change,
 * or after `maxWaitMs`. With one process per subgraph the change is then in every copy; across
 * replicas, each follower's own staleness bound covers those that poll another replica.
 */
export interface FeedAcks {
  /** The feed route's onRead. */
  record(url: URL, after: number): void;
  /** Resolves true once every follower seen within `recentMs` has read past `seq`; false after `maxWaitMs`. */
  waitPast(seq: number, options: { recentMs: number; maxWaitMs: number }): Promise<boolean>;
}

export function createFeedAcks(nowMs: () => number = () => performance.now()): FeedAcks {
  const acks = new Map<string, { after: number; atMs: number }>();
  return {
    record(url, after) {
      const follower = url.searchParams.get(FEED_FOLLOWER_PARAM);
      if (!follower || follower.length > 100) return;
      acks.set(follower, { after, atMs: nowMs() });
      // a follower gone for long is forgotten (a replica that stopped)
      if (acks.size > 1000) for (const [name, ack] of acks) if (nowMs() - ack.atMs > 60_000) acks.delete(name);
    },
    async waitPast(seq, { recentMs, maxWaitMs }) {
      const started = nowMs();
      const behind = () => [...acks.values()].some((ack) => ack.atMs >= started - recentMs && ack.after < seq);
      while (behind()) {
        if (nowMs() - started >= maxWaitMs) return false;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return true;
    },
  };
}

/** The URL of a peer's feed, beside its GraphQL endpoint (whatever path prefix the directory gives). */
export function changeFeedUrl(graphqlUrl: string, name: string, after: number, first: number, params: Readonly<Record<string, string>> = {}): string {
  const base = graphqlUrl.replace(/\/graphql\/?$/, '');
  const query = new URLSearchParams({ ...params, after: String(after), first: String(first) });
  return `${base}${CHANGE_FEED_PATH_PREFIX}${name}?${query.toString()}`;
}

/** Reads one page of a peer's feed with the internal credential; throws on anything but a page. */
export async function fetchChangeFeedPage<TChange>(options: {
  directory: PeerDirectory;
  peer: string;
  name: string;
  after: number;
  first: number;
  gatewaySecret?: string;
  timeoutMs?: number;
  /** Extra query parameters (the access feed's follower name). */
  params?: Readonly<Record<string, string>>;
}): Promise<ChangeFeedPage<TChange>> {
  const graphqlUrl = options.directory.urlOf(options.peer);
  if (!graphqlUrl) throw new Error(`no URL for ${options.peer}`);
  const response = await fetch(changeFeedUrl(graphqlUrl, options.name, options.after, options.first, options.params), {
    headers: options.gatewaySecret ? { [GATEWAY_CREDENTIAL_HEADER]: options.gatewaySecret } : {},
    signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
  });
  if (!response.ok) throw new Error(`${options.peer} answered ${response.status} for its ${options.name} feed`);
  const page = (await response.json()) as ChangeFeedPage<TChange>;
  if (!Array.isArray(page.changes) || typeof page.head !== 'number' || (page.settledThrough !== undefined && typeof page.settledThrough !== 'number')) throw new Error(`${options.peer} answered something that is not a feed page`);
  return page;
}

/**
 * Where a follower may move its cursor after a page. Seqs come from an auto-increment, and on
 * MariaDB a transaction that took seq 5 may commit after one that took seq 6: a follower that
 * jumped to 6 would never see 5. So the cursor moves only over seqs without a hole; a hole is
 * waited for (its rows are read again on every poll, harmlessly: rows carry current state) until
 * it is older than `holeTimeoutMs`, longer than any transaction, when it is taken for a rollback.
 * A hole wholly at or below `settledThrough` (rows the owner deleted as superseded, or long-settled
 * rollbacks) is passed at once: nothing there can still commit.
 */
export function nextFeedCursor(
  cursor: number,
  seqs: readonly number[],
  hole: { since: number; at: number } | null,
  nowMs: number,
  holeTimeoutMs: number,
  settledThrough = 0,
): { cursor: number; hole: { since: number; at: number } | null } {
  let next = cursor;
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    if (seq <= next) continue;
    if (seq === next + 1) {
      next = seq;
      continue;
    }
    // a hole between next and seq
    if (seq - 1 <= settledThrough) {
      next = seq;
      continue;
    }
    // the settled part of the hole is passed now; only what is above the mark is waited for
    if (settledThrough > next) next = settledThrough;
    const known = hole && hole.at === next ? hole : { since: nowMs, at: next };
    if (nowMs - known.since < holeTimeoutMs) return { cursor: next, hole: known };
    next = seq;
  }
  return { cursor: next, hole: null };
}

export interface FeedFollowerOptions<TChange> {
  name: string;
  peer: string;
  dataSource: DataSource;
  directory: PeerDirectory | undefined;
  gatewaySecret?: string;
  logger: Logger;
  /** How often to poll. */
  intervalMs: number;
  /** How old the last complete poll may be for the copy to be trusted (see isFresh). */
  maxStalenessMs: number;
  holeTimeoutMs?: number;
  pageSize?: number;
  /** Reads the stored cursor (0: never synced), once; afterwards the follower keeps it in memory. */
  loadCursor(dataSource: DataSource): Promise<number>;
  /**
   * Applies one page and stores the cursor, in one transaction; called only when there is
   * something to write, so an idle feed costs no statement. `reset`: the owner's feed restarted; drop the copy first.
   */
  apply(dataSource: DataSource, changes: Array<TChange & { seq: number }>, cursor: number, reset: boolean): Promise<void>;
  /** Monotonic milliseconds (performance.now) for holes and isFresh: about the process, not business time. */
  nowMs?: () => number;
  /** This follower's name, sent with each poll, so the owner can wait until it has read past a change (FeedAcks); unique per process. */
  follower?: string;
}

export interface FeedFollower {
  /** True while the copy reflects a poll that began less than maxStalenessMs ago and reached the head. */
  isFresh(): boolean;
  /** One poll now (the timer calls it; tests may too). */
  pollNow(): Promise<void>;
  /**
   * For a check that must not act on a stale copy: true at once while fresh; otherwise polls now
   * and answers whether a poll begun after the question reached the head. On a busy machine the
   * timer's poll can start late and leave the copy stale for a moment though the peer is up:
   * this fails closed only when the peer really cannot be read, not on a late timer.
   */
  freshNow(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A polled copy of a peer's feed, as `confirmedSince` reads it. */
export interface PolledCopy {
  isFresh(): boolean;
  pollNow(): Promise<void>;
  /** When the last poll that reached the head began (monotonic ms), null before one has. */
  caughtUpAt(): number | null;
}

/**
 * Whether a copy may answer a question asked at `askedMs`: it is fresh, or a poll begun after the
 * question reached the head, which has seen every change committed before it however long it took
 * (a busy process). A poll already running may have begun before the question, so at most two are
 * awaited. The access guard (T5) and the feed followers' `freshNow` (L8/S9) both ask this.
 */
export async function confirmedSince(askedMs: number, copy: PolledCopy): Promise<boolean> {
  if (copy.isFresh()) return true;
  const since = () => (copy.caughtUpAt() ?? -Infinity) >= askedMs;
  await copy.pollNow();
  if (since()) return true;
  await copy.pollNow();
  return since();
}

/**
 * How long after a follower starts a peer it has never reached is expected (`npm start` and a
 * deploy start services together, each in its own time): its failed polls are logged at debug,
 * not as an outage, so a stack that came up in the wrong order says nothing once it is ready.
 * A peer still unreachable after this is warned about as before.
 */
export const PEER_START_GRACE_MS = 30_000;

/** Whether a failed poll is an outage worth a warning, or a peer not up yet while we start. */
export function startingUp(reachedOnce: boolean, startedMs: number, nowMs: number): boolean {
  return !reachedOnce && nowMs - startedMs < PEER_START_GRACE_MS;
}

/**
 * Polls a peer's change feed into a local copy. The copy is trusted only while fresh: until the
 * first poll has caught up, and whenever polls have failed for longer than maxStalenessMs, callers
 * fall back to asking the peer (which fails closed), so correctness never depends on the copy.
 */
export function startFeedFollower<TChange>(options: FeedFollowerOptions<TChange>): FeedFollower {
  const nowMs = options.nowMs ?? (() => performance.now());
  const pageSize = options.pageSize ?? CHANGE_FEED_MAX_PAGE;
  const holeTimeoutMs = options.holeTimeoutMs ?? 10_000;
  let caughtUpAt: number | null = null;
  let stored: number | undefined;
  let hole: { since: number; at: number } | null = null;
  let failing = false;
  let running: Promise<void> | undefined;
  let stopped = false;
  const startedMs = nowMs();
  let reachedOnce = false;

  const poll = async () => {
    if (!options.directory || !options.dataSource.isInitialized) return;
    const started = nowMs();
    let cursor = (stored ??= await options.loadCursor(options.dataSource));
    for (;;) {
      const page = await fetchChangeFeedPage<TChange>({
        directory: options.directory,
        peer: options.peer,
        name: options.name,
        after: cursor,
        first: pageSize,
        gatewaySecret: options.gatewaySecret,
        params: options.follower ? { [FEED_FOLLOWER_PARAM]: options.follower } : undefined,
      });
      if (cursor > page.head) {
        options.logger.warn('a peer feed is behind our cursor (its database was recreated?): copying it again', { feed: options.name, cursor, head: page.head });
        cursor = 0;
        hole = null;
        await options.apply(options.dataSource, [], 0, true);
        stored = 0;
        continue;
      }
      const moved = nextFeedCursor(cursor, page.changes.map((c) => c.seq), hole, nowMs(), holeTimeoutMs, page.settledThrough ?? 0);
      hole = moved.hole;
      // rows past a hole are applied too (they carry current state); only the cursor waits
      if (page.changes.length > 0) await options.apply(options.dataSource, page.changes, moved.cursor, false);
      stored = moved.cursor;
      // a named follower reads once more after applying changes: that read tells the owner, waiting
      // for it (FeedAcks), that they are in the copy, without waiting for the next poll
      const acknowledge = options.follower !== undefined && page.changes.length > 0 && moved.cursor !== cursor;
      if (page.changes.length < pageSize && !acknowledge) break;
      // a full page that a hole kept the cursor from passing: not caught up, so the copy goes stale (and is not trusted) until it is
      if (moved.cursor === cursor) return;
      cursor = moved.cursor;
    }
    caughtUpAt = started;
    reachedOnce = true;
    if (failing) options.logger.info('peer feed reachable again', { feed: options.name });
    failing = false;
  };

  const pollNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= poll()
      .catch((error: unknown) => {
        const detail = { feed: options.name, error: error instanceof Error ? error.message : String(error) };
        if (startingUp(reachedOnce, startedMs, nowMs())) {
          options.logger.debug('peer feed not reachable yet (starting up): asking the peer meanwhile', detail);
          return;
        }
        // logged once per outage, not once a second
        if (!failing) options.logger.warn('peer feed poll failed: falling back to asking the peer', detail);
        failing = true;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => void pollNow(), options.intervalMs);
  timer.unref();
  void pollNow();
  const isFresh = () => caughtUpAt !== null && nowMs() - caughtUpAt <= options.maxStalenessMs;
  return {
    isFresh,
    pollNow,
    freshNow: () => confirmedSince(nowMs(), { isFresh, pollNow, caughtUpAt: () => caughtUpAt }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
