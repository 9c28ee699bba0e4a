import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEST_DIR = resolve(import.meta.dirname, '..');

/**
 * `npm run bench` on a fresh clone (issue 21): the harness imported @kyodo/auth's dist/, which
 * does not exist before the first build, and failed before building anything. Runs the npm
 * script's own command (from package.json, so a change there is what is tested) with `--check`:
 * it loads run.ts and everything it imports, and prints where the workspace packages came from.
 */
describe('npm run bench starts on a fresh clone', () => {
  it('loads the harness with the workspaces from their sources, not dist/', () => {
    const script = (JSON.parse(readFileSync(join(TEST_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.bench!;
    const result = spawnSync('sh', ['-c', `${script} --check`], { cwd: TEST_DIR, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    for (const name of ['@kyodo/auth', '@kyodo/subgraph-kit', '@kyodo/testkit']) {
      const line = result.stdout.split('\n').find((l) => l.startsWith(`[bench] ${name}: `));
      expect(line, result.stdout).toMatch(/\/src\/index\.ts$/);
    }
  });
});
