import type { Language, Viewer } from '@kyodo/auth';
import type { DataSource } from 'typeorm';
import type { Clock } from './clock.js';
import type { SubgraphDeps } from './definition.js';
import type { GraphQLError } from 'graphql';
import { kitRefusals } from './kit-refusals.js';
import type { Logger } from './logger.js';

/** What every resolver gets: the verified viewer, per-request loaders, the DataSource. */
export interface RequestContext<TLoaders = unknown> {
  viewer: Viewer | null;
  /** The raw bearer token, for the rare resolver that must call another service as the viewer. */
  token: string | null;
  dataSource: DataSource;
  loaders: TLoaders;
  requestId: string;
  /** I1: the language the viewer reads (token's `lng`, else Accept-Language, else Japanese); refusals use it already. */
  language: Language;
  logger: Logger;
  clock: Clock;
  /** What the subgraph was built with (issuer, data dir...): never a global. */
  deps: SubgraphDeps;
  /** Subscriptions only: fresh loaders for each event (live.ts), so one event's reads never answer the next. */
  renewLoaders?: () => TLoaders;
  /**
   * Subscriptions only: verifies the subscriber's token again (throws UNAUTHENTICATED once it has
   * expired), so a stream never outlives the sign-in it was opened with.
   */
  recheckToken?: () => Promise<void>;
}

export function requireViewer(ctx: Pick<RequestContext, 'viewer'>): Viewer {
  if (!ctx.viewer) throw kitRefusals.refuse('signInRequired');
  return ctx.viewer;
}

/** A member (not a guest). `refusal`: a more specific refusal than "Guests may not do this." */
export function requireMember(ctx: Pick<RequestContext, 'viewer'>, refusal?: () => GraphQLError): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.kind !== 'MEMBER') throw refusal ? refusal() : kitRefusals.refuse('guestsMayNot');
  return viewer;
}

/** A tenant administrator. `refusal`: a more specific refusal than "Only a tenant administrator may do this." */
export function requireAdmin(ctx: Pick<RequestContext, 'viewer'>, refusal?: () => GraphQLError): Viewer {
  const viewer = requireMember(ctx, refusal);
  if (!viewer.roles.includes('ADMIN')) throw refusal ? refusal() : kitRefusals.refuse('adminOnly');
  return viewer;
}
