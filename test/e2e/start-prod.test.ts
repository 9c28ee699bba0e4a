import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKyodoClient, SignInDocument, ViewerDocument } from '@kyodo/client';
import { createTestDatabase, freePortBase, type TestDatabase } from '@kyodo/testkit';

/**
 * `npm run migrate -- --built` then `npm run start:prod` (issue 12): the built stack (dist/, no
 * tsx) in production mode, on the same ports and variables as `npm start`, answering the smoke
 * query through the gateway, sent as the typed client's registered documents (production runs only
 * those, plus a signed-in member's own). Needs `npm run build` first (CI builds before the tests); without
 * every dist/main.js it skips, saying so. With MYSQL_URL set (CI) each subgraph gets a fresh,
 * empty MariaDB database that `npm run migrate` must create the tables in; SQLite files otherwise.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKSPACES = ['gateway', 'services/spaces', 'services/licensing', 'services/cards', 'services/support'];
const SUBGRAPHS = ['spaces', 'licensing', 'cards', 'support'];
const built = WORKSPACES.every((dir) => existsSync(join(ROOT, dir, 'dist', 'main.js'))) && existsSync(join(ROOT, 'packages/subgraph-kit/dist/migrate-cli.js'));
// CI builds before the tests (.ci/run): there a missing build is a failure, not a skip
const mustRun = process.env.CI === 'true' || process.env.KYODO_REQUIRE_BUILD === 'true';
if (!built && !mustRun) console.log('start-prod.test.ts: skipped, no build (run `npm run build` first)');
if (!built && mustRun) {
  describe('npm run start:prod', () => {
    it('has a build to start (CI runs `npm run build` before the tests)', () => {
      expect(built, 'no dist/main.js: `npm run build` did not run or failed').toBe(true);
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

describe.skipIf(!built)('npm run start:prod: the built stack in production mode', () => {
  let dataDir: string;
  let base: number;
  let npm: ChildProcess;
  let output = '';
  let env: NodeJS.ProcessEnv;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-start-prod-'));
    base = await freePortBase(5);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('npm_') || name.endsWith('_PORT') || name.endsWith('DATABASE_URL')) delete env[name];
    delete env.PUBLIC_URL;
    delete env.NODE_ENV;
    Object.assign(env, {
      DATA_DIR: dataDir,
      KYODO_PORT_BASE: String(base),
      KYODO_LOG_FORMAT: 'json',
      NO_COLOR: '1',
      SEED_DEMO: 'true',
      // Q1: production licensing refuses to start without the invoice issuer
      INVOICE_ISSUER_NAME: '共同株式会社',
      INVOICE_REGISTRATION_NUMBER: 'T7000012050002',
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      TOTP_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      GATEWAY_SECRET: randomBytes(24).toString('hex'),
    });
    for (const name of SUBGRAPHS) {
      if (process.env.MYSQL_URL) {
        const database = await createTestDatabase(`prod_${name}`, 'mariadb');
        databases.push(database);
        env[`${name.toUpperCase()}_DATABASE_URL`] = database.url;
      } else {
        env[`${name.toUpperCase()}_DATABASE_URL`] = `sqlite:${join(dataDir, `${name}.sqlite`)}`;
      }
    }
  }, 30_000);

  afterAll(async () => {
    if (npm && npm.exitCode === null && npm.signalCode === null) {
      npm.kill('SIGTERM');
      await exited(npm);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('migrates with the built code, starts without tsx, answers the smoke query, and stops on SIGTERM to npm', async () => {
    const migrate = spawn('npm', ['run', 'migrate', '--', '--built'], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let migrateOut = '';
    migrate.stdout?.on('data', (chunk: Buffer) => (migrateOut += chunk.toString()));
    migrate.stderr?.on('data', (chunk: Buffer) => (migrateOut += chunk.toString()));
    expect(await exited(migrate), migrateOut).toBe(0);
    for (const name of SUBGRAPHS) expect(migrateOut).toContain(`${name}: applied `);
    // the database really was empty and is now complete: a second run has nothing to apply
    const again = spawn('npm', ['run', 'migrate', '--', '--built'], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let againOut = '';
    again.stdout?.on('data', (chunk: Buffer) => (againOut += chunk.toString()));
    again.stderr?.on('data', (chunk: Buffer) => (againOut += chunk.toString()));
    expect(await exited(again), againOut).toBe(0);
    for (const name of SUBGRAPHS) expect(againOut).toContain(`${name}: up to date`);

    npm = spawn('npm', ['run', 'start:prod'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((done, fail) => {
      npm.stdout?.on('data', () => output.includes('Kyodo is running.') && done());
      npm.once('exit', (code) => fail(new Error(`start:prod exited with ${code} before it was ready:\n${output}`)));
    });
    expect(output).toContain(`mode: built (dist/), NODE_ENV=production`);
    expect(output).not.toContain('tsx');

    const gateway = `http://127.0.0.1:${base}/graphql`;
    // production runs only the client apps' registered documents (trusted documents, issue 13)
    const anonymous = (await (await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ priceBook { product } }' }) })).json()) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);
    const client = createKyodoClient({ url: gateway });
    const signIn = await client.data(SignInDocument, { input: { tenant: 'demo', email: 'admin@demo.example', password: 'demo-admin-pass' } });
    client.setSession(signIn.signIn);
    // the README's query, registered: a field from every subgraph
    const { viewer } = await client.data(ViewerDocument);
    expect(viewer).toEqual({ id: expect.any(String), name: expect.any(String), kind: 'MEMBER', tenant: { subdomain: 'demo', contract: { course: 'STANDARD', billingCycle: 'MONTHLY' } }, cardCount: expect.any(Number), isSupportRegistrant: true });
    // a signed-in member may still send their own document (the sandbox)
    const own = (await (await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${signIn.signIn.token}` }, body: JSON.stringify({ query: '{ viewer { kind } }' }) })).json()) as unknown;
    expect(own).toEqual({ data: { viewer: { kind: 'MEMBER' } } });

    npm.kill('SIGTERM');
    await exited(npm);
    for (const port of [base, base + 1, base + 2, base + 3, base + 4]) {
      const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
        () => true,
        () => false,
      );
      expect(answered, `port ${port} still answers`).toBe(false);
    }
  }, 150_000);
});
