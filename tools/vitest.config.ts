import { defineKyodoConfig } from '../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname, {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // graphql-inspector's ESM build imports `graphql`, which Node resolves to graphql-js's CommonJS
  // copy while vite gives our code the .mjs one; inlined, it gets the same copy as the schemas it diffs
  server: { deps: { inline: ['@graphql-inspector/core'] } },
});
