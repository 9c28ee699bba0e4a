import { pino, stdTimeFunctions, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/**
 * Keys whose values never reach a log line, at any of the first three levels of a line's detail
 * (a header map, an error's input...): a careless `logger.info('x', { headers })` must not leak.
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

function redactPaths(): string[] {
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`);
  const join = (prefix: string, name: string) => (key(name).startsWith('[') ? `${prefix}${key(name)}` : `${prefix}.${name}`);
  return REDACTED_LOG_KEYS.flatMap((name) => [key(name), join('*', name), join('*.*', name)]);
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
      redact: { paths: redactPaths(), censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const write = (at: LogLevel) => (message: string, detail?: Record<string, unknown>) => {
    if (detail) log[at](detail, message);
    else log[at](message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
