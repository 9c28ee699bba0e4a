#!/usr/bin/env node
// `npm run migrate [-- <subgraph>...]`: applies pending migrations of every subgraph in
// subgraphs.json (or the ones named) and exits 0; non-zero with one line naming the failure.
// Reads the same variables as `npm start`: <NAME>_DATABASE_URL (SPACES_DATABASE_URL...), else
// SQLite files under DATA_DIR (default <repo>/data).
//
// Which code migrates: the workspaces' TypeScript source through tsx (the migrations a developer
// just wrote), or their built dist/ when `--built` is given, NODE_ENV=production (the container
// image, deploy/Dockerfile's migrate target) or tsx is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_NODE_ARGS } from './start-command.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const names = args.filter((arg) => arg !== '--built' && arg !== '--');
const tsxInstalled = existsSync(join(ROOT, 'node_modules', 'tsx', 'package.json'));
const built = args.includes('--built') || process.env.NODE_ENV === 'production' || !tsxInstalled;

const cli = built ? join(ROOT, 'packages', 'subgraph-kit', 'dist', 'migrate-cli.js') : join(ROOT, 'packages', 'subgraph-kit', 'src', 'migrate-cli.ts');
if (!existsSync(cli)) {
  process.stderr.write(`npm run migrate: ${cli} does not exist${built ? ' (run `npm run build` first)' : ''}.\n`);
  process.exit(1);
}
const nodeArgs = built ? [cli, ...names] : [...TSX_NODE_ARGS, cli, ...names];
const result = spawnSync(process.execPath, nodeArgs, {
  cwd: ROOT,
  stdio: 'inherit',
  env: built ? process.env : { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json') },
});
if (result.error) {
  process.stderr.write(`npm run migrate: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
