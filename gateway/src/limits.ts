import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { listCostRule } from './list-cost.js';
import { gatewayRefusals, type GatewayRefusalKey } from './refusals/refusals.js';

type RejectCallback = (context: ValidationContext | null, error: GraphQLError) => void;

/** What one operation may ask for. Each is a guard against a query built to exhaust the servers. */
export interface GatewayLimits {
  /** Deepest field nesting (fragments flattened, introspection ignored). */
  maxDepth: number;
  /** Aliased fields: aliases repeat one expensive field many times in one request. */
  maxAliases: number;
  /** Lexical tokens in the document: bounds parse work before anything else runs. */
  maxTokens: number;
  /** Fields counted once per item of the lists above them (first/last, or a default): see list-cost.ts. */
  maxCost: number;
  /** Directives in the document. */
  maxDirectives: number;
  /** Request body bytes, counted as they arrive (chunked or not); larger requests get 413 and are not parsed. */
  maxBodyBytes: number;
}

export const DEFAULT_GATEWAY_LIMITS: Readonly<GatewayLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 5000,
  maxDirectives: 50,
  maxBodyBytes: 1024 * 1024,
});

export type LimitName = Exclude<keyof GatewayLimits, 'maxBodyBytes'>;

/** Stable code every refused-for-size operation carries, whichever limit it crossed. */
export const QUERY_LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

/** The refusal for each limit armor checks (the cost limit is list-cost.ts's). */
const REFUSALS: Record<Exclude<LimitName, 'maxCost'>, GatewayRefusalKey> = {
  maxDepth: 'queryTooDeep',
  maxAliases: 'tooManyAliases',
  maxTokens: 'documentTooLong',
  maxDirectives: 'tooManyDirectives',
};

/**
 * graphql-armor reports "Syntax Error: Query depth limit of 12 exceeded, found 13." for
 * every limit; we keep its numbers, drop the misleading "Syntax Error" prefix, say what to
 * do (I1: in the caller's language; the refusal is cached with the document, and written for
 * each request as its answer leaves), and tag the error with the limit's name so clients can
 * tell them apart.
 */
function refuse(limit: Exclude<LimitName, 'maxCost'>, max: number): RejectCallback {
  return (context, armorError) => {
    // the token limit's text has no count ("Token limit of 120 exceeded."), and its template no {found}
    const found = /found (\d+)/.exec(armorError.message)?.[1];
    // the status (in the definition) matters for the token limit, thrown from the parser: without it Yoga answers 500
    const error = gatewayRefusals.refuse(REFUSALS[limit], undefined, { max, found: found ? Number(found) : '?' }, { extensions: { limit, max } });
    // validation rules get a context to report to; the token counter runs inside the parser and has none
    if (context) context.reportError(error);
    else throw error;
  };
}

export function resolveLimits(overrides: Partial<GatewayLimits> = {}): GatewayLimits {
  const limits = { ...DEFAULT_GATEWAY_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof GatewayLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new Error(`Gateway limit ${key} must be a positive integer, got ${value}.`);
    limits[key] = value;
  }
  return limits;
}

/**
 * The armor plugins with our limits and messages; field suggestions ("Did you mean ...") are
 * blocked too. The cost limit is ours (list sizes counted), on `shapes()`, the current supergraph's types.
 */
export function useQueryLimits(limits: GatewayLimits, shapes: () => GraphQLSchema): GatewayPlugin[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  const ListCostRule = listCostRule(shapes, limits.maxCost);
  const armor = EnvelopArmorPlugin({
    maxDepth: { ...common, n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, onReject: [refuse('maxDepth', limits.maxDepth)] },
    maxAliases: { ...common, n: limits.maxAliases, onReject: [refuse('maxAliases', limits.maxAliases)] },
    maxTokens: { ...common, n: limits.maxTokens, onReject: [refuse('maxTokens', limits.maxTokens)] },
    costLimit: { enabled: false },
    maxDirectives: { ...common, n: limits.maxDirectives, onReject: [refuse('maxDirectives', limits.maxDirectives)] },
    blockFieldSuggestion: { enabled: true },
  });
  return [armor as GatewayPlugin, { onValidate: ({ addValidationRule }) => addValidationRule(ListCostRule) }];
}
