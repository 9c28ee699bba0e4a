#!/usr/bin/env node
// `npm start`: the four subgraphs and the gateway on localhost, each its own process, SQLite
// files under data/, the demo tenant seeded (idempotently), logs prefixed per service, and a
// clean stop on Ctrl-C. Nothing to build beforehand: each service's TypeScript source is bundled
// by esbuild as it starts (about a second; start-bundle.mjs) and run on plain Node; the web app
// (apps/web) is built with Vite when apps/web/dist is missing or older than its sources, and
// served under /app/.
//
// Flags:
//   --built   (`npm run start:prod`) run each workspace's compiled dist/main.js on plain Node, as its
//             own `start:prod` does: no tsx, no TypeScript. Run `npm run build` first. NODE_ENV
//             defaults to production, so the services demand their secrets (JWT_PRIVATE_KEY,
//             JWT_PUBLIC_KEY, TOTP_ENCRYPTION_KEYS, GATEWAY_SECRET...), refuse a database with
//             pending migrations (run `npm run migrate` first) and seed no demo tenant
//             unless SEED_DEMO=true. Ports and every variable below are the same.
//
// Stopping: SIGINT, SIGTERM or SIGHUP to this process, or to the `npm` running it (the npm
// script `exec`s node so npm's forwarded signal reaches this process, not a shell), stops every
// service: SIGTERM, then SIGKILL after 5 s. Should the parent die without a signal (npm killed
// with SIGKILL), the services are stopped too.
//
// Env (all optional):
// The subgraphs, their ports (base + offset) and URL variables come from subgraphs.json.
//   KYODO_PORT_BASE        gateway port; each subgraph takes base + its portOffset (default 4000 -> 4001-4004)
//   GATEWAY_PORT, <NAME>_PORT (SPACES_PORT...)   one port each
//   HOST                   interface every process binds (default 127.0.0.1)
//   DATA_DIR               where SQLite files, dev keys and the dev gateway secret live (default <repo>/data)
//   SPACES_DATABASE_URL, LICENSING_DATABASE_URL, ...   point one subgraph at another database
//   KYODO_START_TIMEOUT    seconds each service gets to become healthy (default 90)
//   PUBLIC_URL             base of links in mail (default: the gateway's real URL, http://localhost:<gateway port>)
//   NODE_ENV               default development (production with --built)
//   KYODO_LOG_FORMAT=json  print the services' JSON log lines as they are (default: compact on a TTY)
//   OTEL_EXPORTER_OTLP_ENDPOINT   every service exports traces by OTLP, named kyodo-<name>; unset: no tracing loaded
//   NO_COLOR               no colours even on a terminal
/* global AbortSignal, setInterval */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundleServices } from './start-bundle.mjs';
import { registeredSignInHash, signInBannerLines, trustedDocumentsOn } from './start-banner.mjs';
import { serviceCommand, TSX_NODE_ARGS } from './start-command.mjs';
import { buildWebApp, webAppBuildReason } from './web-app-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const tty = Boolean(process.stdout.isTTY) && !env.NO_COLOR;
const compactLogs = env.KYODO_LOG_FORMAT ? env.KYODO_LOG_FORMAT !== 'json' : tty;

const paint = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');

const args = process.argv.slice(2);
for (const arg of args) if (arg !== '--built') fail(`unknown flag ${arg}; the only flag is --built (run the compiled dist/ code).`);
const built = args.includes('--built');
const nodeEnv = env.NODE_ENV || (built ? 'production' : 'development');
// the demo tenant is for trying Kyodo out: seeded by default from source, opt-in for a built stack
const seedDemo = env.SEED_DEMO ? env.SEED_DEMO : built ? undefined : 'true';

// ---------------------------------------------------------------------------------------------
// Configuration

function portFromEnv(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}=${raw} is not a port number (1-65535).`);
  return port;
}

// the one registry of subgraphs (names, ports, URL variables); plain JSON so this script needs no build
const registry = JSON.parse(readFileSync(join(ROOT, 'subgraphs.json'), 'utf8'));
const base = portFromEnv('KYODO_PORT_BASE', registry.portBase);
const host = env.HOST || '127.0.0.1';
/** Where to reach a service from here: a wildcard bind is still reachable on loopback. */
const reachHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const urlHost = reachHost.includes(':') ? `[${reachHost}]` : reachHost;
const dataDir = resolve(env.DATA_DIR || join(ROOT, 'data'));
const timeoutMs = Math.max(1, Number(env.KYODO_START_TIMEOUT) || 90) * 1000;
const tsconfig = join(ROOT, 'tsconfig.base.json');

const COLOURS = ['36', '35', '33', '34', '96', '95', '93', '94'];
/** `my-thing` -> `MY_THING`: the prefix of a subgraph's own variables (`MY_THING_PORT`, `MY_THING_DATABASE_URL`). */
const envPrefix = (name) => name.toUpperCase().replace(/-/g, '_');
const SUBGRAPHS = registry.subgraphs.map((s, index) => {
  const port = portFromEnv(`${envPrefix(s.name)}_PORT`, base + s.portOffset);
  return {
    name: s.name,
    dir: s.workspace,
    urlEnv: s.urlEnv,
    colour: COLOURS[index % COLOURS.length],
    port,
    healthUrl: `http://${urlHost}:${port}/health`,
    graphqlUrl: `http://${urlHost}:${port}/graphql`,
  };
});
const gatewayPort = portFromEnv('GATEWAY_PORT', base);
const GATEWAY = { name: 'gateway', dir: 'gateway', port: gatewayPort, colour: '32', healthUrl: `http://${urlHost}:${gatewayPort}/readyz` };
const ALL = [...SUBGRAPHS, GATEWAY];
const labelWidth = Math.max(...ALL.map((s) => s.name.length)) + 2;

// ---------------------------------------------------------------------------------------------
// Output

function say(line) {
  process.stdout.write(`${bold(paint('90')('[kyodo]'.padEnd(labelWidth + 1)))}${line}\n`);
}

function fail(message) {
  process.stderr.write(`${red('[kyodo] error:')} ${message}\n`);
  process.exit(1);
}

/** A service's JSON log line in a shorter form for people; anything else as it is. */
function renderLine(line) {
  if (!compactLogs || !line.startsWith('{')) return line;
  try {
    const { time: _time, service: _service, level, message, ...rest } = JSON.parse(line);
    if (typeof message !== 'string') return line;
    const lvl = level === 'error' ? red(level) : level === 'warn' ? paint('33')(level) : dim(String(level ?? ''));
    const detail = Object.keys(rest).length > 0 ? ` ${dim(JSON.stringify(rest))}` : '';
    return `${lvl} ${message}${detail}`;
  } catch {
    return line;
  }
}

function pipeWithPrefix(stream, service, target) {
  const prefix = paint(service.colour)(`[${service.name}]`.padEnd(labelWidth)) + ' ';
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix}${renderLine(line)}\n`));
}

// ---------------------------------------------------------------------------------------------
// Preparation: dependencies, supergraph, data dir, dev keys, free ports

function runStep(description, command, args, options = {}) {
  say(description);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...options.env } });
  if (result.error) fail(`${description} failed: ${result.error.message}`);
  if (result.status !== 0) fail(`${description} failed (exit code ${result.status ?? result.signal}).`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsxEnv = { TSX_TSCONFIG_PATH: tsconfig };

function ensureDependencies() {
  const installed = ['tsx', 'esbuild', 'turbo', '@graphql-hive/gateway'].every((name) => existsSync(join(ROOT, 'node_modules', name, 'package.json')));
  if (!installed) runStep('Dependencies are missing: running npm install', npm, ['install', '--no-audit', '--no-fund']);
}

function ensureSupergraph() {
  if (!existsSync(join(ROOT, 'gateway', 'supergraph.graphql'))) {
    runStep('gateway/supergraph.graphql is missing: composing it (npm run compose)', npm, ['run', 'compose']);
  }
}

/** The gateway serves apps/web/dist under /app/: built here when missing or older than its sources. */
function ensureWebApp() {
  const reason = webAppBuildReason(ROOT);
  if (!reason) return;
  say(`${reason}: building the web app (apps/web, Vite)`);
  try {
    buildWebApp(ROOT);
  } catch (error) {
    fail(error.message);
  }
}

/** One process creates the dev key pair before the others start, so none of them races for it. */
function ensureDevKeys() {
  if (env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY) return;
  if (existsSync(join(dataDir, 'keys', 'jwt-private.pem')) && existsSync(join(dataDir, 'keys', 'jwt-public.pem'))) return;
  const code = "const { loadOrCreateDevKeys } = await import('@kyodo/auth'); await loadOrCreateDevKeys(process.argv[1]);";
  runStep(`Creating development JWT keys in ${join(dataDir, 'keys')}`, process.execPath, [...TSX_NODE_ARGS, '--input-type=module', '-e', code, dataDir], {
    env: tsxEnv,
  });
}

function portIsFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolvePort(true)));
  });
}

async function ensurePortsFree() {
  const seen = new Map();
  for (const service of ALL) {
    if (seen.has(service.port)) fail(`${service.name} and ${seen.get(service.port)} are both set to port ${service.port}.`);
    seen.set(service.port, service.name);
    if (!(await portIsFree(service.port))) {
      fail(
        `port ${service.port} (${service.name}) on ${host} is already in use. Is another \`npm start\` running? ` +
          `Stop it, or choose other ports, e.g. KYODO_PORT_BASE=5000 npm start.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Map(); // name -> ChildProcess, while it runs
let stopping = false;

/** Links in mail point at the gateway this script really started, whatever its port. */
const publicUrl = env.PUBLIC_URL || `http://localhost:${GATEWAY.port}`;

function childEnv(service, commandEnv) {
  const out = { ...env, ...commandEnv, NODE_ENV: nodeEnv, HOST: host, PORT: String(service.port), DATA_DIR: dataDir, PUBLIC_URL: publicUrl };
  // one DATABASE_URL for all would put four subgraphs in one database: per-subgraph variables only
  delete out.DATABASE_URL;
  // one name per process in the traces, whatever OTEL_SERVICE_NAME this shell had
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) out.OTEL_SERVICE_NAME = `kyodo-${service.name}`;
  // the gateway routes to these; subgraphs that ask a peer directly (peer client) use them too
  for (const s of SUBGRAPHS) out[s.urlEnv] = s.graphqlUrl;
  if (service !== GATEWAY) {
    if (seedDemo !== undefined) out.SEED_DEMO = seedDemo;
    const own = env[`${envPrefix(service.name)}_DATABASE_URL`];
    if (own) out.DATABASE_URL = own;
  }
  return out;
}

function start(service) {
  const command = serviceCommand({ root: ROOT, dir: service.dir, built, nodePath: process.execPath });
  const child = spawn(command.command, command.args, {
    cwd: join(ROOT, service.dir),
    env: childEnv(service, command.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group: a terminal's Ctrl-C reaches only this script, which then stops
    // every service in order (and a whole group, should a service ever spawn helpers)
    detached: true,
  });
  children.set(service.name, child);
  pipeWithPrefix(child.stdout, service, process.stdout);
  pipeWithPrefix(child.stderr, service, process.stderr);
  child.on('error', (error) => {
    children.delete(service.name);
    if (!stopping) shutdown(1, `${service.name} could not be started: ${error.message}`);
  });
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) shutdown(1, `${service.name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the others.`);
  });
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Stop every child: SIGTERM, then SIGKILL for any still running after 5 s; then exit. */
function shutdown(exitCode, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) process.stderr.write(`${exitCode === 0 ? '' : red('[kyodo] error: ')}${reason}\n`);
  if (children.size > 0) say(`Stopping ${[...children.keys()].join(', ')}...`);
  for (const child of children.values()) signalGroup(child, 'SIGTERM');
  const killTimer = setTimeout(() => {
    for (const [name, child] of children) {
      say(`${name} did not stop within 5 s: killing it`);
      signalGroup(child, 'SIGKILL');
    }
  }, 5000);
  const finish = () => {
    if (children.size > 0) return;
    clearTimeout(killTimer);
    if (exitCode === 0) say('Stopped.');
    process.exit(exitCode);
  };
  for (const child of children.values()) child.once('exit', finish);
  finish();
}

let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupts += 1;
    if (interrupts > 1 && stopping) {
      // a second Ctrl-C: no more waiting
      for (const child of children.values()) signalGroup(child, 'SIGKILL');
      process.exit(130);
    }
    process.stdout.write('\n');
    shutdown(0);
  });
}

// npm forwards SIGINT/SIGTERM to this process; if npm (or whatever started this script) dies
// without forwarding anything, e.g. SIGKILL, stop the services rather than leave them running
// with nobody to stop them. (process.ppid is read once at start
// on Node 20, so the check asks whether that process still exists.)
const parentPid = process.ppid;
function parentAlive() {
  try {
    process.kill(parentPid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
setInterval(() => {
  if (!parentAlive()) shutdown(1, `the process that started this script (pid ${parentPid}) has gone; stopping every service.`);
}, 1000).unref();

// ---------------------------------------------------------------------------------------------
// Readiness

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(service) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (stopping) return new Promise(() => {}); // shutdown() exits the process
    try {
      const response = await fetch(service.healthUrl, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  shutdown(1, `${service.name} did not become healthy within ${timeoutMs / 1000} s (${service.healthUrl}: ${last}). Its log lines above say why.`);
  return new Promise(() => {});
}

function printBanner() {
  const sandbox = `http://localhost:${GATEWAY.port}/graphql`;
  const viewer = '{ viewer { id name kind tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }';
  // production (trusted documents) refuses an anonymous caller's own document: the example sends the registered SignIn
  const signIn = signInBannerLines({ sandbox, trusted: trustedDocumentsOn(env, nodeEnv), signInHash: registeredSignInHash(ROOT) });
  const lines = [
    '',
    bold('Kyodo is running.'),
    '',
    `  Web app: ${bold(`http://localhost:${GATEWAY.port}/app/`)}   (日本語 / English)`,
    `  Sandbox (GraphQL endpoint): ${bold(sandbox)}`,
    `  Subgraphs: ${SUBGRAPHS.map((s) => `${s.name} :${s.port}`).join(', ')}   data: ${dataDir}`,
    `  Links in mail: ${publicUrl}   mode: ${built ? 'built (dist/)' : 'source (tsx)'}, NODE_ENV=${nodeEnv}`,
    '',
    '  Demo sign-ins (tenant "demo"):',
    '    admin   admin@demo.example      demo-admin-pass',
    '    member  member@demo.example     demo-member-pass',
    '    guest   guest@partner.example   demo-guest-pass',
    '',
    ...signIn,
    '  2. Add the header  Authorization: Bearer <token>  and run:',
    `     ${viewer}`,
    '',
    `  Press ${bold('Ctrl-C')} to stop everything.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  ensureDependencies();
  for (const service of ALL) {
    const { entry } = serviceCommand({ root: ROOT, dir: service.dir, built, nodePath: process.execPath });
    if (!existsSync(entry)) fail(`${entry} does not exist${built ? ': run `npm run build` first.' : '.'}`);
  }
  ensureSupergraph();
  ensureWebApp();
  mkdirSync(dataDir, { recursive: true });
  // a built (production) stack takes its keys from the environment like any deployment
  if (!built) ensureDevKeys();
  await ensurePortsFree();
  const started = Date.now();
  if (!built) {
    say('Bundling the services from source (esbuild)');
    await bundleServices({ root: ROOT, dirs: ALL.map((s) => s.dir) }).catch((error) => {
      const messages = (error.errors ?? []).map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`);
      fail(`the source does not compile:\n  ${messages.length > 0 ? messages.join('\n  ') : error.message}`);
    });
  }
  say(`Starting ${ALL.map((s) => s.name).join(', ')} (SQLite files and keys in ${dataDir})`);
  // the gateway too: it needs only the supergraph file to start (its /readyz, waited for here,
  // answers ready once every subgraph is healthy), so its start-up overlaps theirs
  for (const service of ALL) start(service);
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  await Promise.all(ALL.map(async (s) => {
    await waitHealthy(s);
    if (s !== GATEWAY) say(`${s.name} healthy at ${seconds()} s`);
  }));
  say(`Ready in ${seconds()} s`);
  printBanner();
}

main().catch((error) => shutdown(1, `npm start failed: ${error?.stack ?? error}`));
