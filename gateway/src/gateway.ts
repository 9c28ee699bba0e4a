import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// the runtime and logger packages, not @graphql-hive/gateway: that one re-exports them plus its CLI's
// plugins (Prometheus, JWT, NATS/Redis pub-sub...), which cost the process about 150 MB it never uses
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Logger as HiveLogger, type LogLevel as HiveLogLevel } from '@graphql-hive/logger';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { bearerToken, GATEWAY_CREDENTIAL_HEADER, TokenError, type TokenVerifier, type Viewer } from '@kyodo/auth';
import { accessGuardSettings, httpAccessSource, startAccessGuard, type AccessGuard, type AccessGuardSettings } from '@kyodo/subgraph-kit/access-guard';
import { silentLogger, type Logger } from '@kyodo/subgraph-kit/logger';
import { createServiceMetrics, serveMetrics } from '@kyodo/subgraph-kit/metrics';
import { logServed, REQUEST_ID_HEADER, requestIdFrom, runWithRequestId, TRACEPARENT_HEADER, TRACESTATE_HEADER, withRequestIds } from '@kyodo/subgraph-kit/request-id';
import type { GatewayTracing } from './tracing.js';
import { observeLaneRequest, queryLaneCounter, singleSubgraphPathCounter, useGatewayMetrics } from './gateway-metrics.js';
import { withSingleSubgraphPath } from './single-subgraph-path.js';
import { createQueryLane, headerText, LANE_SENT_HEADER, lanePlanOf, type LaneRoute } from './query-lane.js';
import { documentStringMap } from '@envelop/core';
import { buildASTSchema, getOperationAST, GraphQLError, parse, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { gatewayRefusals, type GatewayRefusalKey } from './refusals/refusals.js';
import { requestLanguages, useRefusalLanguage, type RequestLanguages } from './refusals/request-language.js';
import type { Language, RefusalParams } from '@kyodo/subgraph-kit/refusals';
import { MASKED_MESSAGE, maskGatewayError } from './mask-errors.js';
import { resolveLimits, useQueryLimits, type GatewayLimits } from './limits.js';
import { useClientMistakeChecks } from './client-mistakes.js';
import { liveTransportEntries, useLiveContext, useRefusedEventsCarryNoData, useSubscriptionAcceptCheck } from './live-transport.js';
import { DEFAULT_LIVE_STREAMS_PER_USER, useLiveStreamCap, type LiveStreamCounter } from './live-streams.js';
import { corsOptionsFor, corsOriginAllowed } from './cors.js';
import { readBodyWithin } from './request-body.js';
import { fileForwardTarget, isOriginForm } from './request-target.js';
import { isLinkPage, serveLinkPage } from './link-pages.js';
import { renderSandboxPage, SANDBOX_ASSET_PREFIX, sandboxSecurityHeaders, serveSandboxAsset } from './sandbox.js';
import { preflightScript, readSandboxCollections, type SandboxCollection } from './sandbox-guide.js';
import { persistedDocumentsOption, type TrustedDocuments } from './trusted-documents.js';
import { serveWebApp } from './web-app.js';
import { checkSupergraph, watchSupergraphFile, type SupergraphRefusal } from './supergraph-reload.js';
import { pollSupergraphUrl } from './supergraph-poll.js';
import type { ObjectStore, RegistryS3Config } from './schema-store.js';
import { CLIENT_NAME_HEADER, CLIENT_VERSION_HEADER, createUsageRecorder } from './usage-report.js';
import { subgraphHealthUrl, supergraphSubgraphs, withSubgraphUrls, type SupergraphSubgraph } from './supergraph-urls.js';

export const GRAPHQL_PATH = '/graphql';

/** One more attempt after a short pause (the runtime's default would wait a second). */
const UPSTREAM_RETRY = { maxRetries: 1, retryDelay: 50 };

function isQuery(document: DocumentNode, operationName?: string): boolean {
  return getOperationAST(document, operationName)?.operation === 'query';
}

/**
 * How long an idle client connection stays open: longer than a load balancer's idle timeout
 * (AWS ALB 60 s), as the subgraphs do (subgraph-kit server.ts). The side that closes an idle
 * connection must be the client; with Node's 5 s default the gateway closed connections a load
 * balancer still meant to reuse, and the request it sent meanwhile failed with a reset.
 */
export const GATEWAY_KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface GatewayDeps {
  /** The composed supergraph (gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Per-subgraph URL overrides by subgraph name; the rest keep the URL in the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  verifier: TokenVerifier;
  /** Sent to every subgraph as GATEWAY_CREDENTIAL_HEADER; subgraphs in production refuse requests without it. */
  gatewaySecret: string;
  logger?: Logger;
  limits?: Partial<GatewayLimits>;
  /** How long /readyz waits for each subgraph's /health (default 2000 ms). */
  healthTimeoutMs?: number;
  /** Serve the Hive Laboratory sandbox on GET /graphql for browsers (default true). */
  sandbox?: boolean;
  /** The sandbox's preflight offers the demo users (default true; production: false, it asks for credentials). */
  sandboxDemoUsers?: boolean;
  /**
   * Download paths the gateway forwards to the subgraph that serves them (signed, expiring
   * links to card images and exports, invoice PDFs): path prefix -> subgraph name. Default
   * `/files/` -> cards, `/invoice-files/` -> licensing (Q1).
   */
  fileRoutes?: Readonly<Record<string, string>>;
  /**
   * Who may introspect the schema: 'everyone' but guests (default; the sandbox works without
   * signing in), or 'members' only (production: anonymous callers are refused too).
   */
  introspection?: 'everyone' | 'members';
  /**
   * Browser origins allowed to call the gateway with credentials (CORS), exact
   * `scheme://host[:port]` strings. Default none: no Origin is reflected, and `null` never is.
   */
  corsOrigins?: readonly string[];
  /**
   * Serve this file's supergraph and switch to a new one when it changes, without a restart
   * (supergraph-reload.ts); `supergraphSdl` is then the file's current text.
   */
  supergraphFile?: { path: string; pollIntervalMs?: number };
  /**
   * Serve the supergraph the schema registry publishes (SUPERGRAPH_URL: s3:// or http(s)://),
   * polled with If-None-Match and swapped in like a new file (supergraph-poll.ts).
   */
  supergraphUrl?: { url: string; pollIntervalMs?: number; s3?: RegistryS3Config; etag?: string };
  /** Count which fields each operation and client uses, written to the registry's store (usage-report.ts). */
  usage?: { store: Pick<ObjectStore, 'write'>; flushIntervalMs?: number; replica?: string };
  /**
   * Who may read GET /metrics (Prometheus text): with `token`, only `Authorization: Bearer <token>`;
   * without it, everyone unless `production` (then nobody). Default: open (development).
   */
  metrics?: { token?: string; production?: boolean };
  /**
   * Run only the client apps' registered documents, by hash (trusted-documents.ts); without it
   * (development) any document is run.
   */
  trustedDocuments?: TrustedDocuments;
  /** OpenTelemetry (tracing.ts, when OTEL_EXPORTER_OTLP_ENDPOINT is set); none by default. */
  tracing?: GatewayTracing;
  /** Serve the built web app (apps/web/dist) from this folder under /app/ (web-app.ts); default none. */
  webAppDir?: string;
  /**
   * T5: follow spaces' access feed (the kit's access guard, as every subgraph does) and refuse a
   * token signed before its user's access last changed, before planning. Off when absent (tests
   * with stand-in subgraphs that serve no feed); `npm start`, production and the full test stack
   * turn it on. `directory` defaults to the served supergraph's `spaces` URL; `settings` to
   * ACCESS_SYNC_MS 200 / ACCESS_MAX_STALENESS_MS 1000.
   */
  accessFeed?: { settings?: AccessGuardSettings; directory?: { urlOf(name: string): string | undefined } };
  /**
   * Subscription streams one signed-in user may hold open on this process (LIVE_STREAMS_PER_USER,
   * default 20); one more is refused with TOO_MANY_REQUESTS (live-streams.ts).
   */
  liveStreamsPerUser?: number;
  /** Serve the web app's source maps (`*.map`): development only; production answers 404 so its source is not published. Default true. */
  webAppSourceMaps?: boolean;
  /**
   * Send a query whose plan is one fetch from one subgraph without the query plan's executor
   * (single-subgraph-path.ts; same answer, less CPU). Default true; off only to compare.
   */
  singleSubgraphPath?: boolean;
  /**
   * Answer a query the engine already served once without it, when its plan is one fetch or a
   * root fetch with entity fetches after it (query-lane.ts; same checks and answer, less CPU).
   * Default on with the single-subgraph path (which finds the plans); off with tracing (its spans
   * are the engine's).
   */
  queryLane?: boolean;
}

export interface GatewayHandle {
  /** The supergraph as served, subgraph URLs overridden (the newest accepted one, when watching a file). */
  readonly supergraphSdl: string;
  readonly subgraphs: readonly SupergraphSubgraph[];
  /** Replaces the supergraph without a restart: resolves to why it was refused, or undefined when served. */
  reloadSupergraph(supergraphSdl: string): Promise<string | undefined>;
  readonly limits: Readonly<GatewayLimits>;
  /** Subscription streams open on this process, per user (the LIVE_STREAMS_PER_USER cap). */
  readonly liveStreams: LiveStreamCounter;
  /** Listens (port 0: any free port; host default 127.0.0.1) and resolves to the GraphQL URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  supergraph: 'loaded' | 'failed';
  /** The last supergraph replacement that was refused (the previous one is still served). */
  supergraphRefused?: SupergraphRefusal;
  subgraphs: Record<string, { ok: boolean; status?: number; error?: string }>;
}

/**
 * Checks the token before anything else runs, so a bad token is told apart from an
 * anonymous request: the client learns to sign in again instead of seeing fields vanish.
 * The subgraphs verify the same token again; this check is a courtesy, not the boundary.
 */
function useTokenCheck(verifier: TokenVerifier, viewers: WeakMap<Request, Viewer>, languages: RequestLanguages, accessGuard: AccessGuard | undefined): GatewayPlugin {
  return {
    async onParams({ request }) {
      let token: string | null;
      try {
        token = bearerToken(request.headers.get('authorization'));
      } catch (error) {
        // I1: a bad token's language is unknown: its refusal follows Accept-Language (as in the subgraphs)
        if (error instanceof TokenError) throw gatewayRefusals.refuse('authorizationMalformed', languages.record(request, null));
        throw error;
      }
      let viewer: Viewer | null = null;
      if (token) {
        try {
          viewer = await verifier.verify(token);
        } catch (error) {
          if (error instanceof TokenError) throw gatewayRefusals.refuse(error.reason === 'expired' ? 'tokenExpired' : 'tokenInvalid', languages.record(request, null));
          throw error;
        }
      }
      // I1: from here on the request's refusals are in the viewer's language (the token's `lng`)
      const language = languages.record(request, viewer);
      if (!viewer) return;
      if (accessGuard) await checkAccessVersion(accessGuard, viewer, language);
      viewers.set(request, viewer);
    },
  };
}

/**
 * T5 at the gateway too: a token signed before its user's access last changed (removed, demoted,
 * a new password, suspended) is refused here, before planning, with 401 like an expired token;
 * the subgraphs check it again. The versions are the kit's copy of spaces' access feed, with the
 * subgraphs' bound and fail-closed rule (subgraph-kit access-guard.ts): a copy older than
 * ACCESS_MAX_STALENESS_MS that cannot be refreshed refuses signed-in requests with 503.
 */
async function checkAccessVersion(guard: AccessGuard, viewer: Viewer, language: Language): Promise<void> {
  try {
    await guard.check(viewer);
  } catch (error) {
    // the kit's refusal is written in its own (absent here) request scope's language: the gateway writes its own
    const code = error instanceof GraphQLError || (error instanceof Error && 'extensions' in error) ? (error as GraphQLError).extensions?.code : undefined;
    if (code === 'UNAUTHENTICATED') throw gatewayRefusals.refuse('accessChanged', language);
    if (code === 'SERVICE_UNAVAILABLE') throw gatewayRefusals.refuse('accessUnconfirmed', language);
    throw error;
  }
}

/**
 * T5: a subgraph that refuses the caller's token as T5's (its copy of spaces' access feed is
 * ahead of the gateway's: another replica committed the change, or polled first) teaches the
 * gateway's copy that this user's access version is past the token's. The gateway then refuses
 * the token itself from the next request on, whichever replica that request would reach: a
 * refusal stays a refusal instead of waiting for the gateway's own next poll.
 */
function useLearnedAccessRefusals(guard: AccessGuard, viewers: WeakMap<Request, Viewer>): GatewayPlugin {
  return {
    onSubgraphExecute({ executionRequest }) {
      const request = (executionRequest.context as { request?: Request } | undefined)?.request;
      const viewer = request ? viewers.get(request) : undefined;
      if (!viewer) return;
      return ({ result }) => {
        const errors = (result as { errors?: readonly GraphQLError[] } | null | undefined)?.errors;
        if (!Array.isArray(errors)) return;
        if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED' && error.extensions?.rule === 'T5')) guard.learn(viewer.userId, (viewer.accessVersion ?? 0) + 1);
      };
    },
  };
}

/**
 * S3: a guest is an outsider; the schema documents every internal operation, so guests may not
 * explore it (their client apps need no introspection). With 'members', anonymous callers are
 * refused too, or a guest could simply drop the token.
 */
/**
 * The HTTP executor gives every fetch to one subgraph the same long-lived signal (aborted only when
 * the gateway stops), and the fetch adds an abort listener to it for each response until its body
 * is read. Under load, more than 10 answers in flight from one subgraph is normal, not a leak, but
 * Node warned (MaxListenersExceededWarning) at the 11th. The listeners are removed as each response
 * ends, so the count is bounded by requests in flight: the limit is lifted on those signals only.
 */
function useSubgraphSignalListeners(): GatewayPlugin {
  const lifted = new WeakSet<AbortSignal>();
  return {
    onFetch({ options }) {
      const signal = options.signal;
      if (!signal || lifted.has(signal)) return;
      lifted.add(signal);
      setMaxListeners(0, signal);
    },
  };
}

/**
 * The headers again on every attempt of a subgraph fetch. Hive's propagateHeaders puts them on the
 * execution request once, and the HTTP executor moves them off it into its first fetch, so the
 * upstream retry's second attempt went out with neither the gateway credential nor the caller's
 * token (production: FORBIDDEN; development: an anonymous answer). Any header a fetch lacks is
 * filled in here, at the fetch itself; one already set (a tracer's traceparent) is kept.
 */
function useHeadersOnEveryAttempt(headersFor: (request: Request) => Readonly<Record<string, string>>): GatewayPlugin {
  return {
    onFetch({ executionRequest, options }) {
      const request = (executionRequest?.context as { request?: Request } | undefined)?.request;
      if (!request) return;
      const headers = (options.headers ??= {}) as Record<string, string>;
      const wanted = headersFor(request);
      for (const name in wanted) headers[name] ??= wanted[name]!;
    },
  };
}

function useIntrospectionPolicy(policy: 'everyone' | 'members', viewers: WeakMap<Request, Viewer>): GatewayPlugin {
  // Yoga caches validation results by document and the *names* of the rules added, so each
  // audience needs its own named rule: one shared name served a guest the anonymous caller's
  // cached message.
  const GuestIntrospectionRule = introspectionRule('GuestIntrospectionRule', 'introspectionGuest');
  const AnonymousIntrospectionRule = introspectionRule('AnonymousIntrospectionRule', 'introspectionAnonymous');
  return {
    onValidate({ addValidationRule, context }) {
      const viewer = viewers.get((context as { request: Request }).request);
      const allowed = viewer ? viewer.kind === 'MEMBER' : policy === 'everyone';
      if (allowed) return;
      addValidationRule(viewer ? GuestIntrospectionRule : AnonymousIntrospectionRule);
    },
  };
}

function introspectionRule(name: string, refusal: GatewayRefusalKey): ValidationRule {
  const rule: ValidationRule = (validation) => ({
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      // cached with the document: written in the caller's language as the answer leaves (request-language.ts)
      validation.reportError(gatewayRefusals.refuse(refusal, undefined, undefined, { nodes: [node] }));
    },
  });
  return Object.defineProperty(rule, 'name', { value: name });
}

/**
 * What the gateway checks on each request before planning: the token, who may introspect, the
 * size limits and the client mistakes; and the language its refusals are written in (I1). Every validation rule among them is a named function, so
 * Yoga's validation cache (keyed by document and rule names) answers a repeated document from
 * the cache for each audience: a per-request rule must never be an anonymous new function.
 */
export function useRequestChecks(options: {
  verifier: TokenVerifier;
  introspection: 'everyone' | 'members';
  limits: GatewayLimits;
  /** The current supergraph's types (list sizes, variables). */
  shapes: () => GraphQLSchema;
  /** Where each request's verified viewer is kept, when other plugins read it too (the live stream cap). */
  viewers?: WeakMap<Request, Viewer>;
  /** T5: refuse tokens older than their user's access version (the copy of spaces' access feed). */
  accessGuard?: AccessGuard;
  /** I1: where each request's language is kept, when the gateway reads it too (refusals answered before the engine). */
  languages?: RequestLanguages;
}): GatewayPlugin[] {
  // the verified viewer of each request, for the plugins that decide by who is asking
  const viewers = options.viewers ?? new WeakMap<Request, Viewer>();
  const languages = options.languages ?? requestLanguages(options.verifier);
  return [
    useTokenCheck(options.verifier, viewers, languages, options.accessGuard),
    useIntrospectionPolicy(options.introspection, viewers),
    ...useQueryLimits(options.limits, options.shapes),
    ...useClientMistakeChecks(options.shapes),
    // I1: every refusal the gateway writes (these checks' and the other plugins'), in the request's
    // language as the answer leaves, after Yoga's caches
    useRefusalLanguage(languages),
  ];
}

const HIVE_TO_KYODO_LEVEL: Record<HiveLogLevel, keyof Logger> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/** Keys whose values never reach a log: subgraph request bodies carry variables (passwords, TOTP codes). */
const REDACTED_KEYS = new Set(['body', 'variables', 'authorization', GATEWAY_CREDENTIAL_HEADER]);

function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, REDACTED_KEYS.has(key.toLowerCase()) ? '[redacted]' : redact(inner, depth + 1)]),
  );
}

/** Hive's logger writing through ours, so the gateway logs one JSON line per event like every service. */
export function hiveLoggerFor(logger: Logger): HiveLogger {
  return new HiveLogger({
    level: 'info',
    writers: [
      {
        write(level, attrs, msg) {
          const detail = attrs && !Array.isArray(attrs) ? (redact(attrs) as Record<string, unknown>) : attrs ? { attrs: redact(attrs) } : {};
          logger[HIVE_TO_KYODO_LEVEL[level]](msg ?? 'hive gateway', detail);
        },
      },
    ],
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal answered before the engine, as plain JSON with the refusal's status. */
function sendRefusal(res: ServerResponse, key: GatewayRefusalKey, language: Language, params?: RefusalParams, headers: Record<string, string> = {}): void {
  const { status, body } = gatewayRefusals.body(key, language, params);
  sendJson(res, status, body, headers);
}

/**
 * A GraphQL POST body (JSON, already read within maxBodyBytes) handed to the engine parsed.
 * Given a Buffer, @whatwg-node/server makes it a stream, and Yoga's own body-size limit (25 MB,
 * which Hive does not let us turn off) pipes every request through a TransformStream to count
 * bytes we have already counted: a stream pipeline, an AbortController and a DOMException per
 * request, about 5 % of the gateway's CPU on `{ viewer { id name } }` (issue 21). Given a parsed
 * object, the server builds a bodiless request whose `json()` returns it, and Yoga's limit has
 * nothing to wrap. Anything that is not a non-empty object or array (invalid JSON, `{}`, a bare
 * number, a `then` key) stays a Buffer, so Yoga refuses it with the same error as before.
 */
export function parsedGraphqlBody(body: Buffer): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).length === 0) return body;
  // the engine takes an object with `then` for a promise (and fails on it): Yoga refuses the parameter
  return 'then' in parsed ? body : parsed;
}

/** GraphQL over HTTP: a POST body is `application/json`; anything else is refused before it is read. */
function isJsonPost(req: IncomingMessage): boolean {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}

export async function createGateway(deps: GatewayDeps): Promise<GatewayHandle> {
  // every line written while a request is served, Hive's own included, carries its x-request-id
  const logger = withRequestIds(deps.logger ?? silentLogger);
  const limits = resolveLimits(deps.limits);
  let supergraphSdl = withSubgraphUrls(deps.supergraphSdl, deps.subgraphUrls);
  let subgraphs = supergraphSubgraphs(supergraphSdl);
  if (subgraphs.length === 0) throw new Error('The supergraph names no subgraphs (no @join__graph); run `npm run compose`.');
  let supergraphRefused: SupergraphRefusal | undefined;
  const healthTimeoutMs = deps.healthTimeoutMs ?? 2000;
  const fileRoutes = deps.fileRoutes ?? { '/files/': 'cards', '/invoice-files/': 'licensing' };
  const sandbox = deps.sandbox ?? true;
  // read once, on the first sandbox page: the files ship with the gateway and change only with it
  let guide: { collections: SandboxCollection[]; preflight: string } | undefined;
  const sandboxGuide = () =>
    (guide ??= {
      collections: readSandboxCollections(),
      preflight: preflightScript({
        demoUsers: deps.sandboxDemoUsers ?? true,
        // with trusted documents on, an anonymous caller's own SignIn would be refused: send the registered one
        signInHash: deps.trustedDocuments ? [...deps.trustedDocuments.documents].find(([, text]) => text.startsWith('mutation SignIn('))?.[0] : undefined,
      }),
    });
  // the sandbox page's headers, from the page itself (its inline scripts' hashes): computed once
  let sandboxHeaders: Record<string, string> | undefined;
  const sandboxPageHeaders = () => (sandboxHeaders ??= sandboxSecurityHeaders(renderSandboxPage({ title: 'Kyodo sandbox', ...sandboxGuide() })));
  const gatewaySecret = deps.gatewaySecret;
  if (!gatewaySecret) throw new Error('createGateway: gatewaySecret is required (subgraphs in production refuse requests without it).');

  // the supergraph's types in this module's graphql realm, for checks that need types (variables,
  // list sizes); rebuilt when a new supergraph is accepted
  const shapesOf = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
  let shapes = shapesOf(supergraphSdl);
  /**
   * What every subgraph fetch carries: the gateway credential, the caller's token, request and
   * trace ids. Built once per client request: propagateHeaders and useHeadersOnEveryAttempt ask
   * for it on every subgraph fetch (eight times for a four-subgraph query), and both only read it
   * (Hive copies it into each fetch's own headers).
   */
  const headersByRequest = new WeakMap<Request, Readonly<Record<string, string>>>();
  const subgraphHeaders = (request: Request): Readonly<Record<string, string>> => {
    let headers = headersByRequest.get(request);
    if (!headers) {
      headers = buildSubgraphHeaders((name) => request.headers.get(name));
      headersByRequest.set(request, headers);
    }
    return headers;
  };
  // the client request's headers by name, from the engine's Request or (the lane) node's IncomingMessage
  const buildSubgraphHeaders = (header: (name: string) => string | null): Record<string, string> => {
    // plain JSON: a subgraph never streams to the gateway (no @defer, subscriptions go over
    // WebSocket), and the HTTP executor's default accept (graphql-response+json, json,
    // multipart/mixed) makes every subgraph negotiate among three types per request (issue 21)
    const headers: Record<string, string> = { accept: 'application/json', [GATEWAY_CREDENTIAL_HEADER]: gatewaySecret };
    const authorization = header('authorization');
    if (authorization) headers.authorization = authorization;
    const requestId = header('x-request-id');
    if (requestId) headers['x-request-id'] = requestId;
    // I1: a subgraph writes its refusals in the caller's language: the token's `lng`, else this header
    const acceptLanguage = header('accept-language');
    if (acceptLanguage) headers['accept-language'] = acceptLanguage;
    // the caller's trace goes on even without a tracer here, so each subgraph logs its trace id;
    // with tracing on, Hive's plugin replaces it with its own span's (same trace id)
    const traceparent = header(TRACEPARENT_HEADER);
    if (traceparent) {
      headers[TRACEPARENT_HEADER] = traceparent;
      const tracestate = header(TRACESTATE_HEADER);
      if (tracestate) headers[TRACESTATE_HEADER] = tracestate;
    }
    return headers;
  };
  const metrics = createServiceMetrics('gateway');
  // made once: the plugins are built again on each supergraph reload, and open streams outlive it
  const viewers = new WeakMap<Request, Viewer>();
  const languages = requestLanguages(deps.verifier);
  const languageOf = (req: IncomingMessage) => languages.ofHeaders(req.headers.authorization, req.headers['accept-language']);
  const liveStreamsPerUser = deps.liveStreamsPerUser ?? DEFAULT_LIVE_STREAMS_PER_USER;
  if (!Number.isInteger(liveStreamsPerUser) || liveStreamsPerUser < 1) throw new Error(`createGateway: liveStreamsPerUser must be a positive integer, got ${liveStreamsPerUser}.`);
  const liveStreamCap = useLiveStreamCap(liveStreamsPerUser, viewers);
  const accessGuard = deps.accessFeed
    ? startAccessGuard({
        source: httpAccessSource({
          directory: deps.accessFeed.directory ?? { urlOf: (name) => subgraphs.find((s) => s.name === name)?.url },
          gatewaySecret,
          follower: `gateway:${randomUUID()}`,
        }),
        settings: deps.accessFeed.settings ?? accessGuardSettings({}),
        logger,
      })
    : undefined;
  const usage = deps.usage ? createUsageRecorder({ ...deps.usage, schema: () => shapes, logger }) : undefined;
  const singleSubgraphPath = deps.singleSubgraphPath ?? true;
  const pathTaken = singleSubgraphPathCounter(metrics);
  const laneOutcome = queryLaneCounter(metrics);
  const lane =
    singleSubgraphPath && (deps.queryLane ?? true) && !deps.tracing
      ? createQueryLane({
          verifier: deps.verifier,
          accessGuard,
          trustedDocuments: deps.trustedDocuments,
          corsAllowed: corsOriginAllowed(deps.corsOrigins ?? []),
          shapes: () => shapes,
          urlOf: (name) => subgraphs.find((s) => s.name === name)?.url,
          subgraphHeaders: buildSubgraphHeaders,
          onServed({ route, seconds, fetches }, req) {
            if (route.entities.length === 0) pathTaken(route.root.subgraph);
            laneOutcome(route, 'served');
            observeLaneRequest(metrics, route.operation.name?.value ?? route.operationName, seconds, fetches);
            usage?.record(route.document, route.operationName, { name: headerText(req.headers[CLIENT_NAME_HEADER]), version: headerText(req.headers[CLIENT_VERSION_HEADER]) });
          },
          onHandedBack: (route) => laneOutcome(route, 'handed_back'),
        })
      : undefined;
  /** The lane serves an operation the engine served, next time; keyed by the text the engine parsed, on the supergraph served now. */
  const rememberForLane = (served: { document: DocumentNode; operationName: string | undefined; supergraph: string }, route: () => LaneRoute | null) => {
    const text = documentStringMap.get(served.document);
    if (lane && text !== undefined && served.supergraph === supergraphSdl) lane.remember(text, served.operationName, route);
  };
  const runtime = createGatewayRuntime({
    // read on each (re)load: reloadSupergraph swaps it, and Hive drains requests on the old one
    supergraph: () => supergraphSdl,
    // a reload lets requests already running finish on the previous graph (up to 30 s) instead of aborting them
    gracefulSchemaReload: { drainTimeout: 30_000 },
    // the Rust query planner; same plans as Apollo Router and Hive Router read from this supergraph
    unifiedGraphHandler: withSingleSubgraphPath(unifiedGraphHandler, {
      enabled: singleSubgraphPath,
      onTaken(subgraph, taken) {
        pathTaken(subgraph);
        rememberForLane(taken, () => ({
          root: { subgraph, query: taken.fetch.operation, operationName: taken.fetch.operationName, variableUsages: taken.fetch.variableUsages ?? [] },
          entities: [],
          document: taken.document,
          operation: taken.operation,
          operationName: taken.operationName,
        }));
      },
      onPlanned(planned) {
        // a root fetch and entity fetches after it: the lane runs that plan itself next time (lanePlanOf says which)
        rememberForLane(planned, () => {
          const steps = lanePlanOf(planned.plan, planned.operation);
          return steps && { ...steps, document: planned.document, operation: planned.operation, operationName: planned.operationName };
        });
      },
    }),
    graphqlEndpoint: GRAPHQL_PATH,
    logging: hiveLoggerFor(logger),
    // Hive's own request-id plugin duplicated ours (listen() sets x-request-id on the request and
    // the answer, subgraphHeaders sends it, withRequestIds stamps every log line, Hive's
    // included) and cost per request a child logger, a legacy logger wrapper and a copy of every
    // subgraph fetch's headers (issue 21)
    requestId: false,
    landingPage: false,
    cors: corsOptionsFor(deps.corsOrigins ?? []),
    graphiql: sandbox ? { title: 'Kyodo sandbox' } : false,
    renderGraphiQL: (options) => renderSandboxPage({ title: options?.title, ...sandboxGuide() }),
    ...(deps.trustedDocuments ? { persistedDocuments: persistedDocumentsOption(deps.trustedDocuments, deps.verifier) } : {}),
    // A read whose subgraph fetch failed on the way (a connection reset by a replica that just
    // died, a truncated answer, a 5xx) is sent once more: behind a load balancer it reaches a live
    // replica, as Apollo Router retries idempotent subgraph requests. A mutation is never sent
    // twice: its first attempt may already have written.
    // A query the query lane already sent without an answer has had its first attempt.
    upstreamRetry: ({ executionRequest }) =>
      isQuery(executionRequest.document, executionRequest.operationName) && !(executionRequest.context as { request?: Request } | undefined)?.request?.headers.has(LANE_SENT_HEADER) ? UPSTREAM_RETRY : undefined,
    maskedErrors: { maskError: maskGatewayError, errorMessage: MASKED_MESSAGE, isDev: false },
    // subscriptions: SSE to clients, WebSocket to the owning subgraph (live-transport.ts)
    transportEntries: liveTransportEntries(),
    propagateHeaders: {
      // every subgraph fetch (root fields and _entities alike) goes through this
      fromClientToSubgraphs: ({ request }) => subgraphHeaders(request),
    },
    plugins: () => [
      ...(deps.tracing?.plugins ?? []),
      // first, so a request refused by a later plugin is still counted (with its error code)
      useGatewayMetrics(metrics),
      ...useRequestChecks({ verifier: deps.verifier, introspection: deps.introspection ?? 'everyone', limits, shapes: () => shapes, viewers, accessGuard, languages }),
      liveStreamCap.plugin,
      useLiveContext(gatewaySecret),
      useRefusedEventsCarryNoData(),
      useSubscriptionAcceptCheck(() => shapes),
      useSubgraphSignalListeners(),
      ...(accessGuard ? [useLearnedAccessRefusals(accessGuard, viewers)] : []),
      ...(usage ? [usage.plugin()] : []),
      useHeadersOnEveryAttempt(subgraphHeaders),
    ],
  });

  async function readiness(): Promise<ReadinessReport> {
    let supergraph: ReadinessReport['supergraph'] = 'loaded';
    try {
      await runtime.getSchema();
    } catch (error) {
      supergraph = 'failed';
      logger.error('supergraph failed to load', { error: error instanceof Error ? error.message : String(error) });
    }
    const checks = await Promise.all(
      subgraphs.map(async ({ name, url }) => {
        try {
          const response = await fetch(subgraphHealthUrl(url), { signal: AbortSignal.timeout(healthTimeoutMs) });
          await response.body?.cancel();
          return [name, response.status === 200 ? { ok: true, status: 200 } : { ok: false, status: response.status }] as const;
        } catch (error) {
          const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${healthTimeoutMs} ms` : 'unreachable';
          return [name, { ok: false, error: reason }] as const;
        }
      }),
    );
    const report: ReadinessReport['subgraphs'] = Object.fromEntries(checks);
    return { ready: supergraph === 'loaded' && checks.every(([, check]) => check.ok), supergraph, ...(supergraphRefused ? { supergraphRefused } : {}), subgraphs: report };
  }

  /**
   * A download is a plain GET a browser follows (an <img> or a link): no bearer token, the
   * signature in the path is the permission. The subgraph checks it; the gateway only adds its
   * credential, as for GraphQL, so the subgraph need not be exposed.
   */
  async function forwardFile(req: IncomingMessage, res: ServerResponse, prefix: string, subgraphName: string): Promise<void> {
    const subgraph = subgraphs.find((s) => s.name === subgraphName);
    if (!subgraph) {
      sendRefusal(res, 'downloadNotFound', await languageOf(req));
      return;
    }
    const target = fileForwardTarget(req.url, prefix, subgraph.url);
    if (!target) {
      sendRefusal(res, 'downloadPathInvalid', await languageOf(req), { prefix });
      return;
    }
    let upstream: Response;
    try {
      upstream = await fetch(target, { method: req.method, headers: { [GATEWAY_CREDENTIAL_HEADER]: gatewaySecret }, signal: AbortSignal.timeout(30_000) });
    } catch {
      const { body } = gatewayRefusals.body('serviceUnavailable', await languageOf(req), { service: subgraphName });
      sendJson(res, 503, body);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'content-length', 'content-disposition', 'cache-control', 'etag', 'last-modified']) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    if (!upstream.body || req.method === 'HEAD') {
      res.end();
      return;
    }
    for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url;
    if (!isOriginForm(target)) {
      req.resume();
      sendRefusal(res, 'notAProxy', await languageOf(req), undefined, { connection: 'close' });
      return;
    }
    const { pathname } = new URL(target, 'http://gateway');
    if (pathname === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (pathname === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      await serveMetrics(req, res, metrics, { token: deps.metrics?.token, production: deps.metrics?.production ?? false });
      return;
    }
    if (pathname === '/readyz') {
      const report = await readiness();
      const failed = Object.entries(report.subgraphs).filter(([, c]) => !c.ok).map(([name]) => name);
      sendJson(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'unavailable',
        ...(report.ready ? {} : { reason: report.supergraph === 'failed' ? 'the supergraph did not load' : `not healthy: ${failed.join(', ')}` }),
        ...report,
      });
      return;
    }
    if (deps.webAppDir && (await serveWebApp(req, res, deps.webAppDir, { sourceMaps: deps.webAppSourceMaps ?? true }))) return;
    // matched on the raw target, not the normalised pathname: `/files/../x` is refused, not rerouted
    const fileRoute = Object.entries(fileRoutes).find(([prefix]) => target.startsWith(prefix));
    if (fileRoute && (req.method === 'GET' || req.method === 'HEAD')) {
      await forwardFile(req, res, fileRoute[0], fileRoute[1]);
      return;
    }
    // the pages the links in Kyodo's mail open (S4, T4)
    if (isLinkPage(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      serveLinkPage(pathname, req.method, res);
      return;
    }
    if (sandbox && pathname.startsWith(SANDBOX_ASSET_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
      if (await serveSandboxAsset(pathname, res)) return;
    }
    if (sandbox && pathname === GRAPHQL_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      // the sandbox page (and GraphQL over GET alike): never framed, no other origin, nosniff
      for (const [name, value] of Object.entries(sandboxPageHeaders())) res.setHeader(name, value);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      if (pathname === GRAPHQL_PATH && req.method === 'POST' && !isJsonPost(req)) {
        // form-encoded and text/plain POSTs are what a cross-site form can send without CORS
        req.resume();
        sendRefusal(res, 'jsonPostRequired', await languageOf(req));
        return;
      }
      // read here, counting bytes, so the engine never buffers more than the limit
      const reading = await readBodyWithin(req, limits.maxBodyBytes);
      if (!reading.ok) {
        // the rest is drained and dropped (memory stays bounded), so the client can read the answer
        req.resume();
        sendRefusal(res, reading.refusal, await languageOf(req), reading.params);
        return;
      }
      // @whatwg-node/server (under Yoga and Hive) takes a body already read from `req.body`
      const body = pathname === GRAPHQL_PATH && req.method === 'POST' ? parsedGraphqlBody(reading.body) : reading.body;
      (req as IncomingMessage & { body?: unknown }).body = body;
      // issue 21: a query the engine already served once, on a plan the lane runs, need not go through the engine again
      if (lane && pathname === GRAPHQL_PATH && req.method === 'POST' && (await lane.serve(req, res, body))) return;
    }
    await runtime.handle(req, res);
  }

  async function reloadSupergraph(text: string): Promise<string | undefined> {
    let next: { sdl: string; subgraphs: SupergraphSubgraph[] };
    try {
      next = await checkSupergraph(text, deps.subgraphUrls);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      supergraphRefused = {
        at: new Date().toISOString(),
        reason,
        ...(deps.supergraphFile ? { file: deps.supergraphFile.path } : {}),
        ...(deps.supergraphUrl ? { url: deps.supergraphUrl.url } : {}),
      };
      logger.error('new supergraph refused; still serving the previous one', { reason, file: deps.supergraphFile?.path, url: deps.supergraphUrl?.url });
      return reason;
    }
    const previous = { sdl: supergraphSdl, subgraphs };
    supergraphSdl = next.sdl;
    subgraphs = next.subgraphs;
    runtime.invalidateUnifiedGraph();
    try {
      await runtime.getSchema();
    } catch (error) {
      // Hive keeps serving its previous graph when a load fails; keep ours in step with it
      supergraphSdl = previous.sdl;
      subgraphs = previous.subgraphs;
      const reason = `the gateway could not load it: ${error instanceof Error ? error.message : String(error)}`;
      supergraphRefused = { at: new Date().toISOString(), reason };
      logger.error('new supergraph refused; still serving the previous one', { reason });
      return reason;
    }
    shapes = shapesOf(supergraphSdl);
    // the lane's routes were planned on the previous supergraph
    lane?.clear();
    supergraphRefused = undefined;
    logger.info('supergraph reloaded', { subgraphs: subgraphs.map((s) => `${s.name}=${s.url}`) });
    return undefined;
  }

  const watcher = deps.supergraphFile ? watchSupergraphFile(deps.supergraphFile, deps.supergraphSdl, reloadSupergraph, logger) : undefined;
  const poller = deps.supergraphUrl ? pollSupergraphUrl(deps.supergraphUrl, deps.supergraphSdl, reloadSupergraph, logger) : undefined;

  let server: Server | undefined;
  return {
    get supergraphSdl() {
      return supergraphSdl;
    },
    get subgraphs() {
      return subgraphs;
    },
    reloadSupergraph,
    limits,
    liveStreams: liveStreamCap.counter,
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('The gateway is already listening.');
      // load the supergraph now, so a broken one fails start-up instead of the first request
      await runtime.getSchema();
      const listening = createServer((req, res) => {
        // the client's (or load balancer's) id, or a new one: set on the request, so Hive uses it
        // and propagateHeaders sends it to every subgraph, whose log lines then carry the same id
        const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
        // the lane's own mark (query-lane.ts), never a client's
        delete req.headers[LANE_SENT_HEADER];
        req.headers[REQUEST_ID_HEADER] = requestId;
        res.setHeader(REQUEST_ID_HEADER, requestId);
        const started = performance.now();
        void runWithRequestId(
          requestId,
          () =>
            route(req, res)
              .catch(async (error: unknown) => {
                logger.error('request failed', { error: error instanceof Error ? error.stack : String(error) });
                if (!res.headersSent) {
                  sendJson(res, 500, gatewayRefusals.body('internal', await languageOf(req)).body);
                } else {
                  res.end();
                }
              })
              .finally(() => logServed(logger, req, res, started, (kind) => metrics.countRoutine(kind))),
          req.headers[TRACEPARENT_HEADER],
        );
      });
      listening.keepAliveTimeout = GATEWAY_KEEP_ALIVE_TIMEOUT_MS;
      // a request's headers may arrive on a connection idle until just before the keep-alive timeout
      listening.headersTimeout = GATEWAY_KEEP_ALIVE_TIMEOUT_MS + 1000;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => resolve());
      });
      server = listening;
      const address = listening.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}${GRAPHQL_PATH}`;
    },
    async close() {
      watcher?.close();
      poller?.close();
      if (server) {
        const closing = server;
        server = undefined;
        closing.closeIdleConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
      await usage?.close();
      await accessGuard?.stop();
      lane?.close();
      await runtime.dispose();
    },
  };
}
