import { configDefaults } from 'vitest/config';
import { defineKyodoConfig } from '../vitest.shared.mjs';

/**
 * Files that measure time or load (bounds under load, replicas killed mid-run), or share an
 * outside server's state (Redis channels, the s3rver store): they run one at a time, after the
 * rest, so another file's stack never competes with what they measure.
 */
const ALONE = ['e2e/replicas.test.ts', 'e2e/revocation-replicas.test.ts', 'e2e/schema-registry.test.ts'];

export default defineKyodoConfig(import.meta.dirname, {
  // whole stacks start per file: give slow machines room, but fail rather than hang
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // the schema registry test runs tools' schema check: as in tools/vitest.config.ts, graphql-inspector
  // inlined gets the same graphql-js copy (.mjs) as the schemas it diffs
  server: { deps: { inline: ['@graphql-inspector/core'] } },
  projects: [
    {
      extends: true,
      // bench/**/*.test.ts: the benchmark's pure parts (its verdict), no stack
      test: { name: 'e2e', include: ['e2e/**/*.test.ts', 'bench/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ALONE], sequence: { groupOrder: 0 } },
    },
    { extends: true, test: { name: 'e2e-alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
  ],
});
