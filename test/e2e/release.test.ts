import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The releases deploy/build-release.sh makes (issue 21): each service bundled with esbuild, its
 * node_modules cut to what the bundle loads. Starts the gateway's and spaces' releases as the
 * images do (`node dist/main.js` in the workspace folder of the release, nothing else of the
 * repository) and sends a sign-in and a viewer query through the gateway to spaces: a package the
 * bundle loads by name at run time (Hive's transports, the SQLite driver) that the release lacks
 * fails here. Needs `npm run build` first, as start-prod.test.ts does.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const built = ['gateway', 'services/spaces'].every((dir) => existsSync(join(ROOT, dir, 'dist', 'main.js')));
const mustRun = process.env.CI === 'true' || process.env.KYODO_REQUIRE_BUILD === 'true';
if (!built && !mustRun) console.log('release.test.ts: skipped, no build (run `npm run build` first)');

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((done) => child.once('exit', () => done()));

describe.skipIf(!built && !mustRun)('deploy/build-release.sh: the bundled releases run on their own', () => {
  let out: string;
  let dataDir: string;
  const children: ChildProcess[] = [];
  let logs = '';
  let gatewayUrl: string;
  let buildOutput = '';

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'kyodo-release-test-'));
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-release-data-'));
    // both at once, as .ci/run builds all six (each writes only its own folder)
    const builds = await Promise.allSettled(
      ['gateway', 'spaces'].map((target) => promisify(execFile)(join(ROOT, 'deploy', 'build-release.sh'), ['--skip-install', '--skip-build', '--out', out, target], { cwd: ROOT })),
    );
    for (const build of builds) {
      const result = build.status === 'fulfilled' ? build.value : (build.reason as { stdout?: string; stderr?: string });
      buildOutput += `${result.stdout ?? ''}${result.stderr ?? ''}`;
    }
    expect(builds.map((build) => build.status), buildOutput).toEqual(['fulfilled', 'fulfilled']);
    const spacesPort = await freePort();
    const gatewayPort = await freePort();
    // development mode, one DATA_DIR: the dev keys and gateway secret the two share
    const env = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    const start = (dir: string, extra: Record<string, string>) => {
      const child = spawn(process.execPath, ['dist/main.js'], { cwd: join(out, dir), env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
      children.push(child);
    };
    start('spaces/services/spaces', { PORT: String(spacesPort), DATABASE_URL: `sqlite:${join(dataDir, 'spaces.sqlite')}`, SEED_DEMO: 'true' });
    const ready = async (url: string) => {
      for (let i = 0; i < 600; i++) {
        if (await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${url} not ready:\n${logs}`);
    };
    await ready(`http://127.0.0.1:${spacesPort}/health`);
    start('gateway/gateway', { PORT: String(gatewayPort), SPACES_URL: `http://127.0.0.1:${spacesPort}/graphql` });
    await ready(`http://127.0.0.1:${gatewayPort}/healthz`);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  }, 240_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    if (out) await rm(out, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints each release size within its target, and holds no OpenTelemetry SDK package (it is in the bundle)', () => {
    expect(buildOutput).toMatch(/gateway: \d+ MB in .* \(target: at most 200 MB\)/);
    expect(buildOutput).toMatch(/spaces: \d+ MB in .* \(target: at most 150 MB\)/);
    expect(existsSync(join(out, 'spaces', 'node_modules', '@opentelemetry', 'sdk-node'))).toBe(false);
    expect(existsSync(join(out, 'gateway', 'node_modules', '@graphql-hive', 'gateway'))).toBe(false);
  });

  it('answers a sign-in and a viewer query through the gateway release to the spaces release', async () => {
    const post = async (query: string, token?: string) =>
      (await (
        await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) })
      ).json()) as { data?: Record<string, unknown>; errors?: unknown };
    const signIn = await post('mutation { signIn(input: {tenant: "demo", email: "admin@demo.example", password: "demo-admin-pass"}) { token } }');
    expect(signIn.errors, logs).toBeUndefined();
    const token = (signIn.data?.signIn as { token: string }).token;
    const viewer = await post('{ viewer { name kind } }', token);
    expect(viewer, logs).toEqual({ data: { viewer: { name: 'Demo Admin', kind: 'MEMBER' } } });
  });
});
