import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDataSource, CreateJobLeasesMigration, JobLeaseEntity, jobLeaseMsFrom, jobLeases, ManualClock, runMigrations } from '../src/index.js';

class CreateJobLeases1764979200000 extends CreateJobLeasesMigration {
  name = 'CreateJobLeases1764979200000';
}

/** A fresh database with only the job_leases table: a temp SQLite file, or a new MariaDB database (MYSQL_URL). */
async function leaseDatabase(dialect: 'sqlite' | 'mariadb'): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  let url: string;
  let cleanUp: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'kyodo-leases-'));
    url = `sqlite:${join(dir, 'leases.sqlite')}`;
    cleanUp = () => rm(dir, { recursive: true, force: true });
  } else {
    const server = new URL(process.env.MYSQL_URL!);
    server.pathname = '/';
    const name = `kyodo_t_leases_${randomBytes(4).toString('hex')}`;
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
  const dataSource = createDataSource({ url, entities: [JobLeaseEntity], migrations: [CreateJobLeases1764979200000] });
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

describe.each(dialects)('job leases on %s (replicas share background work)', (dialect) => {
  let db: Awaited<ReturnType<typeof leaseDatabase>>;
  const clock = new ManualClock('2027-01-01T00:00:00Z');
  beforeAll(async () => {
    db = await leaseDatabase(dialect);
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    await db.dataSource.getRepository(JobLeaseEntity).clear();
  });
  const replica = (ttlMs = 1000) => jobLeases(db.dataSource, { clock, ttlMs });

  it('five replicas race for one lease: exactly one gets it, on a new job and on a released one', async () => {
    const replicas = Array.from({ length: 5 }, () => replica());
    expect((await Promise.all(replicas.map((r) => r.claim('job-1')))).filter(Boolean)).toHaveLength(1);
    const holding = [];
    for (const r of replicas) holding.push(await db.dataSource.transaction((manager) => r.holds(manager, 'job-1')));
    expect(holding.filter(Boolean)).toHaveLength(1);
    for (const r of replicas) await r.release('job-1');
    expect(await db.dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: 'job-1' })).toBe(0);
    expect((await Promise.all(replicas.map((r) => r.claim('job-1')))).filter(Boolean)).toHaveLength(1);
  });

  it('replicas claiming and releasing a lease at the same time, again and again: never two holders, never a lock error', async () => {
    const replicas = Array.from({ length: 5 }, () => replica());
    let holders = 0;
    let most = 0;
    let wins = 0;
    await Promise.all(
      replicas.map(async (r) => {
        for (let round = 0; round < 40; round++) {
          if (!(await r.claim('job-race'))) continue;
          wins += 1;
          most = Math.max(most, ++holders);
          // hold it a moment: a second holder meanwhile would show in `most`
          await new Promise((resolve) => setTimeout(resolve, 2));
          holders -= 1;
          await r.release('job-race');
        }
      }),
    );
    expect(most).toBe(1);
    expect(wins).toBeGreaterThan(0);
  });

  it('a live lease is kept from others but claimed again by its holder; an expired one is taken over, and its old holder can no longer renew or hold it', async () => {
    const [a, b] = [replica(1000), replica(1000)];
    expect(await a.claim('job-2')).toBe(true);
    expect(await b.claim('job-2')).toBe(false);
    expect(await a.claim('job-2')).toBe(true);
    clock.advance(999);
    expect(await b.claim('job-2')).toBe(false);
    clock.advance(1001);
    expect(await b.claim('job-2')).toBe(true);
    expect(await a.renew('job-2')).toBe(false);
    expect(await db.dataSource.transaction((manager) => a.holds(manager, 'job-2'))).toBe(false);
    expect(await db.dataSource.transaction((manager) => b.holds(manager, 'job-2'))).toBe(true);
    // a release by the old holder does not free the new holder's lease
    await a.release('job-2');
    expect(await a.claim('job-2')).toBe(false);
  });

  it('run: only one of two replicas runs the work at a time; the lease is renewed while it runs and given back after', async () => {
    const real = { now: () => new Date() };
    const [a, b] = [jobLeases(db.dataSource, { clock: real, ttlMs: 150 }), jobLeases(db.dataSource, { clock: real, ttlMs: 150 })];
    let runs = 0;
    const work = async () => {
      runs++;
      // twice the lease: without renewal the other replica would take it over half-way
      await new Promise((r) => setTimeout(r, 300));
      return 'done';
    };
    const first = a.run('job-3', work);
    await new Promise((r) => setTimeout(r, 200));
    expect(await b.run('job-3', work)).toEqual({ ran: false });
    expect(await first).toEqual({ ran: true, value: 'done' });
    expect(runs).toBe(1);
    expect(await db.dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: 'job-3' })).toBe(0);
    expect(await b.run('job-3', work)).toEqual({ ran: true, value: 'done' });
  });

  it('JOB_LEASE_MS sets the length; anything but a positive integer keeps the default', () => {
    expect(jobLeaseMsFrom({ JOB_LEASE_MS: '2500' })).toBe(2500);
    expect(jobLeaseMsFrom({ JOB_LEASE_MS: '0' })).toBe(60_000);
    expect(jobLeaseMsFrom({ JOB_LEASE_MS: 'soon' })).toBe(60_000);
    expect(jobLeaseMsFrom(undefined)).toBe(60_000);
  });
});
