import { defineKyodoConfig } from '../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname, {
  include: ['e2e/**/*.test.ts'],
  benchmark: { include: ['bench/**/*.bench.ts'] },
  // whole stacks start per file: give slow machines room, but fail rather than hang
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
