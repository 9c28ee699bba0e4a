import { createDataSource, dialectOf, pendingSchemaChanges, revertAllMigrations, runMigrations, type DataSourceConfig } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDialect } from './database.js';

export interface MigrationSubject {
  /** The subgraph's name (labels the test database). */
  name: string;
  entities: DataSourceConfig['entities'];
  migrations: DataSourceConfig['migrations'];
}

export interface MigrationRoundTripReport {
  dialect: TestDialect;
  /** Migration names applied by the first `up`, in order. */
  applied: string[];
  /** Tables present after the first `up` (TypeORM's `migrations` table excluded). */
  tablesAfterUp: string[];
  /** How many migrations the revert undid (every `down` ran). */
  reverted: number;
  /** Tables left after reverting everything (TypeORM's `migrations` table excluded): always []. */
  tablesAfterRevert: string[];
  /** Migration names applied by the second `up`. */
  reapplied: string[];
}

export class MigrationRoundTripError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`[${step}] ${message}`);
    this.name = 'MigrationRoundTripError';
  }
}

/** Tables TypeORM keeps for itself; a full revert may leave these behind. */
const BOOKKEEPING_TABLES = new Set(['migrations', 'typeorm_metadata']);

/** The user tables of the database behind a DataSource, sorted, without TypeORM's own. */
export async function listTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<Record<string, string>> =
    dialectOf(dataSource) === 'sqlite'
      ? await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await dataSource.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`);
  const migrationsTable = dataSource.options.migrationsTableName ?? 'migrations';
  return rows
    .map((row) => String(row.name ?? row.NAME))
    .filter((name) => name !== migrationsTable && !BOOKKEEPING_TABLES.has(name))
    .sort();
}

function expectNoDiff(step: string, changes: string[], dialect: TestDialect): void {
  if (changes.length === 0) return;
  throw new MigrationRoundTripError(
    step,
    `entities and migrations disagree on ${dialect}; TypeORM would run:\n${changes.map((sql) => `  ${sql}`).join('\n')}\n` +
      'Fix the entity decorator or the migration so both describe the same column (type, length, nullability, default, index).',
  );
}

/**
 * Proves a subgraph's migrations on a fresh database of the dialect:
 * all `up` -> schema diff vs entities is empty -> every `down` -> no tables left ->
 * all `up` again -> diff still empty. Throws a MigrationRoundTripError naming the failed
 * step and the SQL TypeORM would run; returns what it saw, for further assertions.
 */
export async function checkMigrationRoundTrip(subject: MigrationSubject, dialect: TestDialect = 'sqlite'): Promise<MigrationRoundTripReport> {
  const db = await createTestDatabase(`${subject.name}-migrations`, dialect);
  const dataSource = createDataSource({ url: db.url, entities: subject.entities, migrations: subject.migrations });
  try {
    await dataSource.initialize();
    if ((await listTables(dataSource)).length > 0) throw new MigrationRoundTripError('fresh database', 'the test database is not empty');
    const expected = dataSource.migrations.length;
    if (expected === 0) throw new MigrationRoundTripError('up', `${subject.name} lists no migrations`);

    const applied = await runMigrations(dataSource);
    if (applied.length !== expected) {
      throw new MigrationRoundTripError('up', `expected ${expected} migration(s) to run, ${applied.length} did: ${applied.join(', ')}`);
    }
    const tablesAfterUp = await listTables(dataSource);
    if (tablesAfterUp.length === 0) throw new MigrationRoundTripError('up', 'the migrations created no tables');
    expectNoDiff('diff after up', await pendingSchemaChanges(dataSource), dialect);

    const reverted = await revertAllMigrations(dataSource);
    if (reverted !== expected) throw new MigrationRoundTripError('down', `expected ${expected} migration(s) to be reverted, ${reverted} were`);
    const tablesAfterRevert = await listTables(dataSource);
    if (tablesAfterRevert.length > 0) {
      throw new MigrationRoundTripError('down', `tables left after reverting every migration: ${tablesAfterRevert.join(', ')} (a down() misses a dropTable)`);
    }

    const reapplied = await runMigrations(dataSource);
    if (reapplied.length !== expected) {
      throw new MigrationRoundTripError('up again', `expected ${expected} migration(s) to run again, ${reapplied.length} did`);
    }
    expectNoDiff('diff after up again', await pendingSchemaChanges(dataSource), dialect);
    const tablesAfterReapply = await listTables(dataSource);
    if (tablesAfterReapply.join() !== tablesAfterUp.join()) {
      throw new MigrationRoundTripError('up again', `tables differ from the first up: ${tablesAfterReapply.join(', ')} vs ${tablesAfterUp.join(', ')}`);
    }
    return { dialect, applied, tablesAfterUp, reverted, tablesAfterRevert, reapplied };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}
