import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { checkSchema } from './schema-check.js';
import { loadSchemaCheckInput } from './schema-check-inputs.js';

// `npm run schema:check`: composition, breaking changes against main, client operations.
try {
  const result = await checkSchema(await loadSchemaCheckInput(process.env.KYODO_ROOT ?? REPOSITORY_ROOT));
  process.stdout.write(`${result.lines.join('\n')}\n`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
