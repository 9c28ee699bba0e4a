import type { Viewer } from '@kyodo/auth';
import { createBatchWave, createByIdLoader, createGroupLoader } from '@kyodo/subgraph-kit';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CardGroup } from './entities/card-group.entity.js';
import { Card } from './entities/card.entity.js';

/** Fresh for every request: nothing cached leaks between viewers, and every list is batched. */
export function createCardsLoaders(viewer: Viewer | null, dataSource: DataSource) {
  // one wave per request: the statement count depends on the query, not on which answer came first
  const wave = createBatchWave();
  const memos = new Map<string, Promise<unknown>>();
  return {
    /** One async computation per request (e.g. the viewer's groups, asked of spaces once). */
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let promise = memos.get(key) as Promise<T> | undefined;
      if (!promise) {
        promise = compute();
        memos.set(key, promise);
      }
      return promise;
    },
    /** Cards owned per user, counted in one grouped query for the whole list of users. */
    cardCountByOwner: new DataLoader<string, number>(async (ownerIds) => {
      if (!viewer) return ownerIds.map(() => 0);
      const rows: Array<{ ownerId: string; count: string | number }> = await wave.track(
        dataSource
          .getRepository(Card)
          .createQueryBuilder('card')
          .select('card.ownerId', 'ownerId')
          .addSelect('COUNT(*)', 'count')
          .where({ tenantId: viewer.tenantId, ownerId: In([...ownerIds]) })
          .groupBy('card.ownerId')
          .getRawMany(),
      );
      const counts = new Map(rows.map((r) => [r.ownerId, Number(r.count)]));
      return ownerIds.map((id) => counts.get(id) ?? 0);
    }, { batchScheduleFn: wave.schedule }),
    /** Raw rows by id, the viewer's tenant only; visibility (C3) is checked by the caller. */
    cardById: createByIdLoader(
      (ids) => (viewer ? dataSource.getRepository(Card).findBy({ id: In([...ids]), tenantId: viewer.tenantId }) : Promise.resolve([])),
      (c) => c.id,
      { wave },
    ),
    /** Every card of each person in the viewer's tenant, newest first (visibility is checked by the caller). */
    cardsByPerson: createGroupLoader(
      (ids) =>
        viewer
          ? dataSource.getRepository(Card).find({ where: { tenantId: viewer.tenantId, personId: In([...ids]) }, order: { createdAt: 'DESC', id: 'DESC' } })
          : Promise.resolve([]),
      (c) => c.personId ?? c.id,
      { wave },
    ),
    groupsByCard: createGroupLoader((ids) => dataSource.getRepository(CardGroup).findBy({ cardId: In([...ids]) }), (g) => g.cardId, { wave }),
  };
}

export type CardsLoaders = ReturnType<typeof createCardsLoaders>;
