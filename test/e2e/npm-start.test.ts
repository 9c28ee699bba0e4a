import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a newcomer runs it (scripts/start.mjs): real processes, SQLite under a data
 * dir, the demo seeded, the foundation query answered through the gateway, and Ctrl-C leaves
 * nothing running. Free ports and a temporary DATA_DIR, so it runs beside a developer's own
 * `npm start`.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const SERVICES = ['gateway', 'spaces', 'licensing', 'cards', 'support'] as const;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

async function graphql<T>(url: string, query: string, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

describe('npm start (scripts/start.mjs)', () => {
  let dataDir: string;
  let child: ChildProcess;
  let output = '';
  const ports = {} as Record<(typeof SERVICES)[number], number>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-npm-start-'));
    for (const name of SERVICES) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, KYODO_LOG_FORMAT: 'json', NO_COLOR: '1' };
    for (const name of SERVICES) env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    for (const name of ['DATABASE_URL', 'SPACES_DATABASE_URL', 'LICENSING_DATABASE_URL', 'CARDS_DATABASE_URL', 'SUPPORT_DATABASE_URL']) delete env[name];
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = new Promise<void>((done, fail) => {
      const check = () => {
        if (output.includes('Kyodo is running.')) done();
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => fail(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
    });
    await ready;
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the sandbox URL and the demo sign-ins, and answers the foundation query', async () => {
    expect(output).toContain(`http://localhost:${ports.gateway}/graphql`);
    for (const email of ['admin@demo.example', 'member@demo.example', 'guest@partner.example']) expect(output).toContain(email);
    expect(output).toMatch(/\[spaces\]/);
    expect(output).toMatch(/\[gateway\]/);

    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const { signIn } = await graphql<{ signIn: { token: string } }>(
      gateway,
      'mutation { signIn(input: {tenant: "demo", email: "admin@demo.example", password: "demo-admin-pass"}) { token } }',
    );
    const { viewer } = await graphql<{ viewer: unknown }>(
      gateway,
      '{ viewer { name kind tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }',
      signIn.token,
    );
    expect(viewer).toMatchObject({ kind: 'MEMBER', tenant: { subdomain: 'demo', contract: { course: 'STANDARD', billingCycle: 'MONTHLY' } } });
    expect(viewer).toHaveProperty('cardCount');
    expect(viewer).toHaveProperty('isSupportRegistrant');

    // one SQLite file per subgraph and the dev keys, all under DATA_DIR
    const files = await readdir(dataDir);
    for (const name of ['spaces', 'licensing', 'cards', 'support']) expect(files).toContain(`${name}.sqlite`);
    expect(await readdir(join(dataDir, 'keys'))).toEqual(expect.arrayContaining(['jwt-private.pem', 'jwt-public.pem']));
  });

  it('stops every service on SIGINT and exits 0', async () => {
    child.kill('SIGINT');
    const { code } = await exited(child);
    expect(code).toBe(0);
    for (const name of SERVICES) {
      expect(await answers(`http://127.0.0.1:${ports[name]}/`), `${name} still answers on port ${ports[name]}`).toBe(false);
    }
  }, 30_000);
});
