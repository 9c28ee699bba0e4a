import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // packages/client/src/gql and test/e2e/gql are written by GraphQL Code Generator (`npm run codegen -w @kyodo/client`)
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'data/**', 'packages/client/src/gql/**', 'test/e2e/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // type-aware rules: a promise nobody awaits is an error nobody sees (and a request that
    // answers before its write has happened)
    files: ['**/*.ts'],
    ignores: ['**/vitest.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', AbortController: 'readonly' },
    },
    rules: {
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // type-graphql and TypeORM need runtime class references in decorators; a type-only
    // import would erase them and break schema building, so this rule cannot apply there.
    files: ['**/*.entity.ts', '**/*.resolver.ts', '**/*.type.ts', '**/*.input.ts', '**/*.reference.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // I1: a refusal a person reads comes from a catalogue with its Japanese and English text
    // (`defineRefusals`, refusals.ts), never an inline string built with appError
    files: ['services/*/src/**/*.ts', 'gateway/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@kyodo/subgraph-kit', importNames: ['appError'], message: 'Throw a refusal from the service catalogue (src/refusals/refusals.ts) instead (I1).' }] }],
    },
  },
  {
    // the eslint config itself is the one file whose format requires a default export
    files: ['eslint.config.js', '**/vitest.config.ts', '**/vite.config.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
