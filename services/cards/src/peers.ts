import { peerClientFor } from '@kyodo/subgraph-kit';
import type { CardsContext } from './context.js';

/** The peer documents, exported so tests send exactly these to their fakes of the peers. */
export const VIEWER_GROUPS = /* GraphQL */ `query CardsViewerGroups { viewer { groupIds } }`;

/**
 * C3: the groups the viewer belongs to, asked of spaces (which owns groups) with the viewer's
 * own token, once per request. Spaces unreachable: SERVICE_UNAVAILABLE, never "no groups"
 * guessed, so a limited card is never shown or hidden by accident.
 */
export function viewerGroupIds(ctx: CardsContext): Promise<ReadonlySet<string>> {
  return ctx.loaders.memo('viewerGroupIds', async () => {
    if (!ctx.viewer || ctx.viewer.kind !== 'MEMBER') return new Set<string>();
    const data = await peerClientFor(ctx).request<{ viewer: { groupIds: string[] } | null }>('spaces', VIEWER_GROUPS, {}, { token: ctx.token, purpose: 'find your groups' });
    return new Set(data.viewer?.groupIds ?? []);
  });
}

export const DIGITISATION = /* GraphQL */ `
  query CardsDigitisationQuota($r: [_Any!]!) {
    _entities(representations: $r) { ... on Tenant { cardDigitisation { includedSides purchasedSides } } }
  }
`;

export interface Digitisation {
  included: number;
  purchased: number;
}

/**
 * L15: the tenant's contracted card sides (included + packs bought), asked of licensing with the
 * viewer's token. Fails closed: licensing unreachable -> SERVICE_UNAVAILABLE, and no scan is counted.
 * A tenant licensing knows no card contract for has 0 sides.
 */
export function tenantDigitisation(ctx: CardsContext, tenantId: string): Promise<Digitisation> {
  return ctx.loaders.memo(`digitisation:${tenantId}`, async () => {
    const data = await peerClientFor(ctx).request<{ _entities: Array<{ cardDigitisation?: { includedSides: number; purchasedSides: number } | null } | null> }>(
      'licensing',
      DIGITISATION,
      { r: [{ __typename: 'Tenant', id: tenantId }] },
      { token: ctx.token, purpose: "check the tenant's card digitisation quota" },
    );
    const quota = data._entities?.[0]?.cardDigitisation;
    return { included: quota?.includedSides ?? 0, purchased: quota?.purchasedSides ?? 0 };
  });
}
