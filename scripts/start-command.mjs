// How `npm start` (scripts/start.mjs) runs one service: its source bundled by esbuild on start
// (start-bundle.mjs), or with `--built` (`npm run start:prod`) the workspace's compiled
// dist/main.js on plain Node, the same command as the workspace's own `start:prod`. A module of
// its own so a test can check which command is chosen without starting the stack.
import { join } from 'node:path';
import { bundlePath } from './start-bundle.mjs';

/** Node flags that load TypeScript source (migrate, one-off scripts): the `development` export condition points at src/. */
export const TSX_NODE_ARGS = ['--conditions=development', '--import', 'tsx'];

/**
 * @param {{ root: string, dir: string, built: boolean, nodePath: string }} options
 * @returns {{ command: string, args: string[], env: Record<string, string>, entry: string }}
 */
export function serviceCommand({ root, dir, built, nodePath }) {
  if (built) {
    // no tsx and no development condition: every @kyodo/* import resolves to its dist/ build
    const entry = join(root, dir, 'dist', 'main.js');
    return { command: nodePath, args: [entry], env: {}, entry };
  }
  // the bundle of src/main.ts; dependencies are loaded as from source, `development` condition included
  const entry = join(root, dir, 'src', 'main.ts');
  return { command: nodePath, args: ['--conditions=development', '--enable-source-maps', bundlePath(root, dir)], env: {}, entry };
}
