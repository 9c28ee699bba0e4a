import type { ErrorCode } from '@kyodo/subgraph-kit/errors';
import { DEFAULT_LANGUAGE, fillTemplate, type Language, type RefusalCatalogue, type RefusalParams } from '@kyodo/subgraph-kit/refusals';
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { GATEWAY_REFUSALS_EN } from './refusals-en.js';
import { GATEWAY_REFUSALS_JA } from './refusals-ja.js';

/**
 * I1: what the gateway itself refuses, in the caller's language (texts: refusals-ja.ts and
 * refusals-en.ts). The subgraphs' `defineRefusals` takes the kit's error catalogue codes and
 * writes in the language of an AsyncLocalStorage scope; the gateway's refusals also carry
 * protocol codes clients already know (GRAPHQL_VALIDATION_FAILED, PERSISTED_QUERY_*, BAD_REQUEST)
 * and an HTTP status, and the gateway has no such scope: Yoga caches parse and validation
 * errors across requests (by document), so a refusal is written per request at the end instead
 * (request-language.ts). The catalogues have the kit's shape, so `checkCatalogues` checks them.
 *
 * Not here, and in English: the protocol errors graphql-js and Yoga write themselves (a syntax
 * error, GRAPHQL_VALIDATION_FAILED for an unknown field, a variable of the wrong type, a request
 * without a query). They name the document's own parts, for whoever writes the client, not
 * for a person using Kyodo.
 */
export type GatewayRefusalCode = ErrorCode | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'PERSISTED_QUERY_NOT_IN_LIST' | 'PERSISTED_QUERY_ID_REQUIRED';

export interface GatewayRefusalDefinition {
  code: GatewayRefusalCode;
  /** The rule id (DOMAIN.md), sent as `extensions.rule`. */
  rule?: string;
  /** `extensions.http` (Yoga's): the status, and `spec` for request errors (400 only under graphql-response+json). */
  http?: { status: number; spec?: true };
}

export const GATEWAY_REFUSAL_DEFINITIONS = {
  // the token check (gateway.ts): 401, so a client signs in again instead of seeing fields vanish
  authorizationMalformed: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  tokenInvalid: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  tokenExpired: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  accessChanged: { code: 'UNAUTHENTICATED', rule: 'T5', http: { status: 401 } },
  accessUnconfirmed: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  // who may introspect (gateway.ts)
  introspectionGuest: { code: 'FORBIDDEN', rule: 'S3', http: { status: 403 } },
  introspectionAnonymous: { code: 'FORBIDDEN', rule: 'S3', http: { status: 403 } },
  // client mistakes (client-mistakes.ts)
  operationTypeUnsupported: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } },
  introspectionAlone: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } },
  // size limits (limits.ts, list-cost.ts): no rule id, they guard the servers
  queryTooDeep: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  tooManyAliases: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  documentTooLong: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  tooManyDirectives: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  queryTooCostly: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } },
  // trusted documents (trusted-documents.ts)
  documentNotRegistered: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
  documentHashRequired: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  registeredDocumentsOnly: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  registeredDocumentsOrMember: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  // live updates (live-streams.ts, live-transport.ts)
  liveSignInRequired: { code: 'UNAUTHENTICATED' },
  liveStreamsPerUser: { code: 'TOO_MANY_REQUESTS' },
  subscriptionsOverSse: { code: 'BAD_REQUEST', http: { status: 406 } },
  // errors the gateway masks (mask-errors.ts)
  internal: { code: 'INTERNAL_SERVER_ERROR' },
  serviceUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  someServiceUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  // before the engine (gateway.ts route, request-body.ts): plain JSON answers
  notAProxy: { code: 'BAD_REQUEST', http: { status: 400 } },
  jsonPostRequired: { code: 'BAD_REQUEST', http: { status: 415 } },
  bodyTooLarge: { code: 'BAD_REQUEST', http: { status: 413 } },
  bodyTooLargeUndeclared: { code: 'BAD_REQUEST', http: { status: 413 } },
  bodyIncomplete: { code: 'BAD_REQUEST', http: { status: 400 } },
  downloadPathInvalid: { code: 'BAD_REQUEST', http: { status: 400 } },
  downloadNotFound: { code: 'NOT_FOUND', http: { status: 404 } },
} as const satisfies Record<string, GatewayRefusalDefinition>;

export type GatewayRefusalKey = keyof typeof GATEWAY_REFUSAL_DEFINITIONS;

/** Where in the document (or the answer) a refusal points. */
export type RefusalPlace = Pick<GraphQLErrorOptions, 'nodes' | 'source' | 'positions' | 'path'>;

interface Written {
  key: GatewayRefusalKey;
  params: RefusalParams | undefined;
  language: Language;
}

/** Each refusal error the gateway made, with what it was made from, so it can be written again in another language. */
const written = new WeakMap<GraphQLError, Written>();

const definitions: Readonly<Record<GatewayRefusalKey, GatewayRefusalDefinition>> = GATEWAY_REFUSAL_DEFINITIONS;
const catalogues: Readonly<Record<Language, RefusalCatalogue<GatewayRefusalKey>>> = { ja: GATEWAY_REFUSALS_JA, en: GATEWAY_REFUSALS_EN };

/** The text of `key` in `language`. */
function message(key: GatewayRefusalKey, language: Language, params?: RefusalParams): string {
  return fillTemplate(catalogues[language][key], params);
}

export const gatewayRefusals = {
  definitions,
  catalogues,
  message,

  /**
   * The refusal `key` as a GraphQL error written in `language` (Japanese where the request is
   * not at hand: a validation rule, the error mask), with its code, rule and HTTP status;
   * `inLanguage` writes it again for the request that receives it.
   */
  refuse(key: GatewayRefusalKey, language: Language = DEFAULT_LANGUAGE, params?: RefusalParams, options: RefusalPlace & { extensions?: Record<string, unknown> } = {}): GraphQLError {
    const { code, rule, http } = definitions[key];
    const error = new GraphQLError(message(key, language, params), {
      nodes: options.nodes,
      source: options.source,
      positions: options.positions,
      path: options.path,
      extensions: { ...options.extensions, code, ...(rule ? { rule } : {}), ...(http ? { http: { ...http } } : {}) },
    });
    written.set(error, { key, params, language });
    return error;
  },

  /** The body of a refusal answered before the engine (plain JSON, `{ errors: [...] }`), and its status. */
  body(key: GatewayRefusalKey, language: Language, params?: RefusalParams): { status: number; body: { errors: { message: string; extensions: { code: string } }[] } } {
    const { code, http } = definitions[key];
    return { status: http?.status ?? 400, body: { errors: [{ message: message(key, language, params), extensions: { code } }] } };
  },
};

/**
 * The refusal the gateway wrote that `error` shows: itself, or the one it wraps with the same
 * message (Yoga wraps an error thrown from `onParams` or the parser as the `originalError` of its own).
 */
function writtenAs(error: unknown): Written | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const origin = written.get(current as GraphQLError);
    if (origin) return current === error || (current as GraphQLError).message === (error as GraphQLError).message ? origin : undefined;
    current = (current as GraphQLError).originalError;
  }
  return undefined;
}

/**
 * `error` written in `language`: the same error when it already is (or is not the gateway's), else
 * a copy with the message rewritten. A copy, never a change: Yoga shares a cached validation
 * error between requests. Built by the error's own class, since the engine may load another copy
 * of graphql than this module.
 */
export function inLanguage<T>(error: T, language: Language): T {
  const origin = writtenAs(error);
  if (!origin || origin.language === language) return error;
  const source = error as GraphQLError;
  const Class = source.constructor as typeof GraphQLError;
  const copy = new Class(message(origin.key, language, origin.params), {
    nodes: source.nodes,
    source: source.source,
    positions: source.positions,
    path: source.path,
    originalError: source.originalError,
    extensions: source.extensions,
  });
  written.set(copy, { ...origin, language });
  return copy as T;
}

/** Whether `error` is a refusal the gateway wrote (and may write again in another language). */
export function isGatewayRefusal(error: unknown): boolean {
  return writtenAs(error) !== undefined;
}
