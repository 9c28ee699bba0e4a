import { randomUUID } from 'node:crypto';
import { parseEnv, startFeedFollower, type BackgroundRuntime, type FeedFollower, type SubgraphDeps } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { CardsContext } from './context.js';
import { PeerCardDigitisation, PeerFeedCursor, PeerGroupMembership } from './entities/peer-copy.entity.js';

/**
 * Why a copy, and how fresh (issue 14, ARCHITECTURE "no subgraph waiting on another"):
 * every cards read needs the viewer's groups (C3, owned by spaces) and every scan the tenant's
 * digitisation allowance (L15, owned by licensing). Asking them on each request cost a round trip
 * and a third of the request's CPU. Instead spaces and licensing write an outbox row in the
 * transaction of each change and serve it on an internal feed (subgraph-kit change-feed.ts); cards
 * polls both feeds every CARDS_PEER_SYNC_MS (1 s) into its own tables. We chose polling an outbox
 * over a broker (`npm start` must need nothing but `npm install`) and over claims in the token (a
 * removal would wait for the token to expire, up to 15 minutes).
 *
 * The bound: the copy is trusted only while this process's last poll that read to the head *began*
 * less than CARDS_PEER_MAX_STALENESS_MS (2 s) ago (kept in memory: an idle poll costs no SQL). Anything committed before that poll began is in the copy,
 * so a change in spaces or licensing takes effect in cards at most 2 s after it commits, whether
 * the polls succeed or not. Before the first complete poll, or when polls fail for longer (a peer
 * down), cards asks the peer as before, and that fails closed (SERVICE_UNAVAILABLE): correctness
 * never depends on the copy being warm. A user or tenant the copy has no row for has no groups /
 * no card contract: the feeds start with every membership and contract that existed (the outbox
 * migrations backfill them).
 */
export const peerCopyEnvSchema = z.object({
  CARDS_PEER_SYNC_MS: z.coerce.number().int().min(50).max(60_000).optional(),
  CARDS_PEER_MAX_STALENESS_MS: z.coerce.number().int().min(100).max(600_000).optional(),
});

export const MEMBERSHIPS_FEED = 'memberships';
export const DIGITISATION_FEED = 'digitisation';

export interface PeerCopySettings {
  syncMs: number;
  maxStalenessMs: number;
}

// read per request: parsed once per deps object (one per subgraph instance), not once per request
const settingsByDeps = new WeakMap<object, PeerCopySettings>();

export function peerCopySettings(deps: SubgraphDeps): PeerCopySettings {
  let settings = settingsByDeps.get(deps);
  if (!settings) {
    const parsed = parseEnv(peerCopyEnvSchema, deps.env ?? {});
    const syncMs = parsed.CARDS_PEER_SYNC_MS ?? 1000;
    settings = { syncMs, maxStalenessMs: parsed.CARDS_PEER_MAX_STALENESS_MS ?? 2 * syncMs };
    settingsByDeps.set(deps, settings);
  }
  return settings;
}

interface MembershipRow {
  seq: number;
  tenantId: string;
  userId: string;
  groupIds: string[];
}

interface DigitisationRow {
  seq: number;
  tenantId: string;
  includedSides: number;
  purchasedSides: number;
  endsOn: string | null;
}

async function loadCursor(dataSource: DataSource, feed: string): Promise<number> {
  return (await dataSource.getRepository(PeerFeedCursor).findOneBy({ feed }))?.position ?? 0;
}

/** C3: each row is the user's whole current set of groups; a user with none keeps no row. */
async function applyMemberships(dataSource: DataSource, rows: MembershipRow[], position: number, reset: boolean): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (reset) await manager.clear(PeerGroupMembership);
    // the last row per user wins: later rows carry a state at least as new
    const latest = new Map(rows.map((row) => [`${row.tenantId}/${row.userId}`, row]));
    for (const row of latest.values()) {
      await manager.delete(PeerGroupMembership, { tenantId: row.tenantId, userId: row.userId });
      if (row.groupIds.length > 0) await manager.insert(PeerGroupMembership, { tenantId: row.tenantId, userId: row.userId, groupIds: JSON.stringify(row.groupIds) });
    }
    await manager.update(PeerFeedCursor, { feed: MEMBERSHIPS_FEED }, { position });
  });
}

/** L15: each row is the tenant's whole current allowance. */
async function applyDigitisation(dataSource: DataSource, rows: DigitisationRow[], position: number, reset: boolean): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (reset) await manager.clear(PeerCardDigitisation);
    const latest = new Map(rows.map((row) => [row.tenantId, row]));
    for (const row of latest.values()) {
      await manager.delete(PeerCardDigitisation, { tenantId: row.tenantId });
      await manager.insert(PeerCardDigitisation, { tenantId: row.tenantId, includedSides: row.includedSides, purchasedSides: row.purchasedSides, endsOn: row.endsOn });
    }
    await manager.update(PeerFeedCursor, { feed: DIGITISATION_FEED }, { position });
  });
}

// the request path finds its instance's followers by the deps object both are given (one per subgraph instance)
const followersByDeps = new WeakMap<object, { memberships: FeedFollower; digitisation: FeedFollower }>();

/** Starts following both feeds; the returned function stops them (awaiting a poll under way). */
export function startPeerCopies({ dataSource, logger, deps }: BackgroundRuntime): { stop: () => Promise<void> } {
  const settings = peerCopySettings(deps);
  const common = { dataSource, directory: deps.peers, gatewaySecret: deps.gatewaySecret, logger, intervalMs: settings.syncMs, maxStalenessMs: settings.maxStalenessMs };
  const memberships = startFeedFollower<Omit<MembershipRow, 'seq'>>({
      ...common,
      name: MEMBERSHIPS_FEED,
      peer: 'spaces',
      // spaces waits, after a group change, until this copy has read past it (C3, no grace period)
      follower: `cards:${randomUUID()}`,
      loadCursor: (ds) => loadCursor(ds, MEMBERSHIPS_FEED),
      apply: applyMemberships,
    });
  const digitisation = startFeedFollower<Omit<DigitisationRow, 'seq'>>({
      ...common,
      name: DIGITISATION_FEED,
      peer: 'licensing',
      loadCursor: (ds) => loadCursor(ds, DIGITISATION_FEED),
      apply: applyDigitisation,
    });
  followersByDeps.set(deps, { memberships, digitisation });
  return {
    stop: async () => {
      followersByDeps.delete(deps);
      await Promise.all([memberships.stop(), digitisation.stop()]);
    },
  };
}

/**
 * C3: the viewer's groups from the copy (one primary-key read), or null when the copy may not be
 * trusted and spaces must be asked.
 */
export async function copiedGroupIds(ctx: CardsContext, tenantId: string, userId: string): Promise<ReadonlySet<string> | null> {
  if (!followersByDeps.get(ctx.deps)?.memberships.isFresh()) return null;
  const row = await ctx.dataSource.getRepository(PeerGroupMembership).findOneBy({ tenantId, userId });
  return new Set(row ? (JSON.parse(row.groupIds) as string[]) : []);
}

export interface CopiedDigitisation {
  included: number;
  purchased: number;
  endsOn: string | null;
}

/** L15: the tenant's allowance from the copy (one primary-key read), or null when licensing must be asked. */
export async function copiedDigitisation(ctx: CardsContext, tenantId: string): Promise<CopiedDigitisation | null> {
  if (!followersByDeps.get(ctx.deps)?.digitisation.isFresh()) return null;
  const row = await ctx.dataSource.getRepository(PeerCardDigitisation).findOneBy({ tenantId });
  return { included: row?.includedSides ?? 0, purchased: row?.purchasedSides ?? 0, endsOn: row?.endsOn ?? null };
}
