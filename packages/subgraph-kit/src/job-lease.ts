import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EntitySchema, Table, type DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { Clock } from './clock.js';
import { dialectOf } from './database.js';

/**
 * Background work shared by N replicas of a subgraph: whoever holds a job's lease (a row in the
 * subgraph's own database) runs it; the others skip it. A lease has an end: a replica that dies
 * (SIGKILL, lost node) stops renewing it, and once it has expired another replica takes the job
 * over. Nothing lives in one process's memory, so replicas can come and go.
 */
export interface JobLeaseRow {
  jobKey: string;
  owner: string;
  /** Epoch milliseconds: the lease is held until then (an integer compares the same on every dialect). */
  leaseUntil: number;
}

export const JOB_LEASES_TABLE = 'job_leases';

export const JobLeaseEntity = new EntitySchema<JobLeaseRow>({
  name: 'JobLease',
  tableName: JOB_LEASES_TABLE,
  columns: {
    jobKey: { type: 'varchar', length: 191, primary: true },
    owner: { type: 'varchar', length: 100 },
    leaseUntil: { type: 'bigint' },
  },
});

/**
 * The table every subgraph with background jobs migrates to: each service's own migration
 * (`<timestamp>-CreateJobLeases.ts`) extends this, so the table is the same everywhere.
 */
export abstract class CreateJobLeasesMigration implements MigrationInterface {
  abstract name: string;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: JOB_LEASES_TABLE,
        columns: [
          { name: 'jobKey', type: 'varchar', length: '191', isPrimary: true },
          { name: 'owner', type: 'varchar', length: '100' },
          { name: 'leaseUntil', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(JOB_LEASES_TABLE);
  }
}

/** How long a lease lasts unless renewed; JOB_LEASE_MS changes it (tests make it short). */
export const JOB_LEASE_MS_DEFAULT = 60_000;

/** This process, as a lease owner: host, pid and a random part (a restarted pid is someone else). */
export function leaseOwnerId(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface JobLeaseOptions {
  clock: Clock;
  ttlMs?: number;
  owner?: string;
}

export interface LeaseRun<T> {
  /** false: another replica holds the lease, the work did not run here. */
  ran: boolean;
  value?: T;
}

export interface JobLeases {
  readonly owner: string;
  readonly ttlMs: number;
  /** Takes the lease when nobody holds it, its holder's has expired, or it is already ours. */
  claim(jobKey: string): Promise<boolean>;
  /** Extends our lease; false when it is no longer ours (it expired and was taken over). */
  renew(jobKey: string): Promise<boolean>;
  /** Gives the lease up at once (only ours): the next claimer need not wait for the expiry. */
  release(jobKey: string): Promise<void>;
  /**
   * Inside the transaction that writes a job's result: is the lease still ours? On MariaDB the
   * row stays locked until that transaction ends, so nobody takes it over between this check
   * and the commit; SQLite has one writer at a time, which gives the same.
   */
  holds(manager: EntityManager, jobKey: string): Promise<boolean>;
  /**
   * Claims, runs `work` while renewing the lease every third of its length, and releases it.
   * Returns `{ ran: false }` without running when another replica holds the lease.
   */
  run<T>(jobKey: string, work: () => Promise<T>): Promise<LeaseRun<T>>;
}

/** The leases of one process on one subgraph database. */
export function jobLeases(dataSource: DataSource, options: JobLeaseOptions): JobLeases {
  const owner = options.owner ?? leaseOwnerId();
  const ttlMs = options.ttlMs ?? JOB_LEASE_MS_DEFAULT;
  const now = () => options.clock.now().getTime();
  const mariadb = dialectOf(dataSource) !== 'sqlite';

  /** The compare-and-set: one atomic UPDATE, taken only when the lease is free or ours. */
  const casUpdate = async (manager: EntityManager, jobKey: string, at: number): Promise<boolean> => {
    const result = await manager
      .createQueryBuilder()
      .update(JobLeaseEntity)
      .set({ owner, leaseUntil: at + ttlMs })
      .where('jobKey = :jobKey AND (leaseUntil < :at OR owner = :owner)', { jobKey, at, owner })
      .execute();
    return (result.affected ?? 0) === 1;
  };

  const insertFresh = async (manager: EntityManager, jobKey: string, at: number): Promise<boolean> => {
    try {
      await manager.insert(JobLeaseEntity, { jobKey, owner, leaseUntil: at + ttlMs });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false; // another replica created it first: theirs
      throw error;
    }
  };

  async function claim(jobKey: string): Promise<boolean> {
    const at = now();
    if (mariadb) {
      // the row exists before it is locked: a locking read of a missing key takes a gap lock, and
      // two replicas inserting into the same gap deadlock; INSERT IGNORE never waits on that
      try {
        // a released lease's row is deleted: replicas inserting it again at once can still deadlock
        // on the key's gap with a delete (seen in CI); the victim has lost a race, as below
        await dataSource.query(`INSERT IGNORE INTO ${JOB_LEASES_TABLE} (jobKey, owner, leaseUntil) VALUES (?, '', 0)`, [jobKey]);
        // SKIP LOCKED: a row another replica is claiming right now is theirs; never queue behind it
        return await dataSource.transaction(async (manager) => {
          const rows: Array<{ owner: string; leaseUntil: string | number }> = await manager.query(
            `SELECT owner, leaseUntil FROM ${JOB_LEASES_TABLE} WHERE jobKey = ? FOR UPDATE SKIP LOCKED`,
            [jobKey],
          );
          const held = rows[0];
          if (!held) return false; // locked by a replica claiming it (or released and deleted since)
          if (held.owner !== owner && Number(held.leaseUntil) >= at) return false;
          return casUpdate(manager, jobKey, at);
        });
      } catch (error) {
        if (isLockConflict(error)) return false; // lost a race for the row: another replica has it
        throw error;
      }
    }
    // SQLite has one writer at a time: the conditional UPDATE is the whole claim
    if (await casUpdate(dataSource.manager, jobKey, at)) return true;
    return insertFresh(dataSource.manager, jobKey, at);
  }

  async function renew(jobKey: string): Promise<boolean> {
    const result = await dataSource
      .createQueryBuilder()
      .update(JobLeaseEntity)
      .set({ leaseUntil: now() + ttlMs })
      .where('jobKey = :jobKey AND owner = :owner', { jobKey, owner })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async function release(jobKey: string): Promise<void> {
    await dataSource.createQueryBuilder().delete().from(JobLeaseEntity).where('jobKey = :jobKey AND owner = :owner', { jobKey, owner }).execute();
  }

  async function holds(manager: EntityManager, jobKey: string): Promise<boolean> {
    const rows: Array<{ owner: string }> = await manager.query(`SELECT owner FROM ${JOB_LEASES_TABLE} WHERE jobKey = ?${mariadb ? ' FOR UPDATE' : ''}`, [jobKey]);
    return rows[0]?.owner === owner;
  }

  async function run<T>(jobKey: string, work: () => Promise<T>): Promise<LeaseRun<T>> {
    if (!(await claim(jobKey))) return { ran: false };
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renew(jobKey).catch(() => false);
    }, Math.max(Math.floor(ttlMs / 3), 10));
    timer.unref();
    try {
      return { ran: true, value: await work() };
    } finally {
      clearInterval(timer);
      await renewing;
      if (dataSource.isInitialized) await release(jobKey).catch(() => undefined);
    }
  }

  return { owner, ttlMs, claim, renew, release, holds, run };
}

/** JOB_LEASE_MS from a subgraph's environment, else the default. */
export function jobLeaseMsFrom(env: NodeJS.ProcessEnv | undefined): number {
  const value = Number(env?.JOB_LEASE_MS);
  return Number.isInteger(value) && value > 0 ? value : JOB_LEASE_MS_DEFAULT;
}

/** MariaDB/MySQL gave up a lock: a deadlock (1213) or a lock wait timeout (1205). */
function isLockConflict(error: unknown): boolean {
  const e = error as { errno?: unknown; driverError?: { errno?: unknown } } | null;
  return [e?.errno, e?.driverError?.errno].some((errno) => errno === 1213 || errno === 1205);
}

/** A unique or primary key refused the row (MariaDB/MySQL or SQLite). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; driverError?: { code?: unknown; errno?: unknown } } | null;
  const codes = [e?.code, e?.driverError?.code];
  return codes.includes('ER_DUP_ENTRY') || codes.includes('SQLITE_CONSTRAINT_UNIQUE') || codes.includes('SQLITE_CONSTRAINT_PRIMARYKEY') || e?.errno === 1062 || e?.driverError?.errno === 1062;
}
