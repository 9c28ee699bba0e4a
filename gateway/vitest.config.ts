import { defineKyodoConfig } from '../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname, {
  // every test starts real HTTP servers (subgraphs and a gateway); the first query plan is built cold
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
