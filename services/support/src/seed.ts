import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { SupportLicence } from './entities/support-licence.entity.js';
import { SupportRegistrant } from './entities/support-registrant.entity.js';

/** The demo customer's licence certificate: customer number 123456 for Dezie and Kyodo (P3). */
export const DEMO_LICENCE = { customerNumber: '123456', productIds: ['dezie', 'kyodo'] } as const;

/** The demo admin is the demo tenant's support registrant (P1), with a licence on record (P3). */
export async function seedSupportDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (!(await manager.existsBy(SupportRegistrant, { userId: DEMO.admin.id }))) {
      await manager.insert(SupportRegistrant, { userId: DEMO.admin.id, tenantId: DEMO.tenant.id, registeredBy: DEMO.admin.id });
    }
    for (const productId of DEMO_LICENCE.productIds) {
      if (await manager.existsBy(SupportLicence, { tenantId: DEMO.tenant.id, productId })) continue;
      await manager.insert(SupportLicence, { tenantId: DEMO.tenant.id, productId, customerNumber: DEMO_LICENCE.customerNumber });
    }
  });
}
