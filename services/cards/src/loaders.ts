import type { Viewer } from '@kyodo/auth';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Card } from './entities/card.entity.js';

export function createCardsLoaders(viewer: Viewer | null, dataSource: DataSource) {
  return {
    /** Cards owned per user, counted in one grouped query for the whole list of users. */
    cardCountByOwner: new DataLoader<string, number>(async (ownerIds) => {
      if (!viewer) return ownerIds.map(() => 0);
      const rows: Array<{ ownerId: string; count: string | number }> = await dataSource
        .getRepository(Card)
        .createQueryBuilder('card')
        .select('card.ownerId', 'ownerId')
        .addSelect('COUNT(*)', 'count')
        .where({ tenantId: viewer.tenantId, ownerId: In([...ownerIds]) })
        .groupBy('card.ownerId')
        .getRawMany();
      const counts = new Map(rows.map((r) => [r.ownerId, Number(r.count)]));
      return ownerIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type CardsLoaders = ReturnType<typeof createCardsLoaders>;
