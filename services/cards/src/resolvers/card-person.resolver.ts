import { randomUUID } from 'node:crypto';
import { requireMember } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, InputType, Field, Mutation, Resolver, Root } from 'type-graphql';
import { In, Not } from 'typeorm';
import { filterVisibleCards, requireVisibleCard } from '../card-access.js';
import type { CardsContext } from '../context.js';
import { Card } from '../entities/card.entity.js';
import { cardsRefusals } from '../refusals/refusals.js';
import { CardPerson } from '../types/card-person.type.js';

@InputType({ description: 'Cards to treat as one person; the first names the person the others join.' })
export class MergeCardsInput {
  @Field(() => [ID])
  cardIds: string[];
}

const MAX_MERGE = 50;

async function personOf(ctx: CardsContext, personId: string): Promise<CardPerson> {
  const cards = await filterVisibleCards(ctx, await ctx.loaders.cardsByPerson.load(personId));
  const [current, ...history] = cards;
  return { id: personId, current: current!, history };
}

@Resolver(() => Card)
export class CardPersonResolver {
  @FieldResolver(() => CardPerson, { description: 'Same person: this card with the other cards of the same person the viewer may see.' })
  async person(@Root() card: Card, @Ctx() ctx: CardsContext): Promise<CardPerson> {
    const person = await personOf(ctx, card.personId ?? card.id);
    // a card the viewer reached is always part of its person, even one from before grouping
    return person.current ? person : { id: card.personId ?? card.id, current: card, history: [] };
  }

  @Mutation(() => CardPerson, { description: 'Same person, by hand: the cards given become one person. Every card must be visible to the viewer (C3).' })
  async mergeCards(@Arg('input', () => MergeCardsInput) input: MergeCardsInput, @Ctx() ctx: CardsContext): Promise<CardPerson> {
    const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const ids = [...new Set(input.cardIds)];
    if (ids.length < 2 || ids.length > MAX_MERGE) throw cardsRefusals.refuse('mergeCardCount', { max: MAX_MERGE });
    const cards = await Promise.all(ids.map((id) => requireVisibleCard(ctx, id)));
    const personId = cards[0]!.personId ?? cards[0]!.id;
    await ctx.dataSource.transaction((manager) => manager.update(Card, { tenantId: viewer.tenantId, id: In(ids) }, { personId }));
    ctx.loaders.cardById.clearAll();
    ctx.loaders.cardsByPerson.clearAll();
    return personOf(ctx, personId);
  }

  @Mutation(() => Card, { description: 'Same person, undone: the card becomes a person of its own; the others stay together.' })
  async splitCard(@Arg('id', () => ID) id: string, @Ctx() ctx: CardsContext): Promise<Card> {
    const viewer = requireMember(ctx, () => cardsRefusals.refuse('guestsMayNotUseCards'));
    const card = await requireVisibleCard(ctx, id);
    const personId = card.personId ?? card.id;
    return ctx.dataSource.transaction(async (manager) => {
      const others = await manager.find(Card, { select: { id: true }, where: { tenantId: viewer.tenantId, personId, id: Not(card.id) }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (others.length === 0 && personId === card.id) return card;
      // the others keep one person; if it was named after this card, it takes a new id
      if (others.length > 0 && personId === card.id) {
        await manager.update(Card, { tenantId: viewer.tenantId, id: In(others.map((o) => o.id)) }, { personId: randomUUID() });
      }
      await manager.update(Card, { id: card.id, tenantId: viewer.tenantId }, { personId: card.id });
      return manager.findOneByOrFail(Card, { id: card.id });
    });
  }
}
