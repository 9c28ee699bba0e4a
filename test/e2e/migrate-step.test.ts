import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createTestDatabase, freePort, testDialects, type TestDatabase } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Migrations as their own step (issue 12): `npm run migrate` applies what is pending and exits;
 * a production start refuses a database behind its migrations, naming them, instead of
 * migrating itself. Real processes, as an operator runs them.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
/** support's migrations, as its ordered list names them (one file each): all pending on a fresh database. */
const SUPPORT_MIGRATIONS = readdirSync(join(ROOT, 'services/support/src/migrations')).filter((file) => /^\d{13}-\w+\.ts$/.test(file)).length;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** The environment without any database or mode this machine's shell may set. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.endsWith('DATABASE_URL') || name.startsWith('npm_')) delete env[name];
  delete env.NODE_ENV;
  delete env.DATA_DIR;
  return { ...env, ...extra };
}

const migrate = (args: string[], env: NodeJS.ProcessEnv) => run(process.execPath, [join(ROOT, 'scripts', 'migrate.mjs'), ...args], cleanEnv(env));

const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const JWT_PUBLIC_KEY = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/**
 * Starts the support subgraph from source with NODE_ENV=production on `databaseUrl`: resolves
 * with its exit when it fails to start, or `listening` once it serves (then stops it).
 */
async function productionStart(databaseUrl: string, dataDir: string): Promise<Run & { listening: boolean }> {
  const port = await freePort();
  const env = cleanEnv({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    GATEWAY_SECRET: 'migrate-step-test-secret-0123456789',
    JWT_PUBLIC_KEY,
    PORT: String(port),
    TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'),
  });
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/main.ts'], { cwd: join(ROOT, 'services', 'support'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let listening = false;
    const onData = () => {
      if (!listening && /"message":"listening"/.test(stdout + stderr)) {
        listening = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), onData()));
    child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), onData()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr, listening }));
  });
}

describe.each(testDialects())('npm run migrate, then a production start, on %s', (dialect) => {
  let db: TestDatabase;
  let dataDir: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrate-step', dialect);
    dataDir = await createTestDatabase('migrate-step-data', 'sqlite');
  });
  afterAll(async () => {
    await db?.drop();
    await dataDir?.drop();
  });
  const dataDirPath = () => dataDir.url.replace(/^sqlite:/, '').replace(/\/[^/]+$/, '');

  it('a production start on an unmigrated database exits 1 with one line naming the pending migrations, no stack', async () => {
    const result = await productionStart(db.url, dataDirPath());
    expect(result.listening).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`support cannot start: the support database has ${SUPPORT_MIGRATIONS} pending migration(s): CreateSupportRegistrants1763683200000, CreateSupportDesk1763769600000`);
    expect(result.stderr).toContain('npm run migrate -- support');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates the fresh database from <NAME>_DATABASE_URL, exits 0, and a second run finds nothing to do', async () => {
    const first = await migrate(['support'], { SUPPORT_DATABASE_URL: db.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^support: applied CreateSupportRegistrants1763683200000, .*AddSupportReferenceData1763769600001/m);
    // the named subgraph only
    expect(first.stdout).not.toMatch(/^(spaces|licensing|cards):/m);
    const again = await migrate(['support'], { SUPPORT_DATABASE_URL: db.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^support: up to date/m);
  });

  it('then the production start succeeds on the migrated database', async () => {
    const result = await productionStart(db.url, dataDirPath());
    expect(result.stderr).not.toContain('cannot start');
    expect(result.listening).toBe(true);
  }, 60_000);
});

describe('npm run migrate without arguments: every subgraph, SQLite under DATA_DIR', () => {
  let dataDir: TestDatabase;
  beforeAll(async () => {
    dataDir = await createTestDatabase('migrate-all', 'sqlite');
  });
  afterAll(() => dataDir?.drop());

  it('migrates spaces, licensing, cards and support into <DATA_DIR>/<name>.sqlite', async () => {
    const dir = dataDir.url.replace(/^sqlite:/, '').replace(/\/[^/]+$/, '');
    const result = await migrate([], { DATA_DIR: dir });
    expect(result.code).toBe(0);
    for (const name of ['spaces', 'licensing', 'cards', 'support']) expect(result.stdout).toContain(`${name}: applied `);
    expect(result.stdout).toContain(`(sqlite:${join(dir, 'spaces.sqlite')})`);
  }, 60_000);

  it('fails with exit 1 and one plain line on an unknown subgraph or a database it cannot reach', async () => {
    const unknown = await migrate(['nope'], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('npm run migrate: unknown subgraph nope: subgraphs.json lists spaces, licensing, cards, support.\n');
    const unreachable = await migrate(['support'], { SUPPORT_DATABASE_URL: 'mysql://kyodo:secret@127.0.0.1:1/kyodo_support' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^npm run migrate: support: migration failed on mysql:\/\/\*\*\*@127\.0\.0\.1:1\/kyodo_support: /);
    expect(unreachable.stderr).not.toContain('secret');
    expect(unreachable.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
