import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { StartupError } from './startup.js';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

export type Dialect = 'sqlite' | 'mysql' | 'mariadb';

export interface DatabaseTarget {
  dialect: Dialect;
  /** sqlite: file path (or ':memory:'); mysql/mariadb: the connection URL */
  location: string;
  database?: string;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new StartupError('DATABASE_URL sqlite:<path> needs a file path.');
    return { dialect: 'sqlite', location: path };
  }
  const match = /^(mysql|mariadb):\/\//.exec(url);
  if (match) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new StartupError(`DATABASE_URL "${withoutPassword(url)}" is not a valid URL (e.g. ${match[1]}://user:password@127.0.0.1:3306/kyodo_spaces; percent-encode special characters in the password).`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new StartupError(`DATABASE_URL ${parsed.protocol}//... must name a database (e.g. ${parsed.protocol}//root@127.0.0.1:3306/kyodo_spaces).`);
    return { dialect: match[1] as Dialect, location: url, database };
  }
  throw new StartupError(`Unsupported DATABASE_URL "${withoutPassword(url)}" (unknown scheme): use sqlite:<path>, mysql://... or mariadb://...`);
}

/** Error messages end up in logs: never echo the credentials of a connection URL. */
function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

export interface DataSourceConfig {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity lists
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration lists
  migrations: MixedList<Function | string>;
  logging?: boolean;
  /** Counts statements, so tests can prove a list costs a bounded number of queries. */
  onQuery?: (sql: string) => void;
}

/** Starts the SQL of a background poll (QueryBuilder `.comment('kyodo:background')`): not counted by onQuery. */
export const BACKGROUND_SQL_MARK = '/* kyodo:background */';

/**
 * A DataSource from DATABASE_URL. Never `synchronize`: the schema comes from migrations,
 * and the tests prove migrations and entities agree.
 */
export function createDataSource(config: DataSourceConfig): DataSource {
  const target = parseDatabaseUrl(config.url);
  const common = {
    entities: config.entities,
    migrations: config.migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: config.logging ?? false,
  } as const;
  let options: DataSourceOptions;
  if (target.dialect === 'sqlite') {
    if (target.location !== ':memory:') {
      try {
        mkdirSync(dirname(target.location), { recursive: true });
      } catch (error) {
        throw new StartupError(`DATABASE_URL: cannot create the folder for the SQLite file ${target.location} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      }
    }
    options = {
      ...common,
      type: 'better-sqlite3',
      database: target.location,
      // handed over, not left to TypeORM to load from its own folder: TypeORM's peer range
      // (^12) keeps better-sqlite3 13 (prebuilt for Node 24, no compiler needed) out of its
      // reach; loaded only here, so a MariaDB-only process never loads the native module
      driver: createRequire(import.meta.url)('better-sqlite3'),
      // WAL lets readers go on while a writer commits; foreign keys are off in SQLite unless asked
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  } else {
    options = {
      ...common,
      type: target.dialect,
      url: target.location,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // DATETIME(3) round-trips as UTC; decimals stay strings so no yen is lost to floats
      dateStrings: false,
      supportBigNumbers: true,
      extra: { connectionLimit: 10 },
    };
  }
  const dataSource = new DataSource(options);
  if (config.onQuery) {
    const onQuery = config.onQuery;
    const original = dataSource.createQueryRunner.bind(dataSource);
    // better-sqlite3 hands out one shared QueryRunner: wrap each runner once, or every
    // createQueryRunner call would stack another wrapper and count a statement many times
    const counted = new WeakSet<object>();
    dataSource.createQueryRunner = (mode) => {
      const runner = original(mode);
      if (counted.has(runner)) return runner;
      counted.add(runner);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        // a background poll (access-guard.ts) is no request's statement: counting it would make SQL-count tests flaky
        if (!sql.startsWith(BACKGROUND_SQL_MARK)) onQuery(sql);
        return (query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
  }
  return dataSource;
}

/**
 * Connects, turning the usual mistakes in DATABASE_URL into one plain StartupError line (which
 * variable, what is wrong, what to do) instead of the driver's stack. Never shows the password.
 */
export async function initializeDataSource(dataSource: DataSource, url: string): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    const message = describeConnectionError(error, url);
    if (message) throw new StartupError(message);
    throw error;
  }
}

type DriverError = { code?: string; errno?: number; errors?: DriverError[]; message?: string };

/** What went wrong connecting to DATABASE_URL, for a person; null when it is not a known connection problem. */
export function describeConnectionError(error: unknown, url: string): string | null {
  const target = parseDatabaseUrl(url);
  const driverError = (error ?? {}) as DriverError;
  // Node's connect over several addresses (localhost: ::1 and 127.0.0.1) reports an AggregateError
  const code = driverError.code ?? driverError.errors?.[0]?.code;
  if (target.dialect === 'sqlite') {
    if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'SQLITE_NOTADB' || code === 'SQLITE_READONLY') {
      return `DATABASE_URL: cannot open the SQLite file ${target.location} (${code}); check the path and its permissions.`;
    }
    return null;
  }
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || '3306'}`;
  const user = decodeURIComponent(parsed.username) || '(no user)';
  switch (code) {
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return `DATABASE_URL: cannot connect to ${where} (${code}); is the ${target.dialect === 'mariadb' ? 'MariaDB' : 'MySQL'} server running and reachable there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DATABASE_URL: cannot connect to ${where}: the host name "${parsed.hostname}" is not known (${code}).`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
    case 'ER_NOT_SUPPORTED_AUTH_MODE':
      return `DATABASE_URL: access denied for user "${user}" at ${where}; check the user name and password (percent-encode special characters in the password).`;
    case 'ER_DBACCESS_DENIED_ERROR':
      return `DATABASE_URL: user "${user}" may not use the database "${target.database}" at ${where}; grant it access (GRANT ALL ON \`${target.database}\`.* TO ...).`;
    case 'ER_BAD_DB_ERROR':
      return `DATABASE_URL: the database "${target.database}" does not exist at ${where}; create it first: CREATE DATABASE \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`;
    default:
      return null;
  }
}

export function dialectOf(dataSource: DataSource): Dialect {
  const type = dataSource.options.type;
  return type === 'better-sqlite3' ? 'sqlite' : (type as Dialect);
}

/**
 * Find options that lock the rows read until the transaction ends (`SELECT ... FOR UPDATE`), so a
 * concurrent writer of the same row waits for this one and a decision read from it still holds
 * when it is written. On SQLite nothing: it has no row locks, and its writers take turns for the
 * whole transaction anyway. A locking read on MariaDB also reads the latest committed row, not
 * the transaction's snapshot.
 */
export function rowLockOf(manager: { connection: DataSource }): { lock?: { mode: 'pessimistic_write' } } {
  return dialectOf(manager.connection) === 'sqlite' ? {} : { lock: { mode: 'pessimistic_write' } };
}

/** A unique-key clash on SQLite or MySQL/MariaDB: a concurrent request inserted the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; driverError?: { code?: unknown; errno?: unknown } } | null;
  const codes = [e?.code, e?.driverError?.code];
  return codes.includes('ER_DUP_ENTRY') || codes.includes('SQLITE_CONSTRAINT_UNIQUE') || codes.includes('SQLITE_CONSTRAINT_PRIMARYKEY') || e?.errno === 1062 || e?.driverError?.errno === 1062;
}
