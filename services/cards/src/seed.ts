import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { Card } from './entities/card.entity.js';

/** Two cards the demo admin exchanged, so the demo has something to show. */
export async function seedCardsDemo(dataSource: DataSource): Promise<void> {
  const cards = dataSource.getRepository(Card);
  const seeded = [
    { id: '00000000-0000-4000-8000-000000000201', name: '山田 太郎', company: '株式会社サンプル', email: 'taro.yamada@sample.example' },
    { id: '00000000-0000-4000-8000-000000000202', name: 'Jane Smith', company: 'Example Ltd.', email: 'jane@example.org' },
  ];
  for (const card of seeded) {
    if (await cards.existsBy({ id: card.id })) continue;
    await cards.insert({ ...card, tenantId: DEMO.tenant.id, ownerId: DEMO.admin.id });
  }
}
