import { resolve } from 'node:path';
import { createDataSource, createLogger, parseEnv, runMigrations, subgraphEnvSchema, systemClock } from '@kyodo/subgraph-kit';
import 'reflect-metadata';
import { runBilling } from './billing-run.js';
import { migrations } from './migrations/index.js';
import { licensingRefusals } from './refusals/refusals.js';
import { licensingEntities } from './subgraph.js';

/**
 * L16 as a command: `npm run billing -w @kyodo/licensing -- 2027-01` bills that period against the
 * licensing database the service uses (DATABASE_URL, else DATA_DIR/licensing.sqlite). Safe beside
 * the running service and its schedule: the invoice's unique billing key issues each one once.
 */
const period = process.argv[2];
const env = parseEnv(subgraphEnvSchema);
const logger = createLogger('licensing-billing', env.LOG_LEVEL);
if (!period) {
  logger.error('usage: npm run billing -w @kyodo/licensing -- YYYY-MM');
  process.exit(2);
}
const dataSource = createDataSource({ url: env.DATABASE_URL ?? `sqlite:${resolve(env.DATA_DIR, 'licensing.sqlite')}`, entities: licensingEntities, migrations });
try {
  await runMigrations(dataSource, logger);
  const { issued, pendingTenants } = await runBilling(dataSource, period, systemClock.now(), { trigger: 'CLI' });
  logger.info('billing run done', { period, issued: issued.length, total: issued.reduce((sum, invoice) => sum + invoice.total, 0) });
  if (pendingTenants.length > 0) logger.warn('base contracts pending a tenant were not invoiced (issue 18 #6)', { period, tenants: pendingTenants });
} catch (error) {
  if (!licensingRefusals.isThrown(error)) throw error;
  logger.error(error.message, { period });
  process.exitCode = 2;
} finally {
  await dataSource.destroy();
}
