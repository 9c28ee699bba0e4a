import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestDialect = 'sqlite' | 'mariadb';

export interface TestDatabase {
  dialect: TestDialect;
  /** A DATABASE_URL for the subgraph under test. */
  url: string;
  drop(): Promise<void>;
}

/** SQLite always; MariaDB/MySQL too when MYSQL_URL is set (CI sets it). */
export function testDialects(): TestDialect[] {
  return process.env.MYSQL_URL ? ['sqlite', 'mariadb'] : ['sqlite'];
}

function serverUrl(): URL {
  const raw = process.env.MYSQL_URL;
  if (!raw) throw new Error('MYSQL_URL is not set: MariaDB tests need e.g. MYSQL_URL=mysql://root@127.0.0.1:3306');
  const url = new URL(raw);
  url.pathname = '/';
  return url;
}

/** A fresh, empty database: a temp SQLite file, or a new MariaDB database dropped afterwards. */
export async function createTestDatabase(label: string, dialect: TestDialect = 'sqlite'): Promise<TestDatabase> {
  const suffix = randomBytes(4).toString('hex');
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), `kyodo-${label}-`));
    return { dialect, url: `sqlite:${join(dir, `${label}.sqlite`)}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = serverUrl();
  const name = `kyodo_t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${suffix}`.slice(0, 64);
  const admin = await createConnection({ uri: server.toString() });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.protocol = 'mariadb:';
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    async drop() {
      const conn = await createConnection({ uri: server.toString() });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
