import { cursorDate, decodeCursor, encodeCursor, notFoundOf, pageSize, type RefusalOf, requireMember, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Brackets } from 'typeorm';
import { cardGroupIds, findVisibleCard, requireVisibleCard, visibleCardsQuery, whereSearch } from '../card-access.js';
import { insertCard, replaceCardGroups } from '../card-store.js';
import type { CardsContext } from '../context.js';
import { checkCardFields, searchTextOf, type RawCardFields } from '../domain/card-fields.js';
import { limitKeepsAuthor, readsCards } from '../domain/visibility.js';
import { Card } from '../entities/card.entity.js';
import { imageStoreFor } from '../image-store.js';
import { UserRef } from '../entities/user.type.js';
import { CreateCardInput, UpdateCardInput } from '../inputs/card.input.js';
import { viewerGroupIds, viewerGroupIdsFromSpaces } from '../peers.js';
import { fieldProblemsRefusal } from '../refusals/field-problems.js';
import { cardsRefusals, type CardsRefusalKey } from '../refusals/refusals.js';
import { CardConnection } from '../types/card-connection.type.js';
import { cardsOwnedIds } from '../owned-ids.js';

const MAX_GROUPS = 20;
const MAX_SEARCH = 200;

function rejectProblems(problems: readonly RefusalOf<CardsRefusalKey>[]): void {
  const refusal = fieldProblemsRefusal(problems);
  if (refusal) throw refusal;
}

/** C3: the groups named must keep the author inside, and be a sane list. */
async function checkedGroupIds(ctx: CardsContext, ids: readonly string[] | null | undefined): Promise<string[]> {
  const groupIds = [...new Set((ids ?? []).map((id) => id.trim()).filter(Boolean))];
  if (groupIds.length > MAX_GROUPS) throw cardsRefusals.refuse('tooManyGroups', { max: MAX_GROUPS });
  if (groupIds.length > 0 && !limitKeepsAuthor(groupIds, await viewerGroupIdsFromSpaces(ctx))) {
    throw cardsRefusals.refuse('groupsExcludeAuthor');
  }
  return groupIds;
}

@Resolver(() => Card)
export class CardResolver {
  @Query(() => CardConnection, {
    ...SURVIVES_OUTAGE,
    description: 'Cards the viewer may see (C3), newest first; `search` finds name, reading, company or email (kana and width folded). Guests get none.',
  })
  async cards(
    @Ctx() ctx: CardsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<CardConnection> {
    const size = pageSize(first);
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    if (!readsCards(ctx.viewer)) return empty;
    if (search && search.length > MAX_SEARCH) throw cardsRefusals.refuse('searchTooLong', { max: MAX_SEARCH });
    const manager = ctx.dataSource.manager;
    const qb = visibleCardsQuery(manager, ctx.viewer.tenantId, await viewerGroupIds(ctx));
    if (search) whereSearch(qb, ctx.dataSource, search);
    if (after) {
      const cursor = decodeCursor(after, ['createdAt', 'id']);
      const createdAtColumn = ctx.dataSource.getMetadata(Card).findColumnWithPropertyName('createdAt')!;
      const createdAt = ctx.dataSource.driver.preparePersistentValue(cursorDate(cursor.createdAt), createdAtColumn) as unknown;
      qb.andWhere(new Brackets((w) => w.where('c.createdAt < :createdAt', { createdAt }).orWhere('(c.createdAt = :createdAt AND c.id < :id)', { id: cursor.id })));
    }
    const rows = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').limit(size + 1).getMany();
    const page = rows.slice(0, size);
    for (const card of page) ctx.loaders.cardById.prime(card.id, card);
    const edges = page.map((node) => ({ node, cursor: encodeCursor({ createdAt: node.createdAt.toISOString(), id: node.id }) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => Card, { nullable: true, description: 'A card by id; null when it does not exist or the viewer may not see it (C3).' })
  async card(@Arg('id', () => ID) id: string, @Ctx() ctx: CardsContext): Promise<Card | null> {
    return findVisibleCard(ctx, id);
  }

  @Mutation(() => Card, { description: 'Adds a card the viewer exchanged (C1), visible to the tenant or to the named groups (C3). Members only.' })
  async createCard(@Arg('input', () => CreateCardInput) input: CreateCardInput, @Ctx() ctx: CardsContext): Promise<Card> {
    const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const { fields, problems } = checkCardFields(input as RawCardFields);
    rejectProblems(problems);
    const groupIds = await checkedGroupIds(ctx, input.visibleToGroupIds);
    return ctx.dataSource.transaction(async (manager) => {
      const id = await insertCard(manager, { tenantId: viewer.tenantId, ownerId: viewer.userId, fields, groupIds, createdAt: ctx.clock.now() });
      return manager.findOneByOrFail(Card, { id });
    });
  }

  @Mutation(() => Card, { description: 'Changes a card the viewer may see; a card outside the viewer\'s groups is NOT_FOUND (C3).' })
  async updateCard(@Arg('input', () => UpdateCardInput) input: UpdateCardInput, @Ctx() ctx: CardsContext): Promise<Card> {
    requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, input.id);
    const given = Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== 'id' && key !== 'visibleToGroupIds' && value !== undefined)) as RawCardFields;
    const { fields, problems } = checkCardFields({ ...card, ...given });
    rejectProblems(problems);
    const groupIds = input.visibleToGroupIds == null ? null : await checkedGroupIds(ctx, input.visibleToGroupIds);
    return ctx.dataSource.transaction(async (manager) => {
      const updated = await manager.update(Card, { id: card.id, tenantId: card.tenantId }, { ...fields, searchText: searchTextOf(fields) });
      if (!updated.affected) throw notFoundOf(cardsOwnedIds, 'Card');
      if (groupIds) await replaceCardGroups(manager, card.id, groupIds);
      return manager.findOneByOrFail(Card, { id: card.id });
    });
  }

  @Mutation(() => ID, { description: 'Deletes a card the viewer may see and returns its id; otherwise NOT_FOUND (C3).' })
  async deleteCard(@Arg('id', () => ID) id: string, @Ctx() ctx: CardsContext): Promise<string> {
    requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, id);
    const deletedId = await ctx.dataSource.transaction(async (manager) => {
      await manager.delete('card_groups', { cardId: card.id });
      const deleted = await manager.delete(Card, { id: card.id, tenantId: card.tenantId });
      if (!deleted.affected) throw notFoundOf(cardsOwnedIds, 'Card');
      return card.id;
    });
    // the images go once the card is gone; a leftover file is harmless, a dangling key is not
    const store = imageStoreFor(ctx.deps);
    for (const key of [card.frontImageKey, card.backImageKey]) if (key) await store.delete(key).catch(() => undefined);
    return deletedId;
  }

  @FieldResolver(() => UserRef, { description: 'Who exchanged the card.' })
  owner(@Root() card: Card): UserRef {
    return { id: card.ownerId };
  }

  @FieldResolver(() => [ID], { description: 'The groups the card is limited to; empty: the whole tenant sees it (C3).' })
  async visibleToGroupIds(@Root() card: Card, @Ctx() ctx: CardsContext): Promise<string[]> {
    return cardGroupIds(ctx, card);
  }
}
