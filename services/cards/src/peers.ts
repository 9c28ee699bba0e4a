import { peerClientFor } from '@kyodo/subgraph-kit';
import type { CardsContext } from './context.js';
import { copiedDigitisation, copiedGroupIds } from './peer-copies.js';

/** The peer documents, exported so tests send exactly these to their fakes of the peers. */
export const VIEWER_GROUPS = /* GraphQL */ `query CardsViewerGroups { viewer { groupIds } }`;

/**
 * C3: the groups the viewer belongs to, once per request: from cards' copy of spaces' memberships
 * while it is fresh (peer-copies.ts: at most CARDS_PEER_MAX_STALENESS_MS behind spaces), else asked
 * of spaces with the viewer's own token. Spaces unreachable with the copy cold or stale:
 * SERVICE_UNAVAILABLE, never "no groups" guessed, so a limited card is never shown or hidden by accident.
 */
export function viewerGroupIds(ctx: CardsContext): Promise<ReadonlySet<string>> {
  return ctx.loaders.memo('viewerGroupIds', async () => {
    if (!ctx.viewer || ctx.viewer.kind !== 'MEMBER') return new Set<string>();
    return (await copiedGroupIds(ctx, ctx.viewer.tenantId, ctx.viewer.userId)) ?? askSpacesForGroups(ctx);
  });
}

/**
 * The viewer's groups as spaces says now, once per request: for an integration token's request
 * (C6: spaces refuses a revoked token; the copy knows memberships, not revocations), and for the
 * rare write that limits a card to groups (C3: an administrator who has just joined a group may
 * limit a card to it at once, without waiting for the copy). Fails closed like the rest.
 */
export function viewerGroupIdsFromSpaces(ctx: CardsContext): Promise<ReadonlySet<string>> {
  return ctx.loaders.memo('viewerGroupIds:spaces', async () => {
    if (!ctx.viewer || ctx.viewer.kind !== 'MEMBER') return new Set<string>();
    return askSpacesForGroups(ctx);
  });
}

async function askSpacesForGroups(ctx: CardsContext): Promise<ReadonlySet<string>> {
  const data = await peerClientFor(ctx).request<{ viewer: { groupIds: string[] } | null }>('spaces', VIEWER_GROUPS, {}, { token: ctx.token, purpose: 'find your groups' });
  return new Set(data.viewer?.groupIds ?? []);
}

export const DIGITISATION = /* GraphQL */ `
  query CardsDigitisationQuota($r: [_Any!]!) {
    _entities(representations: $r) { ... on Tenant { cardDigitisation { includedSides purchasedSides } serviceContract { currentTerm { endsOn renews } } } }
  }
`;

export interface Digitisation {
  included: number;
  purchased: number;
  /** L14: the card service's last day once notice is given (from the copy, or licensing's term that does not renew); null: none. */
  endsOn: string | null;
}

/**
 * L15: the tenant's contracted card sides (included + packs bought): from cards' copy of licensing's
 * allowances while it is fresh (peer-copies.ts), else asked of licensing with the viewer's token.
 * Fails closed: licensing unreachable with the copy cold or stale -> SERVICE_UNAVAILABLE, and no
 * scan is counted. A tenant licensing knows no card contract for has 0 sides.
 */
export function tenantDigitisation(ctx: CardsContext, tenantId: string): Promise<Digitisation> {
  return ctx.loaders.memo(`digitisation:${tenantId}`, async () => {
    const copied = await copiedDigitisation(ctx, tenantId);
    if (copied) return copied;
    const data = await peerClientFor(ctx).request<{
      _entities: Array<{
        cardDigitisation?: { includedSides: number; purchasedSides: number } | null;
        serviceContract?: { currentTerm: { endsOn: string; renews: boolean } } | null;
      } | null>;
    }>(
      'licensing',
      DIGITISATION,
      { r: [{ __typename: 'Tenant', id: tenantId }] },
      { token: ctx.token, purpose: "check the tenant's card digitisation quota" },
    );
    const quota = data._entities?.[0]?.cardDigitisation;
    // L14: a term that does not renew is the last; the same day licensing's feed gives the copy
    const term = data._entities?.[0]?.serviceContract?.currentTerm;
    return { included: quota?.includedSides ?? 0, purchased: quota?.purchasedSides ?? 0, endsOn: term && !term.renews ? term.endsOn : null };
  });
}
