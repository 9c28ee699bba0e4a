import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { gatewayRefusals } from './refusals/refusals.js';

/**
 * Live updates (subscriptions). Clients reach the gateway over Server-Sent Events (a POST with
 * `Accept: text/event-stream`, which Yoga serves natively, with the same Authorization header as
 * queries). The gateway reaches the subgraph that owns the subscription over WebSocket
 * (graphql-ws, on each subgraph's own /graphql; see subgraph-kit live-socket.ts), and fetches the
 * rest of each event's fields over HTTP as for any query.
 *
 * A WebSocket carries no per-request headers: the caller's Authorization and Accept-Language (I1:
 * the subgraph writes its refusals in the caller's language, as over HTTP) and the gateway
 * credential go in connection_init's payload instead (connectionParams). Hive keeps one socket
 * per distinct payload, so a socket never carries two viewers' subscriptions.
 */
const LIVE_CONTEXT_KEY = 'kyodoLive';

interface LiveContext {
  authorization?: string;
  acceptLanguage?: string;
  credential: string;
}

export function liveTransportEntries() {
  return {
    '*': {
      options: {
        // The HTTP executor merges identical subgraph fetches in flight, keyed by URL, body and
        // headers; ours carry each client request's own x-request-id, so two client requests
        // never match and the merge cost every fetch a JSON.stringify of its headers, a map entry
        // and a structuredClone of the answer's data for nothing (issue 21)
        deduplicateInflightRequests: false,
        subscriptions: {
          kind: 'ws',
          // resolved against each subgraph's URL: the same /graphql path
          location: '/graphql',
          options: {
            connectionParams: {
              authorization: `{context.${LIVE_CONTEXT_KEY}.authorization}`,
              'accept-language': `{context.${LIVE_CONTEXT_KEY}.acceptLanguage}`,
              [GATEWAY_CREDENTIAL_HEADER]: `{context.${LIVE_CONTEXT_KEY}.credential}`,
            },
          },
        },
      },
    },
  };
}

/** Puts what the socket's connectionParams read into the request's context (interpolation reads plain values only). */
export function useLiveContext(gatewaySecret: string): GatewayPlugin {
  return {
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      const live: LiveContext = { credential: gatewaySecret };
      const authorization = request?.headers.get('authorization');
      if (authorization) live.authorization = authorization;
      const acceptLanguage = request?.headers.get('accept-language');
      if (acceptLanguage) live.acceptLanguage = acceptLanguage;
      extendContext({ [LIVE_CONTEXT_KEY]: live } as Record<string, unknown>);
    },
  };
}

/** Accept values under which Yoga streams a subscription's events (SSE, multipart, or anything). */
const STREAMING = ['text/event-stream', 'multipart/mixed', '*/*'];

/**
 * A subscription asked for as one JSON answer gets a coded error saying how to ask, instead of
 * Yoga's bare 406 with an empty body (a client mistake is always coded). A supergraph without
 * subscriptions leaves it to validation (client-mistakes.ts).
 */
export function useSubscriptionAcceptCheck(shapes: () => GraphQLSchema): GatewayPlugin {
  return {
    onParams({ params, request }) {
      // a cheap test first: this runs for every request, and only a subscription needs the parse
      if (typeof params.query !== 'string' || !params.query.includes('subscription') || !shapes().getSubscriptionType()) return;
      const accept = (request.headers.get('accept') ?? '').toLowerCase();
      if (STREAMING.some((type) => accept.includes(type))) return;
      let document: DocumentNode;
      try {
        document = parse(params.query);
      } catch {
        return; // the parse error is reported by the engine, with its code
      }
      if (getOperationAST(document, params.operationName)?.operation !== 'subscription') return;
      // I1: written in the caller's language as the answer leaves (request-language.ts)
      throw gatewayRefusals.refuse('subscriptionsOverSse');
    },
  };
}

/**
 * An event whose root field was refused (a guest removed from the space mid-stream: NOT_FOUND;
 * a token revoked: UNAUTHENTICATED) carries no data of its own: the subgraph sends `data: null`.
 * The engine merges each event into the previous one's result, so without this the refusal
 * arrived beside a copy of the last comment (issue 19). A root field with an error is null, as
 * GraphQL says for any field with an error.
 */
export function useRefusedEventsCarryNoData(): GatewayPlugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              const data = result.data as Record<string, unknown> | null | undefined;
              if (!data || !result.errors?.length) return;
              const refusedRoots = new Set(result.errors.filter((error) => error.path?.length === 1).map((error) => String(error.path![0])));
              if (refusedRoots.size === 0) return;
              setResult({ ...result, data: null });
            },
          };
        },
      };
    },
  };
}
