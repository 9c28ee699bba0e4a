import type { Viewer } from '@kyodo/auth';
import type { DataSource } from 'typeorm';
import type { Clock } from './clock.js';
import type { SubgraphDeps } from './definition.js';
import { forbidden, unauthenticated } from './errors.js';
import type { Logger } from './logger.js';

/** What every resolver gets: the verified viewer, per-request loaders, the DataSource. */
export interface RequestContext<TLoaders = unknown> {
  viewer: Viewer | null;
  /** The raw bearer token, for the rare resolver that must call another service as the viewer. */
  token: string | null;
  dataSource: DataSource;
  loaders: TLoaders;
  requestId: string;
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
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function requireMember(ctx: Pick<RequestContext, 'viewer'>, action = 'do this'): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.kind !== 'MEMBER') throw forbidden(`Guests may not ${action}.`);
  return viewer;
}

export function requireAdmin(ctx: Pick<RequestContext, 'viewer'>, action = 'do this'): Viewer {
  const viewer = requireMember(ctx, action);
  if (!viewer.roles.includes('ADMIN')) throw forbidden(`Only a tenant administrator may ${action}.`);
  return viewer;
}
