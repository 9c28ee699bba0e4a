import type { ApolloServerPlugin } from '@apollo/server';
import { isScoped, type Scope, type Viewer } from '@kyodo/auth';
import type { DocumentNode, GraphQLError, OperationDefinitionNode } from 'graphql';
import type { RequestContext } from './context.js';
import { isAppError } from './errors.js';
import { kitRefusals } from './kit-refusals.js';

/** The query an integration token sends, as the subgraph parsed it. */
export interface ScopedQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Whether this subgraph accepts one of the token's scopes. */
  accepted: boolean;
}

/**
 * C6: what a subgraph lets integration tokens (viewers with `scopes`) do. By default nothing:
 * every operation from a scoped token is refused. A subgraph that accepts a scope serves it
 * queries only, never mutations.
 */
export interface ScopedAccess<TLoaders = unknown> {
  /** The scopes this subgraph serves, read-only (cards: `cards:read`). */
  acceptsScopes?: readonly Scope[];
  /**
   * Decides every query of a scoped token, before any resolver runs: true admits it, false
   * refuses it with FORBIDDEN, a thrown catalog error refuses it with that error (a revoked
   * token...). Without it a query is admitted exactly when `accepted`. A subgraph that accepts
   * no scope may use it for a narrow, checked exception (spaces: the acting user's own groups).
   */
  admitQuery?: (ctx: RequestContext<TLoaders>, query: ScopedQuery) => Promise<boolean>;
}

/** The refusal of a scoped token: it may only read within its scopes (C6). */
export function scopedTokenRefusal(viewer: Viewer & { scopes: Scope[] }): GraphQLError {
  return kitRefusals.refuse('scopedTokenLimited', { scopes: viewer.scopes.join(', ') });
}

/** The pure part of the rule: a scoped token's operation is refused outright unless it is a query. */
function refusedOutright(kind: 'query' | 'mutation' | 'subscription' | undefined): boolean {
  return kind !== 'query';
}

/**
 * Apollo answers an error thrown before execution with HTTP 500; a refusal is an ordinary
 * GraphQL error like any a resolver throws (HTTP 200), so the gateway and peers read it as one.
 */
function refuse(error: GraphQLError): GraphQLError {
  Object.assign(error.extensions, { http: { status: 200 } });
  return error;
}

/** Enforces ScopedAccess once the operation is known, before execution; fails closed. */
export function scopedTokenPlugin<TLoaders>(access: ScopedAccess<TLoaders>): ApolloServerPlugin<RequestContext<TLoaders>> {
  const accepts = new Set<string>(access.acceptsScopes ?? []);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          const viewer = contextValue.viewer;
          if (!isScoped(viewer)) return;
          const accepted = viewer.scopes.some((scope) => accepts.has(scope));
          if (refusedOutright(operation?.operation) || !operation) throw refuse(scopedTokenRefusal(viewer));
          let admitted: boolean;
          try {
            admitted = access.admitQuery ? await access.admitQuery(contextValue, { document, operation, accepted }) : accepted;
          } catch (error) {
            throw isAppError(error) ? refuse(error as GraphQLError) : error;
          }
          if (!admitted) throw refuse(scopedTokenRefusal(viewer));
        },
      };
    },
  };
}
