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

export interface PopulatedRoundTripReport {
  dialect: TestDialect;
  /** The migrations reverted and applied again, newest first. */
  reverted: string[];
  /** Rows per table after populating (every table the schema had then). */
  rowsBefore: Record<string, number>;
  /** Rows per table after the up again, for the tables the older schema has. */
  rowsAfter: Record<string, number>;
}

type Row = Record<string, string | null>;

/** One comparable form across drivers: Dates as ISO text, Buffers as hex, everything else as text. */
function normaliseValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return String(value);
}

async function readTable(dataSource: DataSource, table: string, columns: string[]): Promise<string[]> {
  const escape = (name: string) => dataSource.driver.escape(name);
  const rows: Array<Record<string, unknown>> = await dataSource.query(`SELECT ${columns.map(escape).join(', ')} FROM ${escape(table)}`);
  return rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, normaliseValue(row[c])])) satisfies Row)).sort();
}

async function columnsOf(dataSource: DataSource, table: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const found = await runner.getTable(table);
    return (found?.columns ?? []).map((c) => c.name).sort();
  } finally {
    await runner.release();
  }
}

/**
 * Proves a populated database keeps its data through a rollback and a redeploy: every migration
 * up, `populate` writes rows (the demo seed...), the newest `revert` migrations down, then up
 * again. Each table the older schema has must then hold, in the columns the older schema has,
 * exactly the rows it held before the down. (What the reverted migrations alone added, a table
 * or a column, is theirs to drop; reference rows a migration inserts may go with its down and
 * come back with its up.)
 */
export async function checkPopulatedMigrationRoundTrip(
  subject: MigrationSubject,
  populate: (dataSource: DataSource) => Promise<void>,
  dialect: TestDialect = 'sqlite',
  revert = 1,
): Promise<PopulatedRoundTripReport> {
  const db = await createTestDatabase(`${subject.name}-populated`, dialect);
  const dataSource = createDataSource({ url: db.url, entities: subject.entities, migrations: subject.migrations });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (revert < 1 || revert > applied.length) throw new MigrationRoundTripError('setup', `cannot revert ${revert} of ${applied.length} migration(s)`);
    await populate(dataSource);
    const full = new Map<string, string[]>();
    const rowsBefore: Record<string, number> = {};
    for (const table of await listTables(dataSource)) {
      const rows = await readTable(dataSource, table, await columnsOf(dataSource, table));
      full.set(table, rows);
      rowsBefore[table] = rows.length;
    }
    if (Object.values(rowsBefore).every((n) => n === 0)) throw new MigrationRoundTripError('populate', 'populate wrote no rows: nothing would be proved');

    const reverted = applied.slice(-revert).reverse();
    for (let i = 0; i < revert; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    // the tables and columns the older schema keeps: the rows they held must be there after the up again
    const expected = new Map<string, { columns: string[]; rows: string[] }>();
    for (const table of await listTables(dataSource)) {
      const was = full.get(table);
      if (!was) throw new MigrationRoundTripError('down', `${table} appeared after reverting ${reverted.join(', ')}`);
      const columns = await columnsOf(dataSource, table);
      expected.set(table, { columns, rows: projectRows(was, columns) });
    }

    const reapplied = await runMigrations(dataSource);
    if (reapplied.join() !== [...reverted].reverse().join()) {
      throw new MigrationRoundTripError('up again', `expected ${[...reverted].reverse().join(', ')} to run again, ${reapplied.join(', ') || 'none'} did`);
    }
    expectNoDiff('diff after up again', await pendingSchemaChanges(dataSource), dialect);
    const rowsAfter: Record<string, number> = {};
    for (const [table, { columns, rows }] of expected) {
      const now = await readTable(dataSource, table, columns);
      rowsAfter[table] = now.length;
      if (JSON.stringify(now) !== JSON.stringify(rows)) {
        throw new MigrationRoundTripError('up again', `${table}: rows changed by applying ${reapplied.join(', ')} again (${rows.length} before, ${now.length} after)`);
      }
    }
    return { dialect, reverted, rowsBefore, rowsAfter };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}

/** Rows read with every column (as readTable's JSON lines), narrowed to `columns`. */
function projectRows(rows: string[], columns: string[]): string[] {
  return rows
    .map((line) => {
      const row = JSON.parse(line) as Row;
      return JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    })
    .sort();
}
