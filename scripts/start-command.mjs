// How `npm start` (scripts/start.mjs) runs one service: from TypeScript source through tsx, or
// with `--built` (`npm run start:prod`) the workspace's compiled dist/main.js on plain Node, the
// same command as the workspace's own `start:prod`. A module of its own so a test can check
// which command is chosen without starting the stack.
import { join } from 'node:path';

/** Node flags that load TypeScript source: the `development` export condition points at src/. */
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
  const entry = join(root, dir, 'src', 'main.ts');
  return { command: nodePath, args: [...TSX_NODE_ARGS, entry], env: { TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') }, entry };
}
