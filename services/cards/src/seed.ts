import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { checkCardFields, searchTextOf } from './domain/card-fields.js';
import { Card } from './entities/card.entity.js';

/** Two cards the demo admin exchanged, so the demo has something to show; running it twice changes nothing. */
export async function seedCardsDemo(dataSource: DataSource): Promise<void> {
  const cards = dataSource.getRepository(Card);
  const seeded = [
    { id: '00000000-0000-4000-8000-000000000201', name: '山田 太郎', nameReading: 'ヤマダ タロウ', company: '株式会社サンプル', email: 'taro.yamada@sample.example', language: 'ja' as const },
    { id: '00000000-0000-4000-8000-000000000202', name: 'Jane Smith', company: 'Example Ltd.', email: 'jane@example.org', language: 'en' as const },
  ];
  for (const { id, ...raw } of seeded) {
    if (await cards.existsBy({ id })) continue;
    const { fields } = checkCardFields(raw);
    await cards.insert({ id, ...fields, tenantId: DEMO.tenant.id, ownerId: DEMO.admin.id, personId: id, searchText: searchTextOf(fields) });
  }
}
