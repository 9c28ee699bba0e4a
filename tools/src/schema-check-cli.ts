import { parseArgs } from 'node:util';
import { objectStoreFromUrl } from '@kyodo/gateway';
import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { checkSchema } from './schema-check.js';
import { loadSchemaCheckInput } from './schema-check-inputs.js';
import { DEFAULT_USAGE_DAYS } from './schema-publish.js';
import { readUsage } from './schema-registry.js';

// `npm run schema:check`: composition, breaking changes against main, client operations; with
// SCHEMA_STORE_URL also the gateways' recorded usage (who used each breaking change, and only
// used ones fail unless --fail-on-unused).
try {
  const { values } = parseArgs({ options: { 'usage-days': { type: 'string' }, 'fail-on-unused': { type: 'boolean', default: false } } });
  const input = await loadSchemaCheckInput(process.env.KYODO_ROOT ?? REPOSITORY_ROOT);
  const storeUrl = process.env.SCHEMA_STORE_URL;
  if (storeUrl) {
    const days = values['usage-days'] === undefined ? DEFAULT_USAGE_DAYS : Number(values['usage-days']);
    if (!Number.isInteger(days) || days < 1) throw new Error('--usage-days takes a whole number of days (1 or more)');
    input.usage = { entries: await readUsage(objectStoreFromUrl(storeUrl), days, new Date()), days, failOnUnused: values['fail-on-unused'] };
  }
  const result = await checkSchema(input);
  process.stdout.write(`${result.lines.join('\n')}\n`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
