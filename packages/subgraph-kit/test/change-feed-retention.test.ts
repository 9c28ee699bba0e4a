import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Table, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeFeedMarkEntity,
  changeFeedRetentionMsFrom,
  changeFeedRoute,
  CreateChangeFeedMarksMigration,
  CreateJobLeasesMigration,
  createDataSource,
  JobLeaseEntity,
  jobLeases,
  ManualClock,
  runMigrations,
  silentLogger,
  startFeedCleanup,
  startFeedFollower,
  trimFeedOutboxes,
  type ChangeFeedPage,
  type FeedOutbox,
} from '../src/index.js';

class CreateJobLeases1 extends CreateJobLeasesMigration {
  name = 'CreateJobLeases1000000000001';
}
class CreateChangeFeedMarks2 extends CreateChangeFeedMarksMigration {
  name = 'CreateChangeFeedMarks1000000000002';
}
/** An outbox like every subgraph's: an increasing seq and the key that changed. */
class CreateTestChanges3 implements MigrationInterface {
  name = 'CreateTestChanges1000000000003';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'test_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'k', type: 'varchar', length: '36' },
        ],
      }),
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('test_changes');
  }
}

async function feedDatabase(dialect: 'sqlite' | 'mariadb'): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  let url: string;
  let cleanUp: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'kyodo-feed-gc-'));
    url = `sqlite:${join(dir, 'feed.sqlite')}`;
    cleanUp = () => rm(dir, { recursive: true, force: true });
  } else {
    const server = new URL(process.env.MYSQL_URL!);
    server.pathname = '/';
    const name = `kyodo_t_feedgc_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: server.toString() });
    await admin.query(`CREATE DATABASE \`${name}\``);
    await admin.end();
    const target = new URL(server);
    target.protocol = 'mariadb:';
    target.pathname = `/${name}`;
    url = target.toString();
    cleanUp = async () => {
      const conn = await createConnection({ uri: server.toString() });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const dataSource = createDataSource({ url, entities: [JobLeaseEntity, ChangeFeedMarkEntity], migrations: [CreateJobLeases1, CreateChangeFeedMarks2, CreateTestChanges3] });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await cleanUp();
    },
  };
}

const dialects: Array<'sqlite' | 'mariadb'> = process.env.MYSQL_URL ? ['sqlite', 'mariadb'] : ['sqlite'];
const DAY = 24 * 60 * 60 * 1000;
const RETENTION = 7 * DAY;
const OUTBOX: FeedOutbox = { table: 'test_changes', keyColumns: ['k'] };

describe.each(dialects)('change-feed retention on %s', (dialect) => {
  let db: Awaited<ReturnType<typeof feedDatabase>>;
  let server: Server;
  let port = 0;
  /** The owner's current state per key: each feed row is served with it, as every subgraph's feed does. */
  const state = new Map<string, number>();
  const t0 = Date.parse('2027-01-01T00:00:00Z');

  const change = async (k: string, value: number) => {
    state.set(k, value);
    await db.dataSource.query('INSERT INTO test_changes (k) VALUES (?)', [k]);
  };
  const seqs = async () => (await db.dataSource.query<Array<{ seq: number | string }>>('SELECT seq FROM test_changes ORDER BY seq')).map((r) => Number(r.seq));
  const read = async (dataSource: DataSource, after: number, first: number): Promise<ChangeFeedPage<{ k: string; value: number }>> => {
    const rows = await dataSource.query<Array<{ seq: number | string; k: string }>>('SELECT seq, k FROM test_changes WHERE seq > ? ORDER BY seq LIMIT ' + String(first), [after]);
    const head = Number((await dataSource.query<Array<{ head: number | string | null }>>('SELECT MAX(seq) AS head FROM test_changes'))[0]?.head ?? 0);
    return { head, changes: rows.map((r) => ({ seq: Number(r.seq), k: r.k, value: state.get(r.k) ?? 0 })) };
  };

  /** A follower on its own copy, whose hole clock never moves: it would wait at a hole for ever. */
  const follow = async (startCursor: number) => {
    const copy = new Map<string, number>();
    let cursor = startCursor;
    const follower = startFeedFollower<{ k: string; value: number }>({
      name: 'tests',
      peer: 'owner',
      dataSource: db.dataSource,
      directory: { urlOf: () => `http://127.0.0.1:${port}/graphql` },
      logger: silentLogger,
      intervalMs: 60_000,
      maxStalenessMs: 60_000,
      loadCursor: () => Promise.resolve(startCursor),
      apply: (_ds, changes, next) => {
        for (const c of changes) copy.set(c.k, c.value);
        cursor = next;
        return Promise.resolve();
      },
      nowMs: () => 0,
    });
    await follower.pollNow();
    await follower.stop();
    return { copy, cursor: () => cursor };
  };

  beforeAll(async () => {
    db = await feedDatabase(dialect);
    const route = changeFeedRoute({ name: 'tests', dataSource: db.dataSource, outbox: 'test_changes', read });
    server = createServer((req, res) => {
      void route(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.drop();
  });

  it('deletes only superseded rows older than the retention, keeps every key newest row, and settles the deleted seqs', async () => {
    await change('a', 1); // 1
    await change('b', 1); // 2
    await change('a', 2); // 3
    await change('c', 1); // 4
    await change('a', 3); // 5
    // the first run only marks the head (5) with the time
    expect(await trimFeedOutboxes(db.dataSource, [OUTBOX], t0, RETENTION)).toBe(0);
    await change('b', 2); // 6, a day later
    expect(await trimFeedOutboxes(db.dataSource, [OUTBOX], t0 + 6 * DAY, RETENTION)).toBe(0);
    expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6]);
    await change('d', 1); // 7: superseded at once, but young
    await change('d', 2); // 8
    // two replicas at once, a week on: one runs the job under the lease, the other skips it
    const clock = new ManualClock(new Date(t0 + 7 * DAY));
    const [one, two] = [jobLeases(db.dataSource, { clock, owner: 'replica-1' }), jobLeases(db.dataSource, { clock, owner: 'replica-2' })];
    const runs = await Promise.all([one, two].map((leases) => leases.run('tests:feed-cleanup', () => trimFeedOutboxes(db.dataSource, [OUTBOX], t0 + 7 * DAY, RETENTION))));
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(runs.find((r) => r.ran)?.value).toBe(3);
    // 1 and 3 (a, superseded by 5) and 2 (b, by 6) are gone; 7 is superseded but not a week old
    expect(await seqs()).toEqual([4, 5, 6, 7, 8]);
    const mark = await db.dataSource.getRepository(ChangeFeedMarkEntity).findOneByOrFail({ outbox: 'test_changes' });
    expect(Number(mark.settledThrough)).toBe(5);
    expect(Number(mark.markSeq)).toBe(8);
  });

  it('answers the settled mark with each page', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/internal/changes/tests?after=0&first=10`);
    const page = (await response.json()) as ChangeFeedPage<{ k: string }>;
    expect(page.settledThrough).toBe(5);
    expect(page.changes.map((c) => c.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(page.head).toBe(8);
  });

  it('a follower starting after a cleanup does not wait at the deleted seqs and ends with the right copy', async () => {
    const fresh = await follow(0);
    expect(fresh.cursor()).toBe(8);
    expect(Object.fromEntries(fresh.copy)).toEqual({ a: 3, b: 2, c: 1, d: 2 });
    // one that had read up to 1 before the cleanup passes 2 and 3 too
    const lagging = await follow(1);
    expect(lagging.cursor()).toBe(8);
    expect(Object.fromEntries(lagging.copy)).toEqual({ a: 3, b: 2, c: 1, d: 2 });
  });

  it('an event feed (no key) keeps only its newest old row', async () => {
    const events: FeedOutbox = { table: 'test_changes', keyColumns: [] };
    await db.dataSource.getRepository(ChangeFeedMarkEntity).update({ outbox: 'test_changes' }, { markedAt: t0 });
    expect(await trimFeedOutboxes(db.dataSource, [events], t0 + 7 * DAY, RETENTION)).toBe(4);
    expect(await seqs()).toEqual([8]);
  });

  it('the timed job of two replicas trims the outbox, taking CHANGE_FEED_RETENTION_MS from the environment', async () => {
    await change('e', 1);
    await change('e', 2);
    await db.dataSource.getRepository(ChangeFeedMarkEntity).delete({ outbox: 'test_changes' });
    const clock = new ManualClock(new Date(t0));
    const runtime = { dataSource: db.dataSource, clock, logger: silentLogger, deps: { env: { CHANGE_FEED_RETENTION_MS: '60000' } } } as unknown as Parameters<typeof startFeedCleanup>[0]['runtime'];
    const stops = ['replica-1', 'replica-2'].map((owner) => startFeedCleanup({ runtime, jobKey: 'tests:timed', outboxes: [OUTBOX], leases: jobLeases(db.dataSource, { clock, owner }), everyMs: 20 }));
    const marked = async () => db.dataSource.getRepository(ChangeFeedMarkEntity).findOneBy({ outbox: 'test_changes' });
    while (!(await marked())) await new Promise((resolve) => setTimeout(resolve, 10));
    clock.set(new Date(t0 + 60_000));
    while ((await seqs()).length > 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(stops.map((stop) => stop()));
    // 8 (d) and 10 (e) stay: each key's newest
    expect(await seqs()).toEqual([8, 10]);
  });

  it('reads CHANGE_FEED_RETENTION_MS, 7 days by default', () => {
    expect(changeFeedRetentionMsFrom({})).toBe(RETENTION);
    expect(changeFeedRetentionMsFrom({ CHANGE_FEED_RETENTION_MS: '60000' })).toBe(60_000);
  });
});
