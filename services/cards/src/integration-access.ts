import type { ScopedQuery } from '@kyodo/subgraph-kit';
import type { CardsContext } from './context.js';
import { viewerGroupIdsFromSpaces } from './peers.js';

/**
 * C6: a query from an integration token reads cards as its acting member, and only while the
 * token is live. Only spaces knows whether it was revoked, so every such request asks spaces for
 * the acting member's groups first (the same call C3 makes, kept for the request): a revoked
 * token is refused there, and spaces unreachable refuses the read (fails closed).
 */
export async function admitIntegrationTokenQuery(ctx: CardsContext, query: ScopedQuery): Promise<boolean> {
  if (!query.accepted || !ctx.viewer || ctx.viewer.kind !== 'MEMBER') return false;
  await viewerGroupIdsFromSpaces(ctx);
  return true;
}
