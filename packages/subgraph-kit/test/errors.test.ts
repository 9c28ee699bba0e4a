import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { appError, ERROR_CATALOG, isDatabaseUnavailable, maskError, withLanguage } from '../src/index.js';

const forbidden = (message: string) => appError('FORBIDDEN', message);
const notFound = (what: string) => appError('NOT_FOUND', `${what} was not found.`);

/** What Apollo Server hands formatError: the formatted error plus the error itself. */
function asApolloWould(thrown: unknown, path = ['contract']): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = locatedError(thrown, undefined, path);
  const json = error.toJSON();
  const formatted: GraphQLFormattedError = {
    ...json,
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at somewhere'], ...error.extensions },
  };
  return { formatted, error };
}

const logger = () => ({ error: vi.fn() });

describe('maskError', () => {
  it('keeps an appError: its code, its message, its extensions, minus the stack trace', () => {
    const log = logger();
    const { formatted, error } = asApolloWould(appError('QUOTA_EXCEEDED', 'Only 2 of 5 guest licences are free.', { requested: 3, available: 2 }));
    const masked = maskError(formatted, error, log);
    expect(masked.message).toBe('Only 2 of 5 guest licences are free.');
    expect(masked.extensions).toEqual({ code: 'QUOTA_EXCEEDED', requested: 3, available: 2 });
    expect(masked.path).toEqual(['contract']);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('keeps the helpers\' errors too (forbidden, notFound)', () => {
    for (const thrown of [forbidden('Guests may not do this.'), notFound('The space')]) {
      const { formatted, error } = asApolloWould(thrown);
      const masked = maskError(formatted, error, logger());
      expect(masked.message).toBe(thrown.message);
      expect(masked.extensions?.code).toBe(thrown.extensions.code);
    }
    const { formatted, error } = asApolloWould(notFound('The space'));
    expect(maskError(formatted, error, logger()).message).toBe('The space was not found.');
  });

  it('turns a plain Error into INTERNAL_SERVER_ERROR with a generic message, and logs the detail', () => {
    const log = logger();
    const cause = new Error("ER_DUP_ENTRY: Duplicate entry 'x' for key 'uq_users_tenant_email' (SELECT * FROM users)");
    const { formatted, error } = asApolloWould(cause);
    const masked = maskError(formatted, error, log);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(masked.message).toBe('サーバー側で問題が発生しました。記録済みです。しばらくしてからもう一度お試しください。');
    expect(withLanguage('en', () => maskError(formatted, error, logger())).message).toBe('Something went wrong on our side. It has been logged; please try again later.');
    expect(JSON.stringify(masked)).not.toMatch(/ER_DUP_ENTRY|SELECT|uq_users|stacktrace/);
    expect(masked.path).toEqual(['contract']);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      'unexpected error',
      expect.objectContaining({ path: ['contract'], message: cause.message, stack: expect.stringContaining('ER_DUP_ENTRY') }),
    );
  });

  it('masks an error that merely claims a catalog code without being thrown through appError', () => {
    const log = logger();
    const impostor = new GraphQLError('internal detail from a library', { extensions: { code: 'FORBIDDEN' } });
    const { formatted, error } = asApolloWould(impostor);
    expect(formatted.extensions?.code).toBe('FORBIDDEN');
    const masked = maskError(formatted, error, log);
    expect(masked.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(masked.message).not.toContain('internal detail');
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it("passes the server's own BAD_USER_INPUT for a bad variable (no path: refused before execution)", () => {
    const log = logger();
    const coercion = new GraphQLError('Variable "$input" got invalid value "2026-02-30" at "input.orderDate"; Value is not a valid LocalDate.', {
      extensions: { code: 'BAD_USER_INPUT' },
      originalError: new TypeError('Value is not a valid LocalDate.'),
    });
    const formatted: GraphQLFormattedError = { message: coercion.message, locations: [{ line: 1, column: 10 }], extensions: { code: 'BAD_USER_INPUT' } };
    expect(maskError(formatted, coercion, log)).toEqual(formatted);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('passes GRAPHQL_VALIDATION_FAILED through as is, without logging it as a server fault', () => {
    const log = logger();
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted: GraphQLFormattedError = { message: validation.message, locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    const masked = maskError(formatted, validation, log);
    expect(masked).toEqual(formatted);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('every catalog code has a meaning written down', () => {
    for (const [code, meaning] of Object.entries(ERROR_CATALOG)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(20);
    }
  });
});

describe('a database that cannot be reached (issue 19, item 7)', () => {
  const driverError = (fields: Record<string, unknown>) => Object.assign(new Error('driver said no'), fields);
  it.each([
    ['MariaDB refused the connection', { code: 'ECONNREFUSED' }],
    ['MariaDB went away mid-query', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }],
    ['the database was dropped', { code: 'ER_BAD_DB_ERROR' }],
    ['the SQLite file cannot be opened', { code: 'SQLITE_CANTOPEN' }],
    ['a disk error under SQLite', { code: 'SQLITE_IOERR_WRITE' }],
    ['TypeORM without a connection', { name: 'ConnectionIsNotSetError' }],
  ])('%s: SERVICE_UNAVAILABLE with a stable message, logged, nothing of the cause', (_what, fields) => {
    const log = logger();
    // TypeORM wraps the driver's error as a QueryFailedError with driverError
    const { formatted, error } = asApolloWould(Object.assign(new Error('Query failed: SELECT secret FROM users'), { name: 'QueryFailedError', driverError: driverError(fields) }));
    const masked = maskError(formatted, error, log);
    expect(masked.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(masked.message).toMatch(/データベース/);
    expect(masked.message).not.toMatch(/SELECT|secret/);
    expect(log.error).toHaveBeenCalled();
  });

  it('a query that is wrong (a bug) is still INTERNAL_SERVER_ERROR', () => {
    const { formatted, error } = asApolloWould(Object.assign(new Error('Query failed'), { name: 'QueryFailedError', driverError: driverError({ code: 'ER_PARSE_ERROR', errno: 1064 }) }));
    expect(maskError(formatted, error, logger()).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
