import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { scaffoldSubgraph } from './new-subgraph.js';

// `npm run new-subgraph -- <name>`
const name = process.argv[2];
try {
  if (!name) throw new Error('Usage: npm run new-subgraph -- <name>   (e.g. field-notes)');
  await scaffoldSubgraph(process.env.KYODO_ROOT ?? REPOSITORY_ROOT, name, (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
