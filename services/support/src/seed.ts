import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { SupportRegistrant } from './entities/support-registrant.entity.js';

/** The demo admin is the demo tenant's support registrant (P1). */
export async function seedSupportDemo(dataSource: DataSource): Promise<void> {
  const registrants = dataSource.getRepository(SupportRegistrant);
  if (await registrants.existsBy({ userId: DEMO.admin.id })) return;
  await registrants.insert({ userId: DEMO.admin.id, tenantId: DEMO.tenant.id, registeredBy: DEMO.admin.id });
}
