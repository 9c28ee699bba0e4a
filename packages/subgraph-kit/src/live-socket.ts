import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import { HeaderMap } from '@apollo/server';
import { GATEWAY_CREDENTIAL_HEADER, isScoped, isValidGatewayCredential, type Viewer } from '@kyodo/auth';
import type { Context as SocketContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import * as graphqlEsm from 'graphql';
import { type ExecutionResult, type GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { RequestContext } from './context.js';
import { maskError } from './errors.js';
import { kitRefusals } from './kit-refusals.js';
import { chooseLanguage, enterLanguage, withLanguage, type Language } from './refusals.js';
import type { Logger } from './logger.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface LiveSocketOptions<TLoaders> {
  name: string;
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  logger: Logger;
  gatewaySecret?: string;
  requireGatewayCredential?: boolean;
  /** The same context building as HTTP (token verified, fresh loaders); throws UNAUTHENTICATED for a bad token. */
  contextFor: (headers: HeaderMap) => Promise<RequestContext<TLoaders>>;
  createLoaders: (viewer: Viewer | null, dataSource: RequestContext['dataSource']) => TLoaders;
  /** Verifies a token now (UNAUTHENTICATED when it no longer does): re-run for every event. */
  recheckToken: (token: string) => Promise<void>;
}

export interface LiveSocket {
  close(): Promise<void>;
}

type Extra = { request: IncomingMessage };

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** connection_init's payload, where a WebSocket client puts what HTTP puts in headers (browsers cannot set upgrade headers). */
function param(ctx: SocketContext<Record<string, unknown> | undefined, Extra>, name: string): string | undefined {
  const params = ctx.connectionParams ?? {};
  const value = Object.entries(params).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' && value ? value : firstHeader(ctx.extra.request.headers[name]);
}

const INVALID = 'GRAPHQL_VALIDATION_FAILED';

/**
 * The graphql-js copy the schema was built with. @apollo/subgraph is CommonJS, so its schema
 * belongs to graphql's CJS build; under a test runner this module may get the ESM build, and
 * graphql-js refuses a schema "from another module or realm": parsing, validating and running
 * use the schema's own copy (in plain Node both are the same).
 */
function graphqlFor(schema: GraphQLSchema): typeof graphqlEsm {
  // plain instanceof: graphql's own isSchema throws on a schema of the other copy
  if (schema instanceof graphqlEsm.GraphQLSchema) return graphqlEsm;
  const cjs = createRequire(import.meta.url)('graphql') as typeof graphqlEsm;
  if ((schema as object) instanceof cjs.GraphQLSchema) return cjs;
  throw new Error('The subgraph schema was built by a graphql-js copy this module cannot load.');
}

/** A stream of one result: a refusal sent as the stream's answer (then complete). */
function oneResult<T>(value: T): AsyncIterableIterator<T> {
  let sent = false;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (sent) return { value: undefined, done: true };
      sent = true;
      return { value, done: false };
    },
    async return() {
      sent = true;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** The results of a subscription, ending with a refusal thrown by its source as its last result instead of an exception. */
function endingWithRefusal<T>(results: AsyncGenerator<T> | AsyncIterableIterator<T>, toError: (error: GraphQLError) => GraphQLError, language: Language | undefined): AsyncIterableIterator<T> {
  let refused = false;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (refused) return { value: undefined, done: true };
      try {
        // I1: each event is resolved (and refused) in the subscriber's language: the socket's own
        // loop calls next(), outside the scope onSubscribe entered
        return await (language ? withLanguage(language, () => results.next()) : results.next());
      } catch (error) {
        if (!(error instanceof Error && 'extensions' in error)) throw error;
        refused = true;
        await results.return?.(undefined);
        return { value: { data: null, errors: [toError(error as GraphQLError)] } as T, done: false };
      }
    },
    async return() {
      refused = true;
      await results.return?.(undefined);
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * Subscriptions over graphql-ws (the `graphql-transport-ws` protocol) on the subgraph's own HTTP
 * server and path: Apollo Server has no subscription transport, and the gateway reaches a
 * subgraph's subscriptions over WebSocket (its `ws` transport). Queries and mutations keep the
 * HTTP path (CSRF, metrics, scoped-token checks); this socket runs subscriptions only, with the
 * same context, gateway-credential check in production and error masking as HTTP.
 */
export function serveLiveSocket<TLoaders>(options: LiveSocketOptions<TLoaders>): LiveSocket {
  const { schema, logger } = options;
  const sockets = new WebSocketServer({ noServer: true });
  const graphql = graphqlFor(schema);
  // graphql-ws accepts refusals only as instances of its own copy's GraphQLError: the copy Node
  // resolves for it is the schema's (CJS), whatever copy a test runner gave this module
  const refusal = (error: { message: string; extensions?: Record<string, unknown> }, code: string): GraphQLError =>
    new graphql.GraphQLError(error.message, { extensions: { ...error.extensions, code: error.extensions?.code ?? code } });
  const mask = (error: GraphQLError): GraphQLFormattedError => maskError(error.toJSON(), error, logger);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(req.url ?? '/', 'http://subgraph');
    if (pathname !== options.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      execute: graphql.execute,
      // a refusal while the stream runs (T5 revoked, S10 removed from the space: liveEvents throws it)
      // is the stream's last result, an ordinary GraphQL error; thrown on, graphql-ws would close
      // the socket as an internal error and the gateway answer SERVICE_UNAVAILABLE
      subscribe: async (args) => {
        const refusedWith = (args.contextValue as { refusedWith?: GraphQLError } | undefined)?.refusedWith;
        if (refusedWith) return oneResult<ExecutionResult>({ data: null, errors: [refusedWith] });
        const language = (args.contextValue as { language?: Language } | undefined)?.language;
        // I1: graphql-ws calls this after onSubscribe returned, outside the language it entered
        const result = await (language ? withLanguage(language, () => graphql.subscribe(args)) : graphql.subscribe(args));
        if (!(Symbol.asyncIterator in result)) return result;
        return endingWithRefusal(result, (error) => refusal(error, 'FORBIDDEN'), language);
      },
      onConnect(ctx) {
        // production: the same rule as HTTP, the gateway's credential in the upgrade headers or connection_init
        if (options.requireGatewayCredential && !isValidGatewayCredential(options.gatewaySecret ?? '', param(ctx, GATEWAY_CREDENTIAL_HEADER))) {
          logger.warn('live socket refused: no gateway credential', { service: options.name });
          return false;
        }
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = graphql.parse(payload.query);
        } catch (error) {
          return [refusal(error instanceof Error ? error : { message: 'The document does not parse.' }, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = graphql.validate(schema, document);
        if (errors.length > 0) return errors.map((error) => refusal({ message: error.message }, INVALID));
        const operation = graphql.getOperationAST(document, payload.operationName);
        if (!operation) return [refusal({ message: 'Name the operation to run (operationName).' }, INVALID)];
        if (operation.operation !== 'subscription') return [refusal({ message: 'This socket serves subscriptions only; send queries and mutations as HTTP POST to /graphql.' }, INVALID)];
        const headers = new HeaderMap();
        const authorization = param(ctx, 'authorization');
        if (authorization) headers.set('authorization', authorization);
        const requestId = param(ctx, REQUEST_ID_HEADER);
        if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
        // I1: the caller's Accept-Language, which the gateway forwards as HTTP forwards it, for a
        // token without `lng` (and for refusing a bad token, whose language is unknown)
        const acceptLanguage = param(ctx, 'accept-language');
        if (acceptLanguage) headers.set('accept-language', acceptLanguage);
        // a refusal of the caller is the stream's one result (then complete), as a resolver's refusal
        // is: an `error` message instead reads to the gateway as an unreachable subgraph (issue 19)
        const refused = (error: GraphQLError) => ({ schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: { refusedWith: error } });
        let contextValue: RequestContext<TLoaders>;
        try {
          // a bad token's refusal is written before the viewer is known: in the Accept-Language one, as over HTTP
          contextValue = await withLanguage(chooseLanguage(null, acceptLanguage), () => options.contextFor(headers));
        } catch (error) {
          if (error instanceof Error && 'extensions' in error) return refused(refusal(error as GraphQLError, 'UNAUTHENTICATED'));
          throw error;
        }
        // I1: the refusals of the checks below in the subscriber's language (the stream's own: subscribe and endingWithRefusal)
        enterLanguage(contextValue.language);
        // C6: an integration token reads (some) queries; it never holds a live stream
        if (isScoped(contextValue.viewer)) return refused(refusal(kitRefusals.refuse('scopedTokenCannotSubscribe'), 'FORBIDDEN'));
        const viewer = contextValue.viewer;
        contextValue.renewLoaders = () => options.createLoaders(viewer, contextValue.dataSource);
        const token = contextValue.token;
        if (token) {
          contextValue.recheckToken = () => options.recheckToken(token);
          // T5: a token whose user's access changed since it was signed opens no stream
          try {
            await contextValue.recheckToken();
          } catch (error) {
            if (error instanceof Error && 'extensions' in error) return refused(refusal(error as GraphQLError, 'UNAUTHENTICATED'));
            throw error;
          }
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext(_ctx, _id, _payload, args, result) {
        if (!result.errors) return undefined;
        // a masked error's text in the subscriber's language (I1)
        const language = (args.contextValue as { language?: Language } | undefined)?.language;
        return { ...result, errors: language ? withLanguage(language, () => result.errors!.map(mask)) : result.errors.map(mask) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map(mask);
      },
    },
    sockets,
  );

  // once: a subgraph stopped in a test (or twice on shutdown) must not throw "The server is not running"
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        options.httpServer.off('upgrade', onUpgrade);
        await server.dispose();
      })();
      return closing;
    },
  };
}
