// The reference web app's build (apps/web -> apps/web/dist), as `npm start` and the browser test
// make sure of it: built when dist is missing or older than its sources. Plain JavaScript, so
// `npm start` needs no build step of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The sources a build depends on; the client's generated documents too (their hashes are baked in). */
const SOURCES = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/client/src'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the web app needs building ('missing', 'older than its sources'), or null when dist is current. */
export function webAppBuildReason(root) {
  const index = join(root, 'apps', 'web', 'dist', 'index.html');
  if (!existsSync(index)) return 'apps/web/dist is missing';
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built) ? 'apps/web/dist is older than apps/web/src' : null;
}

/** Runs Vite's build in apps/web, quietly; throws with its output when it fails. */
export function buildWebApp(root) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: join(root, 'apps', 'web'), encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.error) throw new Error(`the web app build could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`the web app build failed (exit code ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}
