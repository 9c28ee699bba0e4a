import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { bearerToken, GATEWAY_CREDENTIAL_HEADER, isValidGatewayCredential, TokenError, type TokenVerifier, type Viewer } from '@kyodo/auth';
import { getOperationAST, type GraphQLError, type GraphQLSchema } from 'graphql';
import { scopedTokenPlugin, type ScopedAccess } from './scoped-access.js';
import type { DataSource } from 'typeorm';
import type { SubgraphDeps } from './definition.js';
import { systemClock, type Clock } from './clock.js';
import type { RequestContext } from './context.js';
import { maskError } from './errors.js';
import { kitRefusals } from './kit-refusals.js';
import { chooseLanguage, setLanguage, withLanguage } from './refusals.js';
import type { Logger } from './logger.js';
import { logServed, REQUEST_ID_HEADER, requestIdFrom, runWithRequestId, TRACEPARENT_HEADER, withRequestIds } from './request-id.js';
import { serveLiveSocket, type LiveSocket } from './live-socket.js';
import { observeDatabasePool, serveMetrics, subgraphMetrics, type ServiceMetrics } from './metrics.js';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AccessGuard } from './access-guard.js';

/** Longer than any client's or load balancer's idle timeout (AWS ALB 60 s), see listen(). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * An extra HTTP handler a subgraph serves beside /graphql (files it signs links to...). It answers
 * and resolves true, or resolves false to let the next one try. Routes are tried before /graphql
 * and get the same gateway-credential check in production.
 */
export type SubgraphRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface SubgraphServerOptions<TLoaders> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  verifier: TokenVerifier;
  logger: Logger;
  clock?: Clock;
  gatewaySecret?: string;
  requireGatewayCredential?: boolean;
  /** Fresh loaders for each request, so nothing cached leaks between viewers. */
  createLoaders: (viewer: Viewer | null, dataSource: DataSource) => TLoaders;
  deps: SubgraphDeps;
  /** Extra handlers tried, in order, for any path other than /health, the JWKS and /graphql. */
  routes?: SubgraphRoute[];
  /** C6: what integration tokens may do here (nothing, by default). */
  scopedAccess?: ScopedAccess<TLoaders>;
  /** Refuses a token signed before its user's access last changed (access-guard.ts), on every request and every live event. */
  accessGuard?: AccessGuard;
}

export interface SubgraphServer {
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'BAD_REQUEST', 'The request body is larger than 1 MiB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Counts each GraphQL request by its operation name, with its latency and the codes of the errors it answered. */
function metricsPlugin<TContext extends object>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, request, response, document }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          // a document that failed validation has no resolved operation yet; its name is still known
          const named = operationName ?? (document ? getOperationAST(document, request.operationName)?.name?.value : undefined) ?? request.operationName;
          metrics.observeRequest(named, (performance.now() - started) / 1000, codes);
        },
      };
    },
  };
}

/**
 * T5: a token of someone removed, demoted or re-passworded since it was signed is refused before
 * any resolver, as an ordinary GraphQL refusal (HTTP 200, as scoped-access.ts answers): a 401 or
 * 503 would read to the gateway as a broken subgraph rather than as the answer.
 */
function accessGuardPlugin<TLoaders>(guard: AccessGuard | undefined): ApolloServerPlugin<RequestContext<TLoaders>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          if (!guard || !contextValue.viewer) return;
          try {
            await guard.check(contextValue.viewer);
          } catch (error) {
            if (error instanceof Error && 'extensions' in error) Object.assign((error as GraphQLError).extensions, { http: { status: 200 } });
            throw error;
          }
        },
      };
    },
  };
}

/** Probes and scrapes come every few seconds and say nothing about users' requests. */

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Apollo Server 5 behind a plain node:http server: `/graphql` and `/health`. CSRF
 * prevention stays on (Apollo's default), inline tracing and the landing page are off:
 * a subgraph is reached by the gateway, not browsed.
 */
export function createSubgraphServer<TLoaders>(options: SubgraphServerOptions<TLoaders>): SubgraphServer {
  const { name, schema, dataSource, verifier } = options;
  // every line written while a request is served carries its id (x-request-id, from the gateway)
  const logger = withRequestIds(options.logger);
  const clock = options.clock ?? systemClock;
  let httpServer: Server | undefined;
  let liveSocket: LiveSocket | undefined;
  const metrics = subgraphMetrics(options.deps, name);
  observeDatabasePool(metrics, dataSource);
  const apollo = new ApolloServer<RequestContext<TLoaders>>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error, logger),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      scopedTokenPlugin<TLoaders>(options.scopedAccess ?? {}),
      accessGuardPlugin<TLoaders>(options.accessGuard),
      metricsPlugin<RequestContext<TLoaders>>(metrics),
    ],
  });
  let started: Promise<void> | undefined;

  async function contextFor(headers: HeaderMap): Promise<RequestContext<TLoaders>> {
    let token: string | null;
    let viewer: Viewer | null = null;
    try {
      token = bearerToken(headers.get('authorization'));
      if (token) viewer = await verifier.verify(token, { now: clock.now() });
    } catch (error) {
      // the token's language is unknown: the refusal is written in the Accept-Language one
      if (error instanceof TokenError) {
        throw kitRefusals.refuse(error.reason === 'expired' ? 'tokenExpired' : 'tokenInvalid', {}, { http: { status: 401 } });
      }
      throw error;
    }
    // I1: from here on (resolvers, refusals, masked errors) the viewer's language
    const language = chooseLanguage(viewer, headers.get('accept-language'));
    setLanguage(language);
    return {
      viewer,
      token,
      language,
      dataSource,
      loaders: options.createLoaders(viewer, dataSource),
      requestId: requestIdFrom(headers.get(REQUEST_ID_HEADER)),
      logger,
      clock,
      deps: options.deps,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health') {
      // liveness plus a round trip to the database: a subgraph without its database is not healthy
      try {
        await dataSource.query('SELECT 1');
        sendJson(res, 200, { status: 'ok', service: name });
      } catch {
        sendJson(res, 503, { status: 'unavailable', service: name, reason: 'database unreachable' });
      }
      return;
    }
    if (url.pathname === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      // not behind the gateway credential: a scraper has its own (METRICS_TOKEN, see metrics.ts)
      await serveMetrics(req, res, metrics, { token: options.deps.env?.METRICS_TOKEN, production: options.requireGatewayCredential ?? false });
      return;
    }
    if (url.pathname === '/.well-known/jwks.json' && options.deps.issuer) {
      sendJson(res, 200, { keys: [options.deps.issuer.publicJwk] });
      return;
    }
    const routes = options.routes ?? [];
    if (url.pathname !== '/graphql' && routes.length === 0) {
      sendJson(res, 404, { errors: [{ message: 'Not found: the GraphQL endpoint is /graphql.' }] });
      return;
    }
    if (options.requireGatewayCredential) {
      const received = req.headers[GATEWAY_CREDENTIAL_HEADER];
      if (!isValidGatewayCredential(options.gatewaySecret ?? '', Array.isArray(received) ? received[0] : received)) {
        sendJson(res, 403, {
          errors: [{ message: `The ${name} subgraph answers only the Kyodo gateway; send requests to the gateway.`, extensions: { code: 'FORBIDDEN' } }],
        });
        return;
      }
    }
    if (url.pathname !== '/graphql') {
      for (const route of routes) if (await route(req, res)) return;
      sendJson(res, 404, { errors: [{ message: 'Not found: the GraphQL endpoint is /graphql.' }] });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      const type = headers.get('content-type') ?? '';
      if (text && type.includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
        }
      } else {
        body = text;
      }
    }
    // I1: refusals before the token is read (parse, validation, a bad token) follow Accept-Language
    const response: HTTPGraphQLResponse = await withLanguage(chooseLanguage(null, headers.get('accept-language')), () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => contextFor(headers),
      }),
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    async listen(port = 0, host = '127.0.0.1') {
      started ??= apollo.start();
      await started;
      httpServer = createServer((req, res) => {
        const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
        // the same id the gateway logged (it sends one on every fetch), or a new one; echoed to the caller
        req.headers[REQUEST_ID_HEADER] = requestId;
        res.setHeader(REQUEST_ID_HEADER, requestId);
        const started = performance.now();
        // the failure handler inside the scope too, so 'request failed' carries the id; the
        // caller's traceparent gives the trace id when no tracer is running (request-id.ts)
        void runWithRequestId(
          requestId,
          () =>
            handle(req, res)
              .catch((error: unknown) => {
                if (error instanceof HttpError) {
                  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
                  return;
                }
                logger.error('request failed', { error: error instanceof Error ? error.stack : String(error) });
                if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
                else res.end();
              })
              .finally(() => logServed(logger, req, res, started, (kind) => metrics.countRoutine(kind))),
          req.headers[TRACEPARENT_HEADER],
        );
      });
      // A keep-alive socket must be closed by the client (the gateway, a peer, a load balancer),
      // never by the server while a request may be on its way: Node's 5 s default is shorter than
      // undici's 4 s plus any event-loop stall and than load balancers' 60 s idle timeouts, and
      // the loser of that race sees ECONNRESET on a request the server never read.
      // subscriptions: graphql-ws on the same server and path (live-socket.ts)
      liveSocket = serveLiveSocket({
        name,
        httpServer,
        path: '/graphql',
        schema,
        logger,
        gatewaySecret: options.gatewaySecret,
        requireGatewayCredential: options.requireGatewayCredential,
        contextFor,
        createLoaders: options.createLoaders,
        async recheckToken(token) {
          let viewer: Viewer;
          try {
            viewer = await verifier.verify(token, { now: clock.now() });
          } catch (error) {
            if (error instanceof TokenError) throw kitRefusals.refuse(error.reason === 'expired' ? 'streamTokenExpired' : 'tokenInvalid');
            throw error;
          }
          // every event: a stream of someone whose access changed ends at the next event
          await options.accessGuard?.check(viewer);
        },
      });
      httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
      await new Promise<void>((resolve, reject) => {
        httpServer!.once('error', reject);
        httpServer!.listen(port, host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}/graphql`;
    },
    async close() {
      await liveSocket?.close();
      if (httpServer) {
        const server = httpServer;
        server.closeIdleConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      if (started) await apollo.stop();
    },
  };
}
