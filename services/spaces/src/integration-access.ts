import { isScoped } from '@kyodo/auth';
import type { ScopedQuery } from '@kyodo/subgraph-kit';
import type { SpacesContext } from './context.js';
import { integrationTokenLive, scopedSpacesQueryAllowed } from './domain/integration-tokens.js';
import { IntegrationToken } from './entities/integration-token.entity.js';
import { spacesRefusals } from './refusals/refusals.js';

/**
 * C6 in spaces, for every query of an integration token (mutations are refused before this):
 * the token must still be live here (revocation takes effect at once: cards asks spaces for the
 * acting user's groups on every request with the same token), its acting user still a member
 * of the tenant, and the query no wider than scopedSpacesQueryAllowed.
 */
export async function admitScopedSpacesQuery(ctx: SpacesContext, query: ScopedQuery): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!isScoped(viewer) || !viewer.tokenId) return false;
  const row = await ctx.dataSource.getRepository(IntegrationToken).findOneBy({ id: viewer.tokenId });
  if (!integrationTokenLive(row, viewer, ctx.clock.now())) {
    throw spacesRefusals.refuse('integrationTokenRevoked');
  }
  const user = await ctx.loaders.userById.load(viewer.userId);
  if (!user || user.tenantId !== viewer.tenantId || user.kind !== 'MEMBER' || user.removedAt) {
    throw spacesRefusals.refuse('integrationTokenUserGone');
  }
  return scopedSpacesQueryAllowed(query.document, query.operation);
}
