import { defineKyodoConfig } from '../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname, {
  // bench/**/*.test.ts: the benchmark's pure parts (its verdict), no stack
  include: ['e2e/**/*.test.ts', 'bench/**/*.test.ts'],
  // whole stacks start per file: give slow machines room, but fail rather than hang
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // the schema registry test runs tools' schema check: as in tools/vitest.config.ts, graphql-inspector
  // inlined gets the same graphql-js copy (.mjs) as the schemas it diffs
  server: { deps: { inline: ['@graphql-inspector/core'] } },
});
