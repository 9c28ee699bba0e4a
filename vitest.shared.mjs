// Plain JS with a .d.mts beside it, so a workspace tsconfig whose rootDir is the workspace can
// still typecheck a vitest.config.ts that imports it (a .ts file here would be outside rootDir).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The one vitest setup every workspace shares. A workspace's vitest.config.ts is just
 *
 *   import { defineKyodoConfig } from '../../vitest.shared.mjs';   // '../vitest.shared.mjs' from gateway/ and test/
 *   export default defineKyodoConfig(import.meta.dirname, { testTimeout: 30_000 });
 *
 * It resolves workspace packages to their TypeScript sources (the `development` export
 * condition), finds tests under test/, and, when KYODO_VITEST_JSON_DIR is set (`.ci/run`
 * sets it), also writes a JSON report to `<dir>/<package>.json`, which
 * scripts/test-summary.mjs totals across all workspaces.
 */

/** The file name a workspace's JSON report gets: `@kyodo/spaces` -> `kyodo__spaces.json`. */
export function jsonReportName(packageDir) {
  let name = '';
  try {
    name = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name ?? '';
  } catch {
    name = '';
  }
  const base = (name || resolve(packageDir).split(/[\\/]/).pop() || 'package').replace(/^@/, '').replace(/[^a-zA-Z0-9._-]+/g, '__');
  return `${base}.json`;
}

/** vitest's default reporter, plus a JSON report when KYODO_VITEST_JSON_DIR is set. */
export function kyodoReporters(packageDir, env = process.env) {
  const dir = env.KYODO_VITEST_JSON_DIR;
  if (!dir) return ['default'];
  return ['default', ['json', { outputFile: join(resolve(dir), jsonReportName(packageDir)) }]];
}

/**
 * How many test files run at once: KYODO_TEST_WORKERS, else one per core but at least two.
 * vitest's own default is cores - 1, which on a 2-core CI machine ran every file alone; most of
 * a file's time is spent waiting (servers starting, feeds polled, a browser), so two at once on
 * two cores roughly halves the run. Files that time themselves or share an outside server keep
 * a sequential project of their own (test/vitest.config.ts).
 */
export function testWorkers(env = process.env) {
  const asked = Number(env.KYODO_TEST_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(2, availableParallelism());
}

/** A workspace's whole vitest config; `test` options are laid over the shared defaults. */
export function defineKyodoConfig(packageDir, test = {}) {
  return defineConfig({
    resolve: { conditions: ['development'] },
    ssr: { resolve: { conditions: ['development'] } },
    test: {
      include: ['test/**/*.test.ts'],
      reporters: kyodoReporters(packageDir),
      // most tests start a subgraph with a fresh database: on a busy 2-core CI machine 5 s is
      // not enough, yet a hang still fails within the minute
      testTimeout: 30_000,
      hookTimeout: 60_000,
      maxWorkers: testWorkers(),
      // expect.poll waits for what an action set going (a page after a click, a mail after a
      // commit): vitest's 1 s is shorter than a busy 2-core machine needs; a poll still fails in 10 s
      expect: { poll: { timeout: 10_000 } },
      ...test,
    },
  });
}
