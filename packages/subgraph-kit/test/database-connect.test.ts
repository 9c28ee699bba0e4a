import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createDataSource, describeConnectionError, initializeDataSource, isStartupError } from '../src/index.js';

async function closedPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Connects to `url` and returns the StartupError message it fails with. */
async function connectError(url: string): Promise<string> {
  const dataSource = createDataSource({ url, entities: [], migrations: [] });
  try {
    await initializeDataSource(dataSource, url);
  } catch (error) {
    expect(isStartupError(error)).toBe(true);
    return (error as Error).message;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
  throw new Error(`connecting to ${url} succeeded`);
}

const server = process.env.MYSQL_URL ? new URL(process.env.MYSQL_URL) : null;

describe('DATABASE_URL connection problems become one plain line', () => {
  it('a closed port: cannot connect to host:port, without the password', async () => {
    const port = await closedPort();
    const message = await connectError(`mariadb://app:hunter2-secret@127.0.0.1:${port}/kyodo`);
    expect(message).toBe(`DATABASE_URL: cannot connect to 127.0.0.1:${port} (ECONNREFUSED); is the MariaDB server running and reachable there?`);
  });

  it('an unknown host is named', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND db.invalid'), { code: 'ENOTFOUND' });
    expect(describeConnectionError(error, 'mysql://app:pw@db.invalid/kyodo')).toBe('DATABASE_URL: cannot connect to db.invalid:3306: the host name "db.invalid" is not known (ENOTFOUND).');
  });

  it('a connection error that is not about the configuration is left alone (it stays a crash with its stack)', () => {
    expect(describeConnectionError(Object.assign(new Error('boom'), { code: 'ER_SOMETHING_ELSE' }), 'mysql://app@db/kyodo')).toBeNull();
    expect(describeConnectionError(new Error('boom'), 'sqlite:/tmp/x.sqlite')).toBeNull();
  });

  it.runIf(server)('a wrong password: access denied for the user, without the password', async () => {
    const url = new URL(server!.href);
    url.password = 'hunter2-secret-wrong';
    url.pathname = '/mysql';
    const message = await connectError(url.href);
    expect(message).toBe(`DATABASE_URL: access denied for user "${decodeURIComponent(url.username)}" at ${url.hostname}:${url.port || '3306'}; check the user name and password (percent-encode special characters in the password).`);
    expect(message).not.toContain('hunter2');
  });

  it.runIf(server)('a database that does not exist: named, with how to create it', async () => {
    const url = new URL(server!.href);
    url.pathname = '/kyodo_no_such_database';
    const message = await connectError(url.href);
    expect(message).toBe(
      `DATABASE_URL: the database "kyodo_no_such_database" does not exist at ${url.hostname}:${url.port || '3306'}; create it first: CREATE DATABASE \`kyodo_no_such_database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
    );
  });
});
