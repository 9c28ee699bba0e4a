import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runMain } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The spaces process as `npm start` or a deployment starts it, with a chosen environment. */
describe('spaces start-up: configuration problems are named in one message, without a stack trace', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-startup-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('NODE_ENV=production with an empty environment lists every missing variable at once and exits 1', async () => {
    const run = await runMain('services/spaces', { NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('spaces cannot start: Invalid environment:');
    expect(lines.slice(1).map((line) => line.trim().split(':')[0]).sort()).toEqual(['DATABASE_URL', 'GATEWAY_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'TOTP_ENCRYPTION_KEYS']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);

  it('a DATABASE_URL with an unknown scheme is named, with the schemes it takes', async () => {
    const run = await runMain('services/spaces', { DATABASE_URL: 'postgres://app:hunter2-secret@db/kyodo', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('spaces cannot start: Invalid environment:\n  DATABASE_URL: has an unknown scheme: must be sqlite:<path>, mysql://... or mariadb://...\n');
  }, 180_000);

  it('a database server that does not answer: one line naming DATABASE_URL and host:port, never the password', async () => {
    const port = await freePort();
    const run = await runMain('services/spaces', { DATABASE_URL: `mysql://app:hunter2-secret@127.0.0.1:${port}/kyodo_spaces`, DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`spaces cannot start: DATABASE_URL: cannot connect to 127.0.0.1:${port} (ECONNREFUSED); is the MySQL server running and reachable there?\n`);
    expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
  }, 180_000);
});
