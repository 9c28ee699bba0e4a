import { dialectOf, notFoundOf } from '@kyodo/subgraph-kit';
import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CardsContext } from './context.js';
import { containsPattern, normaliseForSearch } from './domain/card-fields.js';
import { canSeeCard, readsCards } from './domain/visibility.js';
import { Card } from './entities/card.entity.js';
import { viewerGroupIds } from './peers.js';
import { cardsOwnedIds } from './owned-ids.js';

/**
 * C3 as SQL, the same rule as domain `canSeeCard`: the viewer's tenant, and either not limited
 * or limited to a group the viewer is in. Every list, search and export starts here.
 */
export function visibleCardsQuery(manager: EntityManager, tenantId: string, groupIds: ReadonlySet<string>, alias = 'c'): SelectQueryBuilder<Card> {
  const qb = manager.getRepository(Card).createQueryBuilder(alias).where(`${alias}.tenantId = :tenantId`, { tenantId });
  if (groupIds.size === 0) return qb.andWhere(`${alias}.groupLimited = 0`);
  return qb.andWhere(
    new Brackets((w) =>
      w
        .where(`${alias}.groupLimited = 0`)
        .orWhere(`EXISTS (SELECT 1 FROM card_groups cg WHERE cg.cardId = ${alias}.id AND cg.groupId IN (:...viewerGroupIds))`, { viewerGroupIds: [...groupIds] }),
    ),
  );
}

/**
 * Search by name, reading, company or email: the term is normalised like the stored column and
 * matched with LIKE (%, _ escaped). On MariaDB the comparison is binary: both sides are already
 * folded, and utf8mb4_unicode_ci would otherwise also equate ハ/バ/パ, which SQLite does not.
 */
export function whereSearch(qb: SelectQueryBuilder<Card>, dataSource: DataSource, search: string, alias = 'c'): SelectQueryBuilder<Card> {
  const term = normaliseForSearch(search);
  if (!term) return qb;
  const column = dialectOf(dataSource) === 'sqlite' ? `${alias}.searchText` : `${alias}.searchText COLLATE utf8mb4_bin`;
  return qb.andWhere(`${column} LIKE :search ESCAPE '!'`, { search: containsPattern(term) });
}

/** The groups a card is limited to (batched). */
export async function cardGroupIds(ctx: CardsContext, card: Card): Promise<string[]> {
  if (!card.groupLimited) return [];
  return (await ctx.loaders.groupsByCard.load(card.id)).map((g) => g.groupId);
}

/** A card the viewer may see, or null: what does not exist and what is hidden look the same (C3). */
export async function findVisibleCard(ctx: CardsContext, id: string): Promise<Card | null> {
  if (!readsCards(ctx.viewer)) return null;
  const card = await ctx.loaders.cardById.load(id);
  if (!card) return null;
  const groups = await cardGroupIds(ctx, card);
  const viewerGroups = groups.length > 0 ? await viewerGroupIds(ctx) : new Set<string>();
  return canSeeCard(ctx.viewer, viewerGroups, { tenantId: card.tenantId, groupIds: groups }) ? card : null;
}

/** Like findVisibleCard, for changes: NOT_FOUND rather than FORBIDDEN, so existence does not leak (the kit's words for an unknown id). */
export async function requireVisibleCard(ctx: CardsContext, id: string): Promise<Card> {
  const card = await findVisibleCard(ctx, id);
  if (!card) throw notFoundOf(cardsOwnedIds, 'Card');
  return card;
}

/** The cards of a list the viewer may see, in order (groups batched, spaces asked at most once). */
export async function filterVisibleCards(ctx: CardsContext, cards: Card[]): Promise<Card[]> {
  if (!readsCards(ctx.viewer)) return [];
  const groups = await Promise.all(cards.map((card) => cardGroupIds(ctx, card)));
  const viewerGroups = groups.some((g) => g.length > 0) ? await viewerGroupIds(ctx) : new Set<string>();
  return cards.filter((card, i) => canSeeCard(ctx.viewer, viewerGroups, { tenantId: card.tenantId, groupIds: groups[i]! }));
}
