import { pino, stdTimeFunctions, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/**
 * Keys (any case) whose values never reach a log line, at any depth of a line's detail (a header
 * map, an error's input...): a careless `logger.info('x', { headers })` must not leak.
 */
export const REDACTED_LOG_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-kyodo-gateway-credential',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'gatewaySecret',
  'totpSecret',
  'privateKey',
  'variables',
] as const;

const REDACTED = new Set<string>(REDACTED_LOG_KEYS.map((key) => key.toLowerCase()));
const CENSOR = '[redacted]';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The detail with every redacted key's value replaced, copied only where something changes (a
 * request line's flat detail passes through untouched). Not pino's `redact` option: its
 * wildcard paths (`*.password`, `*.*.password`) cost about ten times the write itself on every
 * line, and still miss deeper keys and other spellings (`Authorization`).
 */
function scrub(value: unknown, depth: number): unknown {
  if (depth > 6) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => scrub(item, depth + 1));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const inner = value[key];
    const next = REDACTED.has(key.toLowerCase()) ? CENSOR : scrub(inner, depth + 1);
    if (next !== inner) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

export interface LoggerOptions {
  /** Where lines go (default stderr, written synchronously so none is lost on exit). */
  destination?: DestinationStream;
}

/**
 * One JSON line per event on stderr through pino: greppable locally, parseable by any log shipper.
 * The line keeps Kyodo's shape (`time` ISO, `level` by name, `service`, `message`), which
 * `npm start` renders compactly (scripts/start.mjs renderLine).
 */
export function createLogger(name: string, level: LogLevel = 'info', options: LoggerOptions = {}): Logger {
  const log = pino(
    {
      level,
      base: { service: name },
      messageKey: 'message',
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const write = (at: LogLevel) => (message: string, detail?: Record<string, unknown>) => {
    if (detail) log[at](scrub(detail, 0) as Record<string, unknown>, message);
    else log[at](message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
