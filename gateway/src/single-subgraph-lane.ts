import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { bearerToken, type TokenVerifier, type Viewer } from '@kyodo/auth';
import type { AccessGuard } from '@kyodo/subgraph-kit/access-guard';
import { getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { TrustedDocuments } from './trusted-documents.js';

/**
 * What the lane needs to answer an operation by itself: the single-subgraph path's decision
 * (single-subgraph-path.ts), remembered the first time that path served the operation, so
 * only a document that already went through the whole pipeline once (parsed within the limits,
 * validated, planned as one fetch) is ever served here.
 */
export interface LaneRoute {
  subgraph: string;
  /** The fetch's operation text and name, as the plan sends it. */
  fetchQuery: string;
  fetchOperationName: string | undefined;
  /** The variables the fetch uses (the plan's variableUsages). */
  variableUsages: readonly string[];
  /** The client's document and operation (variables are coerced against its definitions; usage is counted by it). */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
}

/** What the lane reports for each request it serves, for the gateway's metrics and usage counts. */
export interface LaneServed {
  route: LaneRoute;
  /** Seconds from the lane's start to the answer written. */
  seconds: number;
  /** Seconds the subgraph took. */
  subgraphSeconds: number;
}

export interface SingleSubgraphLaneDeps {
  verifier: TokenVerifier;
  accessGuard?: AccessGuard;
  trustedDocuments?: TrustedDocuments;
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

export interface SingleSubgraphLane {
  /** Called by the single-subgraph path each time it serves an operation (the first time, the route is kept). */
  remember(sourceText: string, operationName: string | undefined, route: () => LaneRoute): void;
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
 * Issue 21: the single-subgraph lane. A query the single-subgraph path already answered once as
 * one fetch is answered again without the GraphQL engine: the gateway checks what it always
 * checks per request (the token, T5's access version, the variables against their types, and,
 * with trusted documents, that the caller may send this document), sends the same fetch to the
 * same subgraph with the same headers, and writes the subgraph's answer as the engine would
 * (same status, media type and bytes). Everything the engine does once per document (parsing
 * within the limits, validation, introspection policy, planning) was done the first time.
 *
 * Anything out of the ordinary goes to the engine untouched: a body of another shape, a browser's
 * cross-origin request (CORS is the engine's), an Accept the lane does not answer, a bad or
 * refused token, a variable of the wrong type, a subgraph that fails, times out or answers with
 * errors or extensions (the query is then sent once more, by the engine: only queries come here,
 * so a second send is safe, as the engine's own upstream retry is). Why by hand: the engine's
 * per-request cost (the fetch API objects, the plugin chain, the plan executor) is what issue 21
 * measures against a bare proxy, and no library offers a GraphQL pass-through below it.
 */
export function createSingleSubgraphLane(deps: SingleSubgraphLaneDeps): SingleSubgraphLane {
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

  /** The fetch's variables, coerced against their types as the engine does (false: the engine must refuse them). */
  function variablesFor(route: LaneRoute, given: unknown): Record<string, unknown> | undefined | false {
    if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) return false;
    const definitions = route.operation.variableDefinitions;
    if (!definitions?.length) return undefined;
    const coerced = getVariableValues(deps.shapes(), definitions, (given ?? {}) as Record<string, unknown>, { maxErrors: 1 });
    if (coerced.errors || !coerced.coerced) return false;
    const selected: Record<string, unknown> = {};
    let any = false;
    for (const name of route.variableUsages) {
      if (Object.prototype.hasOwnProperty.call(coerced.coerced, name)) {
        selected[name] = coerced.coerced[name];
        any = true;
      }
    }
    return any ? selected : undefined;
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
      handedBack.set(remembered, { back: 0, served: 0 });
    },
    async serve(req, res, body) {
      if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
      const fields = body as Record<string, unknown>;
      for (const key in fields) if (!BODY_KEYS.has(key)) return false;
      const operationName = fields.operationName ?? undefined;
      if (operationName !== undefined && typeof operationName !== 'string') return false;
      // CORS and its preflight rules are the engine's
      if (req.headers.origin !== undefined) return false;
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
      const url = deps.urlOf(route.subgraph);
      if (!url) return false;
      const payload = JSON.stringify({ query: route.fetchQuery, ...(variables ? { variables } : {}), ...(route.fetchOperationName ? { operationName: route.fetchOperationName } : {}) });
      const sentAt = performance.now();
      const answer = await send(new URL(url), { ...deps.subgraphHeaders((name) => headerOf(req.headers, name)) }, payload);
      const subgraphSeconds = (performance.now() - sentAt) / 1000;
      const text = answer?.body.trimEnd();
      const tally = handedBack.get(route)!;
      if (!answer || answer.status !== 200 || !answer.type.startsWith('application/json') || !passesThrough(text!)) {
        deps.onHandedBack(route);
        // the engine's upstream retry counts this send as its first attempt: a query is sent at most twice in all
        if (!answer || answer.status !== 200) req.headers[LANE_SENT_HEADER] = 'unanswered';
        // an operation answered with errors more often than not (a field most callers may not read) stays with the engine
        if (++tally.back >= 4 && tally.back > tally.served) routes.set(key, null);
        return false;
      }
      tally.served++;
      res.writeHead(200, { 'Content-Type': contentType, 'content-length': String(Buffer.byteLength(text!)) });
      res.end(text);
      deps.onServed({ route, seconds: (performance.now() - started) / 1000, subgraphSeconds }, req);
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

function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
