import { defaultClientConditions, defineConfig } from 'vite';

/**
 * Built into dist/ and served by the gateway under /app/ (gateway/src/web-app.ts): hashed assets
 * under /app/assets/ are cached for a year, index.html never. `npm run dev -w @kyodo/web` serves
 * it with hot reload and sends /graphql to a gateway on :4000 (`npm start`).
 */
export default defineConfig({
  base: '/app/',
  // the workspace packages' TypeScript sources, as the services run them (no build of @kyodo/client needed)
  resolve: { conditions: ['development', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
