import { EntitySchema, Table, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { BACKGROUND_SQL_MARK } from './database.js';
import type { BackgroundRuntime } from './define-subgraph.js';
import { jobLeaseMsFrom, jobLeases, type JobLeases } from './job-lease.js';

/**
 * Change-feed retention: outbox rows are deleted once they are old and no follower can need them.
 *
 * Two things keep deletion safe for followers:
 * - Only a row *superseded* by a later row of the same key is deleted (rows carry the key's
 *   current state, so the later row says all the deleted one did), and the newest row of a feed
 *   is always kept (its head never goes down, so no follower takes the feed for a recreated one).
 *   A follower starting from 0 still reads every key's current state: its copy ends the same.
 *   An event feed (no key: each row a fact, like an issued invoice) keeps only its newest old row.
 * - A deleted seq leaves a hole, and followers wait at a hole (a transaction may not have
 *   committed yet). So the job records, per outbox, the seq through which every row is settled
 *   (committed or deleted long ago): the feed answers it with each page (`settledThrough`) and
 *   `nextFeedCursor` passes a hole below it at once.
 *
 * Age without a timestamp column: each run records the outbox's head with the time (a mark);
 * once a mark is older than the retention, rows up to its seq are old enough, and that seq is
 * settled (any transaction that had taken a seq below it ended days ago).
 */
export const CHANGE_FEED_MARKS_TABLE = 'change_feed_marks';

export interface ChangeFeedMarkRow {
  /** The outbox table's name. */
  outbox: string;
  /** The head recorded at `markedAt`. */
  markSeq: number;
  /** Epoch milliseconds. */
  markedAt: number;
  /** Every seq at or below this one is committed or gone for good. */
  settledThrough: number;
}

export const ChangeFeedMarkEntity = new EntitySchema<ChangeFeedMarkRow>({
  name: 'ChangeFeedMark',
  tableName: CHANGE_FEED_MARKS_TABLE,
  columns: {
    outbox: { type: 'varchar', length: 100, primary: true },
    markSeq: { type: 'bigint' },
    markedAt: { type: 'bigint' },
    settledThrough: { type: 'bigint' },
  },
});

/** The table every subgraph that serves a change feed migrates to (`<timestamp>-CreateChangeFeedMarks.ts` extends this). */
export abstract class CreateChangeFeedMarksMigration implements MigrationInterface {
  abstract name: string;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: CHANGE_FEED_MARKS_TABLE,
        columns: [
          { name: 'outbox', type: 'varchar', length: '100', isPrimary: true },
          { name: 'markSeq', type: 'bigint' },
          { name: 'markedAt', type: 'bigint' },
          { name: 'settledThrough', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(CHANGE_FEED_MARKS_TABLE);
  }
}

/** One outbox the job trims: its table and the columns a row's current state is keyed by ([]: an event feed). */
export interface FeedOutbox {
  table: string;
  keyColumns: readonly string[];
}

/** CHANGE_FEED_RETENTION_MS: 7 days, far longer than any follower's staleness bound (seconds). */
export const CHANGE_FEED_RETENTION_MS_DEFAULT = 7 * 24 * 60 * 60 * 1000;

export function changeFeedRetentionMsFrom(env: NodeJS.ProcessEnv | undefined): number {
  const value = Number(env?.CHANGE_FEED_RETENTION_MS);
  return Number.isInteger(value) && value > 0 ? value : CHANGE_FEED_RETENTION_MS_DEFAULT;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

/** The settled mark of an outbox (0: none yet), for the feed to answer with each page. */
export async function feedSettledThrough(dataSource: DataSource, outbox: string): Promise<number> {
  const rows = await dataSource.query<Array<{ settledThrough: number | string }>>(
    `${BACKGROUND_SQL_MARK} SELECT settledThrough FROM ${CHANGE_FEED_MARKS_TABLE} WHERE outbox = ?`,
    [outbox],
  );
  return Number(rows[0]?.settledThrough ?? 0);
}

const DELETE_BATCH = 500;

/**
 * One pass over the outboxes: deletes superseded rows at or below a mark older than the
 * retention, settles that mark, and takes a new one. Returns how many rows it deleted.
 * Run it under a job lease (startFeedCleanup) so replicas never interleave.
 */
export async function trimFeedOutboxes(dataSource: DataSource, outboxes: readonly FeedOutbox[], nowMs: number, retentionMs: number): Promise<number> {
  let deleted = 0;
  for (const outbox of outboxes) {
    const table = checked(outbox.table);
    const head = Number((await dataSource.query<Array<{ head: number | string | null }>>(`SELECT MAX(seq) AS head FROM ${table}`))[0]?.head ?? 0);
    const mark = (await dataSource.getRepository(ChangeFeedMarkEntity).findOneBy({ outbox: table })) ?? null;
    if (!mark) {
      await dataSource.getRepository(ChangeFeedMarkEntity).insert({ outbox: table, markSeq: head, markedAt: nowMs, settledThrough: 0 });
      continue;
    }
    if (Number(mark.markedAt) + retentionMs > nowMs) continue;
    const through = Number(mark.markSeq);
    // a row is superseded when its key has a later row (the key's newest seq is above it); MariaDB
    // refuses a DELETE that reads its own table, so the seqs are read first
    const keys = outbox.keyColumns.map(checked);
    const candidates = keys.length
      ? `SELECT old.seq AS seq FROM ${table} old JOIN (SELECT ${keys.join(', ')}, MAX(seq) AS top FROM ${table} GROUP BY ${keys.join(', ')}) latest ON ${keys.map((c) => `latest.${c} = old.${c}`).join(' AND ')} WHERE old.seq < latest.top AND old.seq <= ?`
      : `SELECT seq FROM ${table} WHERE seq < (SELECT MAX(seq) FROM ${table}) AND seq <= ?`;
    for (;;) {
      const rows = await dataSource.query<Array<{ seq: number | string }>>(`${candidates} ORDER BY seq LIMIT ${DELETE_BATCH}`, [through]);
      if (rows.length === 0) break;
      const seqs = rows.map((r) => Number(r.seq));
      await dataSource.query(`DELETE FROM ${table} WHERE seq IN (${seqs.map(() => '?').join(', ')})`, seqs);
      deleted += seqs.length;
      if (rows.length < DELETE_BATCH) break;
    }
    await dataSource.getRepository(ChangeFeedMarkEntity).update({ outbox: table }, { markSeq: Math.max(head, through), markedAt: nowMs, settledThrough: Math.max(through, Number(mark.settledThrough)) });
  }
  return deleted;
}

export interface FeedCleanupOptions {
  /** The subgraph's background runtime (its database, clock, logger and env). */
  runtime: Pick<BackgroundRuntime, 'dataSource' | 'clock' | 'logger' | 'deps'>;
  /** The lease's key, e.g. `spaces:feed-cleanup`. */
  jobKey: string;
  outboxes: readonly FeedOutbox[];
  /** Tests give their own leases (another replica's owner). */
  leases?: JobLeases;
  /** How often to run (default an hour: what matters is a mark older than the retention). */
  everyMs?: number;
}

/** Runs trimFeedOutboxes on a timer, on one replica at a time; returns the stop function. */
export function startFeedCleanup(options: FeedCleanupOptions): () => Promise<void> {
  const { dataSource, clock, logger, deps } = options.runtime;
  const retentionMs = changeFeedRetentionMsFrom(deps.env);
  const leases = options.leases ?? jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(deps.env) });
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running || !dataSource.isInitialized) return;
    running = leases
      .run(options.jobKey, () => trimFeedOutboxes(dataSource, options.outboxes, clock.now().getTime(), retentionMs))
      .then(({ value }) => {
        if (value) logger.info('deleted old change-feed rows', { job: options.jobKey, rows: value });
      })
      .catch((error: unknown) => logger.warn('change-feed cleanup failed', { job: options.jobKey, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  // not at once: a start costs no write; soon after, so a process restarted often still trims
  const first = setTimeout(tick, Math.min(options.everyMs ?? 60 * 60 * 1000, 60_000));
  first.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
