import { GraphQLError, type GraphQLFormattedError } from 'graphql';
// a cycle, but only through functions called at request time, never at module load
import { kitRefusals } from './kit-refusals.js';
import { currentLanguage } from './refusals.js';

/**
 * The one error catalog. Every code a client may see is defined here once, with what it
 * means. Resolvers throw refusals from a catalogue (refusals.ts: `defineRefusals`, one text per
 * language, I1), never an inline message; anything else is masked at the edge.
 */
export const ERROR_CATALOG = {
  BAD_USER_INPUT: 'The input is invalid; the message says which field and why.',
  UNAUTHENTICATED: 'No valid sign-in: the token is missing where one is required, invalid or expired, or the credentials are wrong.',
  FORBIDDEN: 'The viewer is signed in but may not do this; the message says why.',
  NOT_FOUND: 'The thing asked for does not exist or is not visible to the viewer.',
  CONFLICT: 'The request clashes with the current state (a duplicate, a stale change, an illegal transition).',
  QUOTA_EXCEEDED: 'A contracted limit would be exceeded; the message gives the numbers.',
  TOO_MANY_REQUESTS: 'Too many attempts; wait before trying again.',
  SERVICE_UNAVAILABLE: 'A service this request depends on cannot be reached; nothing was changed.',
  INTERNAL_SERVER_ERROR: 'An unexpected error; details are in the server log under the request id.',
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Codes produced by GraphQL servers themselves (parse, validation, limits); passed through as is. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (code in ERROR_CATALOG || PROTOCOL_CODES.has(code));
}

/**
 * Marks errors thrown on purpose. A brand, not `instanceof`: under test runners graphql can be
 * loaded twice (ESM and CJS builds), and an error from one copy is not an instance of the other.
 */
const APP_ERROR = Symbol.for('kyodo.appError');

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const error = new GraphQLError(message, { extensions: { ...extensions, code } });
  Object.defineProperty(error, APP_ERROR, { value: true });
  return error;
}

export function isAppError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[APP_ERROR] === true;
}

export interface ErrorLogger {
  error(message: string, detail: Record<string, unknown>): void;
}

/** Driver codes that mean the database itself cannot be reached or used, not that a query was wrong. */
const DATABASE_UNAVAILABLE_CODES = new Set([
  // the network or the server (mysql2 / MariaDB)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_OPTION_PREVENTS_STATEMENT',
  // the file (better-sqlite3)
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_READONLY',
  'SQLITE_NOTADB',
]);

/** TypeORM's own errors for a DataSource that has no live connection (closed, never opened). */
const DATABASE_UNAVAILABLE_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError', 'QueryRunnerAlreadyReleasedError', 'PoolClosedError']);

/**
 * The database is down or unreachable (its /health says 503): a stable SERVICE_UNAVAILABLE for the
 * client, never INTERNAL_SERVER_ERROR, which means a bug. Walks the cause chain (TypeORM wraps the
 * driver's error).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const { code, name, fatal, message } = current as { code?: unknown; name?: unknown; fatal?: unknown; message?: unknown };
    if (typeof code === 'string' && (DATABASE_UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
    if (typeof name === 'string' && DATABASE_UNAVAILABLE_NAMES.has(name)) return true;
    // mysql2 marks an error that broke the connection as fatal
    if (fatal === true) return true;
    // better-sqlite3 on a closed handle; mysql2 on a closed pool; TypeORM's MySQL driver without its pool
    if (typeof message === 'string' && /^(The database connection is not open|Pool is closed|Connection is not established with)/.test(message)) return true;
    const next = current as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.originalError ?? next.cause;
  }
  return false;
}


/**
 * Masks what is not in the catalog: the client gets INTERNAL_SERVER_ERROR and nothing of
 * the cause (no SQL, no stack); the cause is logged with detail.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, logger: ErrorLogger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  const thrownByUs = isAppError(error) || isAppError(original);
  // no path: the request was refused before execution (parse, validation, variable coercion such
  // as an impossible date), by the server itself with its own code; nothing internal can leak there
  const refusedBeforeExecution = formatted.path === undefined;
  if (isKnownCode(code) && code !== 'INTERNAL_SERVER_ERROR' && (thrownByUs || refusedBeforeExecution || PROTOCOL_CODES.has(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    logger.error('database unavailable', { path: formatted.path, message: original instanceof Error ? original.message : String(original) });
    return { message: kitRefusals.message('databaseUnavailable', currentLanguage()), locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  logger.error('unexpected error', {
    path: formatted.path,
    message: original instanceof Error ? original.message : String(original),
    stack: original instanceof Error ? original.stack : undefined,
  });
  return {
    message: kitRefusals.message('internal', currentLanguage()),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
