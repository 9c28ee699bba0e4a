import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface MainRun {
  /** Exit code, or null when it had to be killed (it was still running at the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a service's `src/main.ts` the way `npm start` does (tsx, development conditions), with
 * exactly the environment given plus PATH, and waits for it to exit. For start-up tests: a
 * process that is still running after `timeoutMs` is killed and reported with code null.
 */
export async function runMain(serviceDir: string, env: Record<string, string>, timeoutMs = 120_000): Promise<MainRun> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/main.ts'], {
    cwd: join(ROOT, serviceDir),
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('close', (exitCode) => done(exitCode)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
