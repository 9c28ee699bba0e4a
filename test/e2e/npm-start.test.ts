import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, freePortBase, readMailbox } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCommand } from '../../scripts/start-command.mjs';

/**
 * `npm start` as a newcomer runs it (scripts/start.mjs): real processes, SQLite under a data
 * dir, the demo seeded, the foundation query answered through the gateway, and Ctrl-C leaves
 * nothing running. Free ports and a temporary DATA_DIR, so it runs beside a developer's own
 * `npm start`.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const SERVICES = ['gateway', 'spaces', 'licensing', 'cards', 'support'] as const;

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

  // first, before any request: health checks, metrics scrapes and cards' polls of the change
  // feeds (every second) are logged at debug only, so an idle stack says nothing (issue 21; 30 s
  // measured by hand, 5 s here to keep the suite short)
  it('prints nothing while idle: no line in 5 s after the banner', async () => {
    await new Promise((r) => setTimeout(r, 500)); // the rest of the banner, written with its first line
    const before = output.length;
    await new Promise((r) => setTimeout(r, 5000));
    expect(output.slice(before)).toBe('');
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

    // the web app (issue 13) on the gateway's port; start.mjs built it if it was missing or stale
    expect(output).toContain(`http://localhost:${ports.gateway}/app/`);
    const page = await fetch(`http://127.0.0.1:${ports.gateway}/app/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeTruthy();
    const asset = await fetch(`http://127.0.0.1:${ports.gateway}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    // one SQLite file per subgraph and the dev keys, all under DATA_DIR
    const files = await readdir(dataDir);
    for (const name of ['spaces', 'licensing', 'cards', 'support']) expect(files).toContain(`${name}.sqlite`);
    expect(await readdir(join(dataDir, 'keys'))).toEqual(expect.arrayContaining(['jwt-private.pem', 'jwt-public.pem']));
  });

  it('without tracing, a request’s traceparent still puts its trace id on the gateway’s and every subgraph’s lines; no secret is logged', async () => {
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const { signIn } = await graphql<{ signIn: { token: string } }>(
      gateway,
      'mutation { signIn(input: {tenant: "demo", email: "admin@demo.example", password: "demo-admin-pass"}) { token } }',
    );
    const traceId = '5b8efff798038103d269b633813fc60c';
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signIn.token}`, traceparent: `00-${traceId}-eee19b7ec3c1b174-01` },
      body: JSON.stringify({ query: '{ viewer { id name kind tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }' }),
    });
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    // `[spaces]   {json}`: the services' own lines, not the banner (which lists the demo passwords)
    const lines = output.split('\n').flatMap((raw) => {
      const match = /^\[(\w+)\]\s+(\{.*\})\s*$/.exec(raw);
      return match && (SERVICES as readonly string[]).includes(match[1]!) ? [{ service: match[1]!, raw, line: JSON.parse(match[2]!) as Record<string, unknown> }] : [];
    });
    for (const name of SERVICES) {
      expect(
        lines.some(({ service, line }) => service === name && line.traceId === traceId && line.message === 'request served'),
        `${name} logged the trace id`,
      ).toBe(true);
    }
    const raw = lines.map((entry) => entry.raw).join('\n');
    expect(raw).not.toContain('demo-admin-pass');
    expect(raw).not.toContain(signIn.token);
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

/** Every descendant of `pid` (children, grandchildren...), from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows) {
      if (ppid !== parent || out.includes(child)) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Running (a zombie waiting to be reaped has stopped: it holds no port and runs no code). */
async function running(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe.each(['SIGTERM', 'SIGINT'] as const)('`npm start` through npm, stopped by %s to the npm process; PUBLIC_URL from the real gateway port', (signal) => {
  let dataDir: string;
  let npm: ChildProcess;
  let output = '';
  let base: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-npm-start-sig-'));
    base = await freePortBase(5);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, KYODO_PORT_BASE: String(base), KYODO_LOG_FORMAT: 'json', NO_COLOR: '1' };
    for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'NODE_ENV', 'GATEWAY_PORT', ...SERVICES.map((s) => `${s.toUpperCase()}_PORT`), ...SERVICES.map((s) => `${s.toUpperCase()}_DATABASE_URL`)]) {
      delete env[name];
    }
    // the npm that runs tests may set npm_* variables of its own: the child npm must read the root package.json
    for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
    // not detached: the test sends signals to npm's PID alone, never to a process group
    npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((done, fail) => {
      npm.stdout?.on('data', () => output.includes('Kyodo is running.') && done());
      npm.once('exit', (code) => fail(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
    });
  }, 150_000);

  afterAll(async () => {
    if (npm && npm.exitCode === null && npm.signalCode === null) {
      for (const pid of descendants(npm.pid!)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      npm.kill('SIGKILL');
      await exited(npm);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.runIf(signal === 'SIGTERM')('gives spaces PUBLIC_URL with the gateway\'s real port: the invitation mail links to it', async () => {
    expect(output).toContain(`http://localhost:${base}/graphql`);
    const gateway = `http://127.0.0.1:${base}/graphql`;
    const { signIn } = await graphql<{ signIn: { token: string } }>(
      gateway,
      'mutation { signIn(input: {tenant: "demo", email: "admin@demo.example", password: "demo-admin-pass"}) { token } }',
    );
    const { createSpace } = await graphql<{ createSpace: { id: string } }>(gateway, 'mutation { createSpace(input: { name: "Signals", isGuestSpace: true }) { id } }', signIn.token);
    await graphql(gateway, `mutation { inviteGuest(input: { spaceId: "${createSpace.id}", email: "port@partner.example" }) { id } }`, signIn.token);
    const [mail] = (await readMailbox(dataDir)).filter((m) => m.raw.includes('To: port@partner.example'));
    expect(mail?.decoded).toContain(`http://localhost:${base}/invitations/accept?token=`);
    if (base !== 4000) expect(mail?.decoded).not.toContain('http://localhost:4000/');
  });

  it(`${signal} to the npm PID (not its group) stops start.mjs and all five services within 10 s`, async () => {
    const pids = descendants(npm.pid!);
    // start.mjs (and, without exec, a shell) plus the five services
    expect(pids.length).toBeGreaterThanOrEqual(6);
    for (const pid of pids) expect(await running(pid)).toBe(true);
    const sent = Date.now();
    process.kill(npm.pid!, signal);
    const deadline = sent + 10_000;
    let left = pids;
    while (Date.now() < deadline) {
      left = (await Promise.all(pids.map(async (pid) => ((await running(pid)) ? pid : null)))).filter((pid): pid is number => pid !== null);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(left, `still running ${Date.now() - sent} ms after ${signal}:\n${output.slice(-2000)}`).toEqual([]);
    await exited(npm);
    for (const port of [base, base + 1, base + 2, base + 3, base + 4]) expect(await answers(`http://127.0.0.1:${port}/`), `port ${port} still answers`).toBe(false);
  }, 30_000);
});

describe('npm run start:prod (start.mjs --built): the command chosen per service', () => {
  it('runs dist/main.js on plain Node with --built, the esbuild bundle of src/main.ts without (no tsx at run time)', () => {
    const builtCommand = serviceCommand({ root: ROOT, dir: 'services/spaces', built: true, nodePath: 'node' });
    expect(builtCommand.args).toEqual([join(ROOT, 'services/spaces/dist/main.js')]);
    expect(builtCommand.args.join(' ')).not.toMatch(/tsx|development/);
    expect(builtCommand.env).toEqual({});
    const source = serviceCommand({ root: ROOT, dir: 'services/spaces', built: false, nodePath: 'node' });
    expect(source.entry).toBe(join(ROOT, 'services/spaces/src/main.ts'));
    expect(source.args).toEqual(['--conditions=development', '--enable-source-maps', join(ROOT, 'node_modules/.cache/kyodo-start/services/spaces/main.mjs')]);
    expect(source.args.join(' ')).not.toMatch(/tsx/);
  });

  it('the root scripts exec node, so the signal npm forwards reaches start.mjs rather than a shell', async () => {
    const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('exec node scripts/start.mjs');
    expect(scripts['start:prod']).toBe('exec node scripts/start.mjs --built');
  });
});
