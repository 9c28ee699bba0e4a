import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { HeaderMap } from '@apollo/server';
import { GATEWAY_CREDENTIAL_HEADER, isScoped, isValidGatewayCredential, type Viewer } from '@kyodo/auth';
import type { Context as SocketContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { RequestContext } from './context.js';
import { forbidden, maskError } from './errors.js';
import type { Logger } from './logger.js';
import { REQUEST_ID_HEADER } from './request-id.js';
import { scopedRefusal } from './scoped-access.js';

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

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
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
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : invalid('The document does not parse.')];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [invalid('Name the operation to run (operationName).')];
        if (operation.operation !== 'subscription') return [invalid('This socket serves subscriptions only; send queries and mutations as HTTP POST to /graphql.')];
        const headers = new HeaderMap();
        const authorization = param(ctx, 'authorization');
        if (authorization) headers.set('authorization', authorization);
        const requestId = param(ctx, REQUEST_ID_HEADER);
        if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
        let contextValue: RequestContext<TLoaders>;
        try {
          contextValue = await options.contextFor(headers);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        // C6: an integration token reads (some) queries; it never holds a live stream
        if (isScoped(contextValue.viewer)) return [forbidden(scopedRefusal(contextValue.viewer, 'subscription', false) ?? 'An integration token cannot subscribe.')];
        const viewer = contextValue.viewer;
        contextValue.renewLoaders = () => options.createLoaders(viewer, contextValue.dataSource);
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return undefined;
        return { ...result, errors: result.errors.map(mask) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map(mask);
      },
    },
    sockets,
  );

  return {
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      await server.dispose();
    },
  };
}
