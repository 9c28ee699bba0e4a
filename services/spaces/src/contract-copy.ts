import { randomUUID } from 'node:crypto';
import { jobLeaseMsFrom, jobLeases, parseEnv, recordAudit, startFeedFollower, type BackgroundRuntime, type FeedFollower, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { In, IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import { z } from 'zod';
import type { SpacesContext } from './context.js';
import { contractEndOf, hasContractEnded } from './domain/account-links.js';
import { PeerFeedCursor } from './entities/peer-feed-cursor.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';
import { spacesRefusals } from './refusals/refusals.js';

/**
 * L8/S9, by itself: licensing owns the contracts and says, on its internal contract feed, when each
 * tenant's base contract stops giving access (cancelled, or a termination notice's last term).
 * Spaces polls that feed every SPACES_CONTRACT_SYNC_MS (1 s) into `tenants.contractEndsAt`, and
 * every check compares that date with the clock, so the end takes effect at 00:00 of the day after
 * the last day with no one acting and no call to licensing on the request path.
 *
 * The bound: the copy is trusted while this process's last poll that reached the head began less
 * than SPACES_CONTRACT_MAX_STALENESS_MS (2 s) ago. When it is not (licensing down, or the first
 * poll not done), a check that depends on it polls once more and, if licensing still cannot be read, fails
 * closed (SERVICE_UNAVAILABLE), never lets a link through. A deployment without licensing in its directory (spaces' own tests) has only the dates
 * recorded by hand.
 *
 * A replica-safe job (a job lease) records each end once in the audit log (A1): in the tenant whose
 * contract ended, and in every tenant one of its members was linked into (S9).
 */
export const contractCopyEnvSchema = z.object({
  SPACES_CONTRACT_SYNC_MS: z.coerce.number().int().min(50).max(60_000).optional(),
  SPACES_CONTRACT_MAX_STALENESS_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  SPACES_CONTRACT_JOB_MS: z.coerce.number().int().min(50).max(3_600_000).optional(),
});

export const CONTRACT_FEED = 'contracts';
const LICENSING = 'licensing';

/** The job's lease: with N replicas one records the ends at a time. */
export const CONTRACT_END_LEASE = 'spaces:contract-end';

/** Who the audit log names for what happened by itself on a date (no person acted). */
export const SYSTEM_ACTOR_ID = 'system';

interface ContractRow {
  seq: number;
  tenantId: string;
  endsOn: string | null;
  endsAt: string | null;
}

interface Settings {
  syncMs: number;
  maxStalenessMs: number;
  jobMs: number;
}

const settingsByDeps = new WeakMap<object, Settings>();

function settingsOf(deps: SubgraphDeps): Settings {
  let settings = settingsByDeps.get(deps);
  if (!settings) {
    const parsed = parseEnv(contractCopyEnvSchema, deps.env ?? {});
    const syncMs = parsed.SPACES_CONTRACT_SYNC_MS ?? 1000;
    settings = { syncMs, maxStalenessMs: parsed.SPACES_CONTRACT_MAX_STALENESS_MS ?? 2 * syncMs, jobMs: parsed.SPACES_CONTRACT_JOB_MS ?? 60_000 };
    settingsByDeps.set(deps, settings);
  }
  return settings;
}

/** Each row is the tenant's whole current end date: the last row per tenant wins. */
async function applyContracts(dataSource: DataSource, rows: ContractRow[], position: number, reset: boolean): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (reset) await manager.createQueryBuilder().update(Tenant).set({ contractEndsAt: null }).execute();
    const latest = new Map(rows.map((row) => [row.tenantId, row]));
    for (const row of latest.values()) await manager.update(Tenant, { id: row.tenantId }, { contractEndsAt: row.endsAt ? new Date(row.endsAt) : null });
    await manager.update(PeerFeedCursor, { feed: CONTRACT_FEED }, { position });
  });
}

/**
 * A1: records once, for every tenant whose contract end has come, that it took effect: in that
 * tenant, and in each tenant one of its members is linked into. The conditional UPDATE makes a
 * second run (or a replica racing this one) write nothing. Returns how many tenants it recorded.
 */
export async function recordEndedContracts(dataSource: DataSource, now: Date): Promise<number> {
  const due = await dataSource.getRepository(Tenant).find({
    where: [
      { contractEndRecordedAt: IsNull(), contractEndsAt: LessThanOrEqual(now) },
      { contractEndRecordedAt: IsNull(), contractCancelledAt: LessThanOrEqual(now) },
    ],
  });
  let recorded = 0;
  for (const tenant of due) {
    if (!hasContractEnded(tenant, now)) continue;
    await dataSource.transaction(async (manager) => {
      const claimed = await manager.update(Tenant, { id: tenant.id, contractEndRecordedAt: IsNull() }, { contractEndRecordedAt: now });
      if ((claimed.affected ?? 0) !== 1) return;
      recorded += 1;
      const members = await manager.find(User, { select: { id: true }, where: { tenantId: tenant.id } });
      const linked = members.length ? await manager.find(User, { select: { id: true, tenantId: true, linkedUserId: true }, where: { linkedUserId: In(members.map((m) => m.id)), kind: 'GUEST' } }) : [];
      const endedAt = contractEndOf(tenant)!.toISOString();
      const actor = { userId: SYSTEM_ACTOR_ID, tenantId: tenant.id };
      await recordAudit(manager, {
        at: now,
        actor,
        tenantId: tenant.id,
        action: 'contract.end',
        subject: `Tenant:${tenant.id}`,
        before: { guestSpacesReadable: true },
        after: { endedAt, guestSpacesReadable: false, linkedAccountsEnded: linked.length },
      });
      for (const guest of linked) {
        await recordAudit(manager, {
          at: now,
          actor,
          tenantId: guest.tenantId,
          action: 'accountLink.end',
          subject: `User:${guest.id}`,
          before: { linkedUserId: guest.linkedUserId, usable: true },
          after: { linkedUserId: guest.linkedUserId, usable: false, reason: `contract of tenant ${tenant.id} ended ${endedAt} (L8/S9)` },
        });
      }
    });
  }
  return recorded;
}

const followerByDeps = new WeakMap<object, FeedFollower>();

/** Follows licensing's contract feed and runs the contract-end job; the returned function stops both. */
export function startContractCopy({ dataSource, clock, logger, deps }: BackgroundRuntime): () => Promise<void> {
  const settings = settingsOf(deps);
  // started whenever there is a directory: its URLs may be filled in after start (ports chosen late)
  const follower = deps.peers
    ? startFeedFollower<Omit<ContractRow, 'seq'>>({
        name: CONTRACT_FEED,
        peer: LICENSING,
        // licensing waits, after a cancellation, until this copy has read past it (L8/S9, no grace period)
        follower: `spaces:${randomUUID()}`,
        dataSource,
        directory: deps.peers,
        gatewaySecret: deps.gatewaySecret,
        logger,
        intervalMs: settings.syncMs,
        maxStalenessMs: settings.maxStalenessMs,
        loadCursor: async (ds) => (await ds.getRepository(PeerFeedCursor).findOneBy({ feed: CONTRACT_FEED }))?.position ?? 0,
        apply: applyContracts,
      })
    : null;
  if (follower) followerByDeps.set(deps, follower);
  const leases = jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(deps.env) });
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running || !dataSource.isInitialized) return;
    running = leases
      .run(CONTRACT_END_LEASE, () => recordEndedContracts(dataSource, clock.now()))
      .then(({ value }) => {
        if (value) logger.info('recorded contract ends (L8)', { tenants: value });
      })
      .catch((error: unknown) => logger.warn('contract-end job failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = undefined;
      });
  }, settings.jobMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    followerByDeps.delete(deps);
    await Promise.all([follower?.stop(), running]);
  };
}

/**
 * L8/S9: has this tenant's contract ended, by the local copy? Throws SERVICE_UNAVAILABLE when
 * licensing is in the directory but the copy is not fresh (fail closed).
 */
export async function contractHasEnded(ctx: SpacesContext, tenantId: string, now: Date): Promise<boolean> {
  const tenant = await ctx.loaders.tenantById.load(tenantId);
  if (!tenant) return true;
  // a date recorded by hand, or one already copied and passed, needs no fresh copy to refuse
  if (hasContractEnded(tenant, now)) return true;
  // a stale copy is read again before refusing: only a licensing that cannot be read refuses
  if (ctx.deps.peers?.urlOf(LICENSING) && !(await followerByDeps.get(ctx.deps)?.freshNow())) {
    throw spacesRefusals.refuse('contractUncheckable');
  }
  return false;
}
