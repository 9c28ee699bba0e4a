import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // every test starts real HTTP servers (subgraphs and a gateway); the first query plan is built cold
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
