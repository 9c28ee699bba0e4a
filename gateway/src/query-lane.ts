import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { bearerToken, type TokenVerifier, type Viewer } from '@kyodo/auth';
import type { AccessGuard } from '@kyodo/subgraph-kit/access-guard';
import type { FetchNode, PlanNode, QueryPlan } from '@graphql-hive/router-query-planner';
import { getVariableValues, Kind, visit, BREAK, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { TrustedDocuments } from './trusted-documents.js';

/** One fetch of a plan, as the plan sends it: the subgraph, the operation text and name, the variables it uses. */
export interface LaneFetch {
  subgraph: string;
  query: string;
  operationName: string | undefined;
  variableUsages: readonly string[];
}

/**
 * An entity fetch after the root fetch: the objects at `path` in the root's answer (`@`: each
 * item of a list) whose `__typename` is `typename` are sent as representations (`__typename` and
 * `keyFields`), and each entity answered is merged into its object.
 */
export interface LaneEntityStep {
  path: readonly string[];
  typename: string;
  keyFields: readonly string[];
  fetch: LaneFetch;
}

/**
 * What the lane needs to answer an operation by itself, remembered the first time the engine
 * served it, so only a document that already went through the whole pipeline once (parsed
 * within the limits, validated, planned) is ever served here: the single-subgraph path's one
 * fetch (single-subgraph-path.ts), or a plan of a root fetch and entity fetches after it in
 * parallel (`lanePlanOf`).
 */
export interface LaneRoute {
  root: LaneFetch;
  /** None: the root's answer is the answer, byte for byte. */
  entities: readonly LaneEntityStep[];
  /** The client's document and operation (variables are coerced against its definitions; the answer is projected onto it; usage is counted by it). */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
}

/** What the lane reports for each request it serves, for the gateway's metrics and usage counts. */
export interface LaneServed {
  route: LaneRoute;
  /** Seconds from the lane's start to the answer written. */
  seconds: number;
  /** Each subgraph fetch sent, with the seconds it took. */
  fetches: ReadonlyArray<{ subgraph: string; seconds: number }>;
}

export interface QueryLaneDeps {
  verifier: TokenVerifier;
  accessGuard?: AccessGuard;
  trustedDocuments?: TrustedDocuments;
  /** Whether an Origin gets CORS headers from the engine (cors.ts): such a request is the engine's. Default: every Origin is. */
  corsAllowed?: (origin: string) => boolean;
  /** The current supergraph's types, for variable coercion (the same check useVariableCheck makes). */
  shapes: () => GraphQLSchema;
  /** The current URL of a subgraph by name. */
  urlOf: (subgraph: string) => string | undefined;
  /** The headers every subgraph fetch carries (the gateway's own builder). */
  subgraphHeaders: (header: (name: string) => string | null) => Readonly<Record<string, string>>;
  onServed: (served: LaneServed, req: IncomingMessage) => void;
  /** A request the lane sent but handed back (the subgraph's answer needs the engine, or none came): counted. */
  onHandedBack: (route: LaneRoute) => void;
  /** How many documents the lane remembers (default 2,000), and how much document text (default 8 MB); when either is full it starts again empty. */
  maxRoutes?: number;
  maxRouteBytes?: number;
  /** How long a subgraph may take before the lane hands the request back (default 30 s). */
  timeoutMs?: number;
}

export interface QueryLane {
  /** Called each time the engine serves an operation the lane might (the first time, the route is kept; null: never the lane's). */
  remember(sourceText: string, operationName: string | undefined, route: () => LaneRoute | null): void;
  /**
   * Answers a POST /graphql whose body is already parsed, when it is an operation the lane
   * knows and everything about the request is ordinary; resolves to false (having written
   * nothing) when the engine must answer it.
   */
  serve(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<boolean>;
  /** Forgets every route (a new supergraph). */
  clear(): void;
  close(): void;
}

/**
 * Set on a request the lane sent to its subgraph without an answer (a failure or a 5xx) before
 * handing it to the engine, whose upstream retry then does not send it again (gateway.ts). The
 * gateway removes any such header a client sends.
 */
export const LANE_SENT_HEADER = 'x-kyodo-lane-sent';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const BODY_KEYS = new Set(['query', 'operationName', 'variables', 'extensions']);

/**
 * The answer's media type exactly as Yoga picks it (the first supported type the client
 * lists, `*\/*` and none as JSON), or null for anything the lane leaves to Yoga (event
 * streams, multipart, a type it would refuse with 406).
 */
export function laneContentType(accept: string | undefined): string | null {
  if (accept === undefined || accept.trim() === '') return JSON_TYPE;
  const first = accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  if (first === 'application/json' || first === '*/*') return JSON_TYPE;
  if (first === 'application/graphql-response+json') return GRAPHQL_RESPONSE_TYPE;
  return null;
}

/**
 * A subgraph's answer the engine would send on unchanged: `{"data":{...}}` with something in
 * `data`, and no `errors` or `extensions` anywhere a key could be (the engine places, masks and
 * translates errors, so any answer with one goes back to it). A key named `errors` inside
 * `data` (an alias) also sends it back: the check only has to be safe, not exact. Any text a
 * string value holds has its quotes escaped, so `"errors":` can only be a key.
 */
export function passesThrough(answer: string): boolean {
  // (the caller trims the end: Apollo Server ends its answers with a newline, which the engine's re-serialising drops)
  return answer.startsWith('{"data":{') && !answer.startsWith('{"data":{}') && answer.endsWith('}') && !answer.includes('"errors":') && !answer.includes('"extensions":');
}

/**
 * Issue 21: the query lane. A query the engine already served once is answered again without
 * it, when its plan is one the lane runs: one fetch (the single-subgraph path's), or a root fetch
 * and entity fetches after it in parallel (`lanePlanOf`). Per request the gateway checks what it
 * always checks (the token, T5's access version, the variables against their types, and, with
 * trusted documents, that the caller may send this document), sends the plan's fetches with the
 * same headers, and writes the answer as the engine would (same status, media type and bytes: one
 * fetch's answer as it came; several merged and projected onto the client's operation). What the
 * engine does once per document (parsing within the limits, validation, introspection policy,
 * planning) was done the first time, and none of it depends on who asks.
 *
 * Anything out of the ordinary goes to the engine untouched: a body of another shape, a browser's
 * cross-origin request from an allowed origin (CORS is the engine's), an Accept the lane does not answer, a bad or
 * refused token, a variable of the wrong type, a subgraph that fails, times out or answers with
 * errors or extensions, an entity missing (the query is then sent once more, by the engine: only
 * queries come here, so a second send is safe, as the engine's own upstream retry is). Why by
 * hand: the engine's per-request cost (the fetch API objects, the plugin chain, the plan
 * executor) is what issue 21 measures against a bare proxy and @apollo/gateway, and no library
 * offers a GraphQL executor below it.
 */
export function createQueryLane(deps: QueryLaneDeps): QueryLane {
  const maxRoutes = deps.maxRoutes ?? 2000;
  const maxRouteBytes = deps.maxRouteBytes ?? 8 * 1024 * 1024;
  let routeBytes = 0;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  // null: an operation whose answers keep needing the engine (errors, extensions): not tried again
  let routes = new Map<string, LaneRoute | null>();
  const handedBack = new WeakMap<LaneRoute, { back: number; served: number }>();
  // kept-alive connections to the subgraphs, as the engine's HTTP executor keeps them
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const keyOf = (text: string, operationName: string | undefined) => `${operationName ?? ''}\u0000${text}`;

  /** The document's text, when the body is one of the two shapes the lane serves. */
  function documentText(body: Record<string, unknown>): { text: string; arbitrary: boolean } | null {
    const { query, extensions } = body;
    if (typeof query === 'string') return extensions === undefined ? { text: query, arbitrary: true } : null;
    if (query !== undefined || !deps.trustedDocuments || !extensions || typeof extensions !== 'object') return null;
    // the apps' registered documents, by hash (trusted-documents.ts): exactly { persistedQuery: { version: 1, sha256Hash } }
    const keys = Object.keys(extensions);
    const persisted = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } }).persistedQuery;
    if (keys.length !== 1 || !persisted || typeof persisted !== 'object' || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') return null;
    if (Object.keys(persisted).length !== 2) return null;
    const text = deps.trustedDocuments.documents.get(persisted.sha256Hash.replace(/^sha256:/, '').toLowerCase());
    return text === undefined ? null : { text, arbitrary: false };
  }

  /** The same rule as persistedDocumentsOption's allowArbitraryDocuments, on the viewer already verified. */
  function mayRunArbitrary(viewer: Viewer | null): boolean {
    const trusted = deps.trustedDocuments;
    if (!trusted || trusted.arbitrary === 'everyone') return true;
    return trusted.arbitrary === 'members' && viewer?.kind === 'MEMBER';
  }

  async function viewerOf(authorization: string | undefined): Promise<Viewer | null | undefined> {
    try {
      const token = bearerToken(authorization);
      return token ? await deps.verifier.verify(token) : null;
    } catch {
      // the engine refuses it, in the caller's language
      return undefined;
    }
  }

  /** The operation's variables, coerced against their types as the engine does (false: the engine must refuse them). */
  function variablesFor(route: LaneRoute, given: unknown): Record<string, unknown> | false {
    if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) return false;
    const definitions = route.operation.variableDefinitions;
    if (!definitions?.length) return {};
    const coerced = getVariableValues(deps.shapes(), definitions, (given ?? {}) as Record<string, unknown>, { maxErrors: 1 });
    if (coerced.errors || !coerced.coerced) return false;
    return coerced.coerced;
  }

  function send(url: URL, headers: Record<string, string>, payload: string): Promise<{ status: number; type: string; body: string } | null> {
    return new Promise((resolve) => {
      const https = url.protocol === 'https:';
      const outgoing = (https ? httpsRequest : httpRequest)(
        url,
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }, agent: https ? agents.https : agents.http, timeout: timeoutMs },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, type: String(incoming.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', () => resolve(null));
          // a connection cut inside the answer: no 'end' comes (resolving after 'end' changes nothing)
          incoming.on('close', () => {
            if (!incoming.complete) resolve(null);
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => resolve(null));
      outgoing.end(payload);
    });
  }

  return {
    remember(sourceText, operationName, route) {
      const key = keyOf(sourceText, operationName);
      if (routes.has(key)) return;
      // bounded: documents are as long as the body limit lets them be, and anyone may send new ones
      if (routes.size >= maxRoutes || routeBytes + key.length > maxRouteBytes) {
        routes = new Map();
        routeBytes = 0;
      }
      routeBytes += key.length;
      const remembered = route();
      routes.set(key, remembered);
      if (remembered) handedBack.set(remembered, { back: 0, served: 0 });
    },
    async serve(req, res, body) {
      if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
      const fields = body as Record<string, unknown>;
      for (const key in fields) if (!BODY_KEYS.has(key)) return false;
      const operationName = fields.operationName ?? undefined;
      if (operationName !== undefined && typeof operationName !== 'string') return false;
      // CORS is the engine's: an Origin it answers with CORS headers goes to it; any other Origin (a
      // page of the gateway's own origin, the web app, or one not allowed) gets none from it either
      const origin = req.headers.origin;
      if (origin !== undefined && (!deps.corsAllowed || deps.corsAllowed(origin))) return false;
      const contentType = laneContentType(req.headers.accept);
      if (!contentType) return false;
      const document = documentText(fields);
      if (!document) return false;
      const key = keyOf(document.text, operationName);
      const route = routes.get(key);
      if (!route) return false;
      const started = performance.now();
      const viewer = await viewerOf(req.headers.authorization);
      if (viewer === undefined) return false;
      if (document.arbitrary && !mayRunArbitrary(viewer)) return false;
      if (viewer && deps.accessGuard) {
        try {
          await deps.accessGuard.check(viewer);
        } catch {
          return false;
        }
      }
      const variables = variablesFor(route, fields.variables);
      if (variables === false) return false;
      const headers = deps.subgraphHeaders((name) => headerText(req.headers[name]));
      const fetches: Array<{ subgraph: string; seconds: number }> = [];
      let unanswered = false;
      /** One fetch sent; its answer's text when the engine would pass it on unchanged, else null. */
      const sendFetch = async (fetch: LaneFetch, extra?: Record<string, unknown>): Promise<string | null> => {
        const url = deps.urlOf(fetch.subgraph);
        if (!url) return null;
        const selected = { ...selectVariables(variables, fetch.variableUsages), ...extra };
        const payload = JSON.stringify({ query: fetch.query, ...(Object.keys(selected).length > 0 ? { variables: selected } : {}), ...(fetch.operationName ? { operationName: fetch.operationName } : {}) });
        const sentAt = performance.now();
        const answer = await send(new URL(url), headers, payload);
        fetches.push({ subgraph: fetch.subgraph, seconds: (performance.now() - sentAt) / 1000 });
        if (!answer || answer.status !== 200) unanswered = true;
        const text = answer?.body.trimEnd();
        return answer && answer.status === 200 && answer.type.startsWith('application/json') && passesThrough(text!) ? text! : null;
      };
      const rootText = await sendFetch(route.root);
      const text = rootText === null || route.entities.length === 0 ? rootText : await assembled(route, rootText, sendFetch);
      const tally = handedBack.get(route)!;
      if (text === null) {
        deps.onHandedBack(route);
        // the engine's upstream retry counts this send as its first attempt: a query is sent at most twice in all
        if (unanswered) req.headers[LANE_SENT_HEADER] = 'unanswered';
        // an operation answered with errors more often than not (a field most callers may not read) stays with the engine
        if (++tally.back >= 4 && tally.back > tally.served) routes.set(key, null);
        return false;
      }
      tally.served++;
      res.writeHead(200, { 'Content-Type': contentType, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      deps.onServed({ route, seconds: (performance.now() - started) / 1000, fetches }, req);
      return true;
    },
    clear() {
      routes = new Map();
      routeBytes = 0;
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function selectVariables(values: Record<string, unknown>, usages: readonly string[]): Record<string, unknown> {
  const selected: Record<string, unknown> = {};
  for (const name of usages) if (Object.prototype.hasOwnProperty.call(values, name)) selected[name] = values[name];
  return selected;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A plan of a root fetch and entity fetches run as the plan executor runs it: the entity fetches
 * at once, each answer merged into its objects, then the whole projected onto the client's
 * operation (its fields in its order, under its aliases; what the plan added for itself, a
 * `__typename` or a key, left out). The answer's text, or null when anything is not as expected
 * (an entity missing, an answer with errors): the engine then answers.
 */
async function assembled(route: LaneRoute, rootText: string, sendFetch: (fetch: LaneFetch, extra: JsonObject) => Promise<string | null>): Promise<string | null> {
  const data = (JSON.parse(rootText) as { data: JsonObject }).data;
  const filled = await Promise.all(route.entities.map((step) => fillEntities(step, data, sendFetch)));
  if (!filled.every(Boolean)) return null;
  const projected = projectSelection(route.operation.selectionSet, data);
  return projected === undefined ? null : JSON.stringify({ data: projected });
}

async function fillEntities(step: LaneEntityStep, data: JsonObject, sendFetch: (fetch: LaneFetch, extra: JsonObject) => Promise<string | null>): Promise<boolean> {
  const found: JsonObject[] = [];
  collect(data, step.path, 0, found);
  const objects: JsonObject[] = [];
  const representations: JsonObject[] = [];
  for (const object of found) {
    if (typeof object.__typename !== 'string') return false;
    if (object.__typename !== step.typename) continue;
    const representation: JsonObject = { __typename: step.typename };
    for (const field of step.keyFields) {
      const value = object[field];
      if (value === undefined || (value !== null && typeof value === 'object')) return false;
      representation[field] = value;
    }
    objects.push(object);
    representations.push(representation);
  }
  if (representations.length === 0) return true;
  const text = await sendFetch(step.fetch, { representations });
  if (text === null) return false;
  const entities = (JSON.parse(text) as { data: { _entities?: unknown } }).data._entities;
  if (!Array.isArray(entities) || entities.length !== objects.length) return false;
  for (const [index, entity] of entities.entries()) {
    if (!isObject(entity)) return false;
    merge(objects[index]!, entity);
  }
  return true;
}

/** The objects at `path` (`@`: every item of a list); nulls and missing values are skipped, as the executor skips them. */
function collect(value: unknown, path: readonly string[], at: number, found: JsonObject[]): void {
  if (value === null || value === undefined) return;
  if (at === path.length) {
    if (isObject(value)) found.push(value);
    return;
  }
  const segment = path[at]!;
  if (segment === '@') {
    if (Array.isArray(value)) for (const item of value) collect(item, path, at + 1, found);
    return;
  }
  if (isObject(value)) collect(value[segment], path, at + 1, found);
}

function merge(target: JsonObject, source: JsonObject): void {
  for (const key in source) {
    const into = target[key];
    const from = source[key];
    if (isObject(into) && isObject(from)) merge(into, from);
    else target[key] = from;
  }
}

function projectSelection(selectionSet: SelectionSetNode, object: JsonObject): JsonObject | undefined {
  const projected: JsonObject = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined;
    const key = selection.alias?.value ?? selection.name.value;
    const value = object[key];
    if (value === undefined) return undefined;
    if (!selection.selectionSet) {
      projected[key] = value;
      continue;
    }
    const inner = projectValue(selection.selectionSet, value);
    if (inner === undefined) return undefined;
    projected[key] = inner;
  }
  return projected;
}

function projectValue(selectionSet: SelectionSetNode, value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const inner = projectValue(selectionSet, item);
      if (inner === undefined) return undefined;
      items.push(inner);
    }
    return items;
  }
  return isObject(value) ? projectSelection(selectionSet, value) : undefined;
}

const laneFetchOf = (fetch: FetchNode): LaneFetch | null =>
  fetch.inputRewrites?.length || fetch.outputRewrites?.length || (fetch.operationKind && fetch.operationKind !== 'query')
    ? null
    : { subgraph: fetch.serviceName, query: fetch.operation, operationName: fetch.operationName, variableUsages: fetch.variableUsages ?? [] };

/** An entity step from a Flatten node: a plain path, a Fetch requiring `... on T { __typename <scalar keys> }`. */
function entityStepOf(node: PlanNode): LaneEntityStep | null {
  if (node.kind !== 'Flatten' || node.node.kind !== 'Fetch') return null;
  const path: string[] = [];
  for (const segment of node.path) {
    if (segment === '@') path.push('@');
    else if ('Field' in segment) path.push(segment.Field);
    else return null;
  }
  const fetch = laneFetchOf(node.node);
  const requires = node.node.requires;
  if (!fetch || requires?.length !== 1) return null;
  const fragment = requires[0]!;
  if (fragment.kind !== 'InlineFragment' || fragment.skipIf || fragment.includeIf) return null;
  const keyFields: string[] = [];
  for (const selection of fragment.selections) {
    if (selection.kind !== 'Field' || selection.alias || selection.selections?.length) return null;
    if (selection.name !== '__typename') keyFields.push(selection.name);
  }
  return keyFields.length > 0 ? { path, typename: fragment.typeCondition, keyFields, fetch } : null;
}

/**
 * The lane's plan for a query whose plan is a root fetch followed by entity fetches in parallel
 * (the shape of a query reaching into several subgraphs from one root field), or null for any
 * other plan or an operation the lane's projection would not answer as the engine's does
 * (fragments, directives, one response key selected twice). The document already passed the
 * single-subgraph path's checks: object types only, nothing @inaccessible, no introspection.
 */
export function lanePlanOf(plan: QueryPlan, operation: OperationDefinitionNode): Pick<LaneRoute, 'root' | 'entities'> | null {
  const node = plan.node;
  if (node?.kind !== 'Sequence' || node.nodes.length !== 2) return null;
  const [first, then] = node.nodes as [PlanNode, PlanNode];
  if (first.kind !== 'Fetch' || first.requires?.length) return null;
  const root = laneFetchOf(first);
  const steps = (then.kind === 'Parallel' ? then.nodes : [then]).map(entityStepOf);
  if (!root || steps.length === 0 || steps.some((step) => step === null)) return null;
  let plain = true;
  visit(operation, {
    enter(visited) {
      if (visited.kind === Kind.FRAGMENT_SPREAD || visited.kind === Kind.INLINE_FRAGMENT || visited.kind === Kind.DIRECTIVE) {
        plain = false;
        return BREAK;
      }
      if (visited.kind === Kind.SELECTION_SET) {
        const keys = visited.selections.map((selection) => (selection.kind === Kind.FIELD ? (selection.alias?.value ?? selection.name.value) : ''));
        if (new Set(keys).size !== keys.length) {
          plain = false;
          return BREAK;
        }
      }
      return undefined;
    },
  });
  return plain ? { root, entities: steps as LaneEntityStep[] } : null;
}

/** A node request header as one string (a repeated header joined, as the fetch API's Headers does), or null when absent. */
export const headerText = (value: string | string[] | undefined): string | null => (value === undefined ? null : Array.isArray(value) ? value.join(', ') : value);
