import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * The benchmark's processes: each service is `node dist/main.js` in its own workspace, as
 * production runs it, so start-up, memory and CPU are the built program's, not tsx's.
 */

export interface Service {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Milliseconds from spawn to the first good answer of its readiness URL. */
  readyMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` says yes; fails early when the process has already died. */
async function waitReady(name: string, child: ChildProcess, probe: () => Promise<boolean>, timeoutMs: number, logPath: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${logPath}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s; see ${logPath}`);
}

export interface StartOptions {
  name: string;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logPath: string;
  ready: () => Promise<boolean>;
  timeoutMs?: number;
}

export async function startService(options: StartOptions): Promise<Service> {
  const log = createWriteStream(options.logPath);
  const started = performance.now();
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (child.pid === undefined) throw new Error(`${options.name} could not be started`);
  const pid = child.pid;
  running.add(child);
  child.once('exit', () => running.delete(child));
  await waitReady(options.name, child, options.ready, options.timeoutMs ?? 120_000, options.logPath);
  return { name: options.name, child, pid, readyMs: performance.now() - started };
}

const running = new Set<ChildProcess>();

/** SIGTERM to every process this module started, SIGKILL to any still there after 5 s. */
export async function stopAll(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

export async function answersOk(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.ok;
}

// /proc, not a library: a cumulative CPU counter per process is one line of a file on Linux,
// and pidusage (the maintained option) reports a rate since its previous call, not the total.
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** User + system CPU the process has used so far, in milliseconds. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Resident set size in MB. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
  return kb / 1024;
}
