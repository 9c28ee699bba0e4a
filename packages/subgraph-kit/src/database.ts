import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
    if (!path) throw new Error('DATABASE_URL sqlite:<path> needs a file path.');
    return { dialect: 'sqlite', location: path };
  }
  const match = /^(mysql|mariadb):\/\//.exec(url);
  if (match) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`DATABASE_URL "${withoutPassword(url)}" is not a valid URL (e.g. ${match[1]}://user:password@127.0.0.1:3306/kyodo_spaces; percent-encode special characters in the password).`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new Error(`DATABASE_URL ${parsed.protocol}//... must name a database (e.g. ${parsed.protocol}//root@127.0.0.1:3306/kyodo_spaces).`);
    return { dialect: match[1] as Dialect, location: url, database };
  }
  throw new Error(`Unsupported DATABASE_URL "${withoutPassword(url)}": use sqlite:<path>, mysql://... or mariadb://...`);
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
    if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: target.location,
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
        onQuery(sql);
        return (query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
  }
  return dataSource;
}

export function dialectOf(dataSource: DataSource): Dialect {
  const type = dataSource.options.type;
  return type === 'better-sqlite3' ? 'sqlite' : (type as Dialect);
}
