import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { appError, ERROR_CATALOG, isKnownCode, type ErrorCode } from './errors.js';
import { kitRefusals } from './kit-refusals.js';
import { currentLanguage } from './refusals.js';
import type { RequestContext } from './context.js';
import type { Logger } from './logger.js';
import { subgraphRegistry } from './registry.js';
import { outgoingRequestHeaders } from './request-id.js';

/** The subgraphs and the port each listens on by default (`npm start`), from subgraphs.json. */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<string, number>> = Object.fromEntries(
  subgraphRegistry().subgraphs.map((s) => [s.name, s.defaultPort]),
);

/** Where the other subgraphs are. Looked up per call: in tests they listen after this one starts. */
export interface PeerDirectory {
  urlOf(name: string): string | undefined;
}

/** Each registered subgraph's URL variable (`SPACES_URL`...) from env, else localhost on its default port. */
export function peerDirectoryFromEnv(env: NodeJS.ProcessEnv = process.env): PeerDirectory {
  return {
    urlOf(name) {
      const entry = subgraphRegistry().subgraphs.find((s) => s.name === name);
      if (!entry) return undefined;
      return env[entry.urlEnv] || `http://127.0.0.1:${entry.defaultPort}/graphql`;
    },
  };
}

export interface PeerRequestOptions {
  /** The bearer token to act with: usually the viewer's own, so the peer applies its own rules to them. */
  token: string | null;
  /** What the caller was doing, for the error a person reads ("check the guest licence"). */
  purpose: string;
}

export interface PeerClient {
  request<TData>(peer: string, query: string, variables: Record<string, unknown>, options: PeerRequestOptions): Promise<TData>;
}

/**
 * Subgraph-to-subgraph GraphQL over HTTP with the gateway credential (a peer in production
 * refuses anything else). It fails closed: a peer that cannot be reached, or answers with an
 * error that is not in the catalog (GRAPHQL_VALIDATION_FAILED included: the peer refused our
 * query), becomes SERVICE_UNAVAILABLE, so the caller refuses the action instead of guessing;
 * catalog errors from the peer (FORBIDDEN...) pass through.
 */
export function createPeerClient(options: { directory: PeerDirectory; gatewaySecret?: string; logger: Logger; timeoutMs?: number }): PeerClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  return {
    async request<TData>(peer: string, query: string, variables: Record<string, unknown>, { token, purpose }: PeerRequestOptions): Promise<TData> {
      const unavailable = () => kitRefusals.refuse('peerUnavailable', { peer });
      const url = options.directory.urlOf(peer);
      if (!url) throw unavailable();
      let body: { data?: TData; errors?: Array<{ message: string; extensions?: { code?: unknown; rule?: unknown; field?: unknown } }> };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            // the same request id and trace on the peer's lines as on ours
            ...outgoingRequestHeaders(),
            // I1: a peer's refusal passes through to the person, so it is written in their language
            'accept-language': currentLanguage(),
            'content-type': 'application/json',
            ...(options.gatewaySecret ? { [GATEWAY_CREDENTIAL_HEADER]: options.gatewaySecret } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
      } catch (error) {
        options.logger.error('peer request failed', { peer, url, purpose, error: error instanceof Error ? error.message : String(error) });
        throw unavailable();
      }
      const first = body.errors?.[0];
      if (first) {
        const code = first.extensions?.code;
        // only the catalog's answers about the action pass through; a protocol code (the peer refused
        // the query document itself) is this service's bug, not the client's mistake
        if (isKnownCode(code) && code in ERROR_CATALOG && code !== 'INTERNAL_SERVER_ERROR') {
          // the peer's refusal as it gave it (already in the person's language), with its rule and field
          const { rule, field } = first.extensions ?? {};
          throw appError(code as ErrorCode, first.message, { ...(typeof rule === 'string' ? { rule } : {}), ...(typeof field === 'string' ? { field } : {}) });
        }
        options.logger.error('peer answered with an error', { peer, purpose, errors: body.errors });
        throw unavailable();
      }
      if (body.data === undefined) throw unavailable();
      return body.data;
    },
  };
}

/** The peer client for a request: the subgraph's peer directory, gateway credential and logger. */
export function peerClientFor(ctx: Pick<RequestContext, 'deps' | 'logger'>): PeerClient {
  return createPeerClient({ directory: ctx.deps.peers ?? { urlOf: () => undefined }, gatewaySecret: ctx.deps.gatewaySecret, logger: ctx.logger });
}
