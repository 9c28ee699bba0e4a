/**
 * A problem with the configuration a person can fix (a missing variable, a database that does
 * not answer): start-up prints its message alone, without a stack trace, and exits non-zero.
 * Anything else stays a crash with its stack, because that is a bug to report.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** By name, not `instanceof`: test runners may load this module twice. */
export function isStartupError(error: unknown): error is StartupError {
  return error instanceof Error && error.name === 'StartupError';
}

/** The one line (or list) printed for a configuration problem; what `exitOnStartupError` writes. */
export function startupFailureText(service: string, error: StartupError): string {
  return `${service} cannot start: ${error.message}\n`;
}

/** Prints a StartupError and ends the process with exit code 1; other errors are rethrown. */
export function exitOnStartupError(service: string, error: unknown): never {
  if (!isStartupError(error)) throw error;
  // stderr to a pipe or file is written synchronously on Linux and macOS, so nothing is cut off by exit()
  process.stderr.write(startupFailureText(service, error));
  process.exit(1);
}

/** Runs one start-up step; a configuration problem in it ends the process with a plain message. */
export async function startupStep<T>(service: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    return exitOnStartupError(service, error);
  }
}
