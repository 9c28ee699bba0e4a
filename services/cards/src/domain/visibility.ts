import type { Viewer } from '@kyodo/auth';

/** What C3 needs to know about a card. */
export interface CardAccess {
  tenantId: string;
  /** The groups the card is limited to; empty: the whole tenant sees it. */
  groupIds: readonly string[];
}

/** C3/S3/T1: guests see no cards; members see their tenant's cards, limited ones only from inside a named group. */
export function canSeeCard(viewer: Viewer | null, viewerGroupIds: ReadonlySet<string>, card: CardAccess): boolean {
  if (!viewer || viewer.kind !== 'MEMBER') return false;
  if (card.tenantId !== viewer.tenantId) return false;
  if (card.groupIds.length === 0) return true;
  return card.groupIds.some((id) => viewerGroupIds.has(id));
}

/** Whether the viewer reads cards at all (guests never do, C3/S3). */
export function readsCards(viewer: Viewer | null): viewer is Viewer {
  return !!viewer && viewer.kind === 'MEMBER';
}

/**
 * C3: limiting a card to groups the author is in none of would hide it from its author at once;
 * refused, so nobody loses a card by a typo in a group id.
 */
export function limitKeepsAuthor(groupIds: readonly string[], viewerGroupIds: ReadonlySet<string>): boolean {
  return groupIds.length === 0 || groupIds.some((id) => viewerGroupIds.has(id));
}
