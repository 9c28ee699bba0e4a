import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../src/index.js';

describe('parseDatabaseUrl', () => {
  it('reads sqlite:<path> as an absolute or relative file path', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/kyodo/spaces.sqlite')).toEqual({ dialect: 'sqlite', location: '/var/lib/kyodo/spaces.sqlite' });
    expect(parseDatabaseUrl('sqlite:data/spaces.sqlite')).toEqual({ dialect: 'sqlite', location: 'data/spaces.sqlite' });
  });

  it('accepts the sqlite:///abs/path spelling and :memory:', () => {
    expect(parseDatabaseUrl('sqlite:///tmp/x.sqlite')).toEqual({ dialect: 'sqlite', location: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', location: ':memory:' });
  });

  it('reads mysql:// and mariadb:// URLs, keeping the URL and naming the (decoded) database', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/kyodo_spaces')).toEqual({
      dialect: 'mysql',
      location: 'mysql://root@127.0.0.1:3306/kyodo_spaces',
      database: 'kyodo_spaces',
    });
    const maria = parseDatabaseUrl('mariadb://app:s3cret@db.internal/kyodo%2Dcards');
    expect(maria).toMatchObject({ dialect: 'mariadb', database: 'kyodo-cards' });
    expect(maria.location).toBe('mariadb://app:s3cret@db.internal/kyodo%2Dcards');
  });

  it('refuses sqlite: without a path, saying what it needs', () => {
    expect(() => parseDatabaseUrl('sqlite:')).toThrow('DATABASE_URL sqlite:<path> needs a file path.');
  });

  it('refuses a MySQL/MariaDB URL that names no database, with an example', () => {
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrow(/must name a database \(e\.g\. mysql:\/\/root@127\.0\.0\.1:3306\/kyodo_spaces\)/);
    expect(() => parseDatabaseUrl('mariadb://root@127.0.0.1:3306/')).toThrow(/mariadb:\/\/\.\.\. must name a database/);
  });

  it('refuses a malformed MySQL URL with a message about DATABASE_URL, not a bare "Invalid URL"', () => {
    expect(() => parseDatabaseUrl('mysql://root:pw@127.0.0.1:99999/db')).toThrow(/^DATABASE_URL ".*" is not a valid URL/);
  });

  it('refuses other schemes and lists the supported ones', () => {
    expect(() => parseDatabaseUrl('postgres://localhost/kyodo')).toThrow(
      'Unsupported DATABASE_URL "postgres://localhost/kyodo" (unknown scheme): use sqlite:<path>, mysql://... or mariadb://...',
    );
    expect(() => parseDatabaseUrl('')).toThrow(/Unsupported DATABASE_URL/);
    expect(() => parseDatabaseUrl('/tmp/x.sqlite')).toThrow(/Unsupported DATABASE_URL/);
  });

  it('never echoes a password in its error messages', () => {
    for (const url of ['postgres://app:hunter2-secret@db/kyodo', 'mysql://app:hunter2-secret@127.0.0.1:99999/db']) {
      let message = '';
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).not.toContain('hunter2-secret');
      expect(message).toContain('***@');
    }
  });
});
