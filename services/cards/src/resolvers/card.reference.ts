import type { CardsContext } from '../context.js';
import type { Card } from '../entities/card.entity.js';
import { findVisibleCard } from '../card-access.js';

/** `_entities` for Card: the same rule as every other path (C3); hidden cards resolve to null. */
export function resolveCardReference(reference: { id: string }, ctx: CardsContext): Promise<Card | null> {
  return findVisibleCard(ctx, reference.id);
}
