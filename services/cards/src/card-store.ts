import { randomUUID } from 'node:crypto';
import { Brackets, type EntityManager } from 'typeorm';
import { searchTextOf, type CardFields } from './domain/card-fields.js';
import { CardGroup } from './entities/card-group.entity.js';
import { Card } from './entities/card.entity.js';

/**
 * Same person: a new card joins the person of an existing card of the tenant with the same
 * email, or the same name and company; else it is a person of its own.
 */
export async function personIdFor(manager: EntityManager, tenantId: string, fields: Pick<CardFields, 'name' | 'company' | 'email'>): Promise<string | null> {
  if (!fields.email && !fields.company) return null;
  const qb = manager
    .getRepository(Card)
    .createQueryBuilder('c')
    .select(['c.id', 'c.personId'])
    .where('c.tenantId = :tenantId', { tenantId })
    .andWhere(
      new Brackets((w) => {
        if (fields.email) w.orWhere('c.email = :email', { email: fields.email });
        if (fields.company) w.orWhere('(c.name = :name AND c.company = :company)', { name: fields.name, company: fields.company });
      }),
    )
    .orderBy('c.createdAt', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .limit(1);
  const match = await qb.getOne();
  return match ? (match.personId ?? match.id) : null;
}

export interface NewCard {
  tenantId: string;
  ownerId: string;
  fields: CardFields;
  groupIds: readonly string[];
  createdAt: Date;
  state?: Card['state'];
}

/** Inserts a card with its group limits and search text; the caller holds the transaction. */
export async function insertCard(manager: EntityManager, card: NewCard, personId?: string | null): Promise<string> {
  const id = randomUUID();
  const person = personId === undefined ? await personIdFor(manager, card.tenantId, card.fields) : personId;
  await manager.insert(Card, {
    id,
    tenantId: card.tenantId,
    ownerId: card.ownerId,
    ...card.fields,
    state: card.state ?? 'VERIFIED',
    groupLimited: card.groupIds.length > 0,
    personId: person ?? id,
    searchText: searchTextOf(card.fields),
    createdAt: card.createdAt,
  });
  if (card.groupIds.length > 0) await manager.insert(CardGroup, [...new Set(card.groupIds)].map((groupId) => ({ cardId: id, groupId })));
  return id;
}

export async function replaceCardGroups(manager: EntityManager, cardId: string, groupIds: readonly string[]): Promise<void> {
  await manager.delete(CardGroup, { cardId });
  if (groupIds.length > 0) await manager.insert(CardGroup, [...new Set(groupIds)].map((groupId) => ({ cardId, groupId })));
  await manager.update(Card, { id: cardId }, { groupLimited: groupIds.length > 0 });
}
