import { isKnownCode } from '@kyodo/subgraph-kit/errors';
import { DEFAULT_LANGUAGE } from '@kyodo/subgraph-kit/refusals';
import { GraphQLError } from 'graphql';
import { gatewayRefusals, type GatewayRefusalKey } from './refusals/refusals.js';

/**
 * The text of a masked error as first written (Yoga's `errorMessage`); I1: each answer gets it in
 * its caller's language (request-language.ts), like every refusal the gateway writes.
 */
export const MASKED_MESSAGE = gatewayRefusals.message('internal', DEFAULT_LANGUAGE);

/** Hive marks every error that came back from a subgraph with the subgraph's name under this key. */
const SUBGRAPH_NAME_KEY = 'serviceName';

/**
 * By tag, not instanceof: the engine and this file may load different copies of graphql
 * (ESM and CJS builds, or a test runner's module graph), and instanceof fails across them.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && Object.prototype.toString.call(error) === '[object GraphQLError]';
}

function isOriginalGraphQLError(error: unknown): error is GraphQLError {
  if (!isGraphQLError(error)) return false;
  return error.originalError == null || isOriginalGraphQLError(error.originalError);
}

function findCode(error: unknown, code: string): GraphQLError | undefined {
  for (let current: unknown = error; current instanceof Error; current = (current as Error & { originalError?: unknown }).originalError ?? current.cause) {
    if (isGraphQLError(current) && current.extensions?.code === code) return current;
  }
  return undefined;
}

/**
 * A subgraph (or the load balancer before it) that answered 502, 503 or 504 and no GraphQL body,
 * e.g. a 502 with "bad gateway": Hive reports it as RESPONSE_VALIDATION_FAILED with the response's
 * status. Queries are retried once before they get here; a mutation never is.
 */
function findUnavailableAnswer(error: unknown): GraphQLError | undefined {
  for (let current: unknown = error; current instanceof Error; current = (current as Error & { originalError?: unknown }).originalError ?? current.cause) {
    if (!isGraphQLError(current)) continue;
    const status = (current.extensions?.response as { status?: unknown } | undefined)?.status;
    if (status === 502 || status === 503 || status === 504) return current;
  }
  return undefined;
}

/** The refusal in place of `error` (where it points kept). The mask has no request: written in Japanese, rewritten for the caller as the answer leaves. */
function rebuilt(error: unknown, refusal: GatewayRefusalKey, params?: Record<string, string>): GraphQLError {
  const source = isGraphQLError(error) ? error : undefined;
  return gatewayRefusals.refuse(refusal, undefined, params, { nodes: source?.nodes, source: source?.source, positions: source?.positions, path: source?.path });
}

function relayedCode(error: unknown, code: string): GraphQLError | undefined {
  if (error instanceof Error || typeof error !== 'object' || error === null) return undefined;
  const { message, extensions } = error as { message?: unknown; extensions?: Record<string, unknown> };
  return extensions?.code === code ? new GraphQLError(String(message), { extensions }) : undefined;
}

/**
 * A subscription event's error as Hive relays it from the subgraph's socket: the subgraph's
 * formatted error (a plain object, not an Error) with its name added. A catalog code (a thread
 * you may not read: NOT_FOUND) passes as a GraphQLError; anything else is masked by the caller.
 */
function relayedSubgraphError(error: unknown): GraphQLError | undefined {
  if (error instanceof Error || typeof error !== 'object' || error === null) return undefined;
  const { message, path, extensions } = error as { message?: unknown; path?: unknown; extensions?: Record<string, unknown> };
  if (typeof message !== 'string' || !extensions || !(SUBGRAPH_NAME_KEY in extensions)) return undefined;
  if (!isKnownCode(extensions.code) || extensions.code === 'INTERNAL_SERVER_ERROR') return undefined;
  const { stacktrace: _stacktrace, ...kept } = extensions;
  return new GraphQLError(message, { path: Array.isArray(path) ? (path as Array<string | number>) : undefined, extensions: kept });
}

/**
 * The gateway's error mask (Yoga's `maskedErrors.maskError`). Yoga alone passes every
 * GraphQLError through, which would forward whatever a subgraph says. So, on top of
 * Yoga's rule (anything that is not a GraphQLError is masked):
 * - a subgraph that cannot be reached becomes SERVICE_UNAVAILABLE, naming no address;
 * - a subgraph error outside the error catalog (or INTERNAL_SERVER_ERROR) is masked, in
 *   case a subgraph ever leaks internals; catalog errors (FORBIDDEN, BAD_USER_INPUT...) pass
 *   with their extensions, minus any stack trace.
 * Errors the gateway itself raises (auth, limits, validation) are left as they are.
 */
export function maskGatewayError(error: unknown): Error {
  // a subscription's socket to its subgraph that fails (the subgraph stopped) is relayed as DOWNSTREAM_SERVICE_ERROR
  const unreachable =
    findCode(error, 'SUBREQUEST_HTTP_ERROR') ?? findCode(error, 'DOWNSTREAM_SERVICE_ERROR') ?? relayedCode(error, 'DOWNSTREAM_SERVICE_ERROR') ?? findUnavailableAnswer(error);
  if (unreachable) {
    const service = unreachable.extensions?.[SUBGRAPH_NAME_KEY];
    return typeof service === 'string' ? rebuilt(error, 'serviceUnavailable', { service }) : rebuilt(error, 'someServiceUnavailable');
  }
  const relayed = relayedSubgraphError(error);
  if (relayed) return relayed;
  if (!isOriginalGraphQLError(error)) {
    return rebuilt(error, 'internal');
  }
  const extensions = error.extensions ?? {};
  if (!(SUBGRAPH_NAME_KEY in extensions)) return error;
  const code = extensions.code;
  if (!isKnownCode(code) || code === 'INTERNAL_SERVER_ERROR') {
    return rebuilt(error, 'internal');
  }
  // dropped in place: a new error object would make Yoga log this harmless error as a masked one
  if ('stacktrace' in extensions) delete (extensions as Record<string, unknown>).stacktrace;
  return error;
}
