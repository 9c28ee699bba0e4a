import { MigrationExecutor, type DataSource, type QueryRunner, type TableColumnOptions } from 'typeorm';
import type { Logger } from './logger.js';
import { StartupError } from './startup.js';

/** Runs every pending migration in its listed order, each in its own transaction. */
export async function runMigrations(dataSource: DataSource, logger?: Logger): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger?.info('migrations applied', { migrations: applied.map((m) => m.name) });
  return applied.map((m) => m.name);
}

/** The names of the listed migrations the database has not applied yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  return pending.map((m) => m.name);
}

/**
 * Production start (NODE_ENV=production): migrations are their own step (`npm run migrate`, the
 * migrate job), so a replica never changes the schema under its running peers. A database with
 * pending migrations stops start-up with one plain message naming them.
 */
export async function assertNoPendingMigrations(dataSource: DataSource, subgraph: string): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length === 0) return;
  throw new StartupError(
    `the ${subgraph} database has ${pending.length} pending migration(s): ${pending.join(', ')}. ` +
      `Production does not migrate at start: run \`npm run migrate -- ${subgraph}\` (or the migrate job) first.`,
  );
}

/** Reverts every applied migration, newest first (tests use it to prove each `down` works). */
export async function revertAllMigrations(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while (await hasAppliedMigrations(dataSource)) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted++;
  }
  return reverted;
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  try {
    const table = dataSource.options.migrationsTableName ?? 'migrations';
    if (!(await runner.hasTable(table))) return false;
    const rows: unknown[] = await runner.query(`SELECT 1 FROM ${runner.connection.driver.escape(table)} LIMIT 1`);
    return rows.length > 0;
  } finally {
    await runner.release();
  }
}

/** The SQL TypeORM would run to make the database match the entities: empty when they agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

/**
 * The column a `@CreateDateColumn({ type: 'datetime' })` maps to, in the dialect's own terms:
 * SQLite `datetime DEFAULT (datetime('now'))`, MySQL/MariaDB `datetime(6) DEFAULT
 * CURRENT_TIMESTAMP(6)`. A migration that writes a fixed `CURRENT_TIMESTAMP` instead leaves a
 * schema diff on both dialects; this keeps migrations dialect-neutral and diff-free.
 */
export function createdAtColumn(queryRunner: QueryRunner, name = 'createdAt'): TableColumnOptions {
  const mapped = queryRunner.connection.driver.mappedDataTypes;
  return {
    name,
    type: String(mapped.createDate),
    ...(mapped.createDatePrecision ? { precision: mapped.createDatePrecision } : {}),
    default: mapped.createDateDefault,
  };
}
