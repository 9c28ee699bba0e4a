import { DEMO } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { BillingCycle, Contract, Course } from './entities/contract.entity.js';

/** The demo tenant is on a Standard, monthly base contract. */
export async function seedLicensingDemo(dataSource: DataSource): Promise<void> {
  const contracts = dataSource.getRepository(Contract);
  if (await contracts.existsBy({ tenantId: DEMO.tenant.id })) return;
  await contracts.insert({
    id: '00000000-0000-4000-8000-000000000101',
    tenantId: DEMO.tenant.id,
    course: Course.STANDARD,
    billingCycle: BillingCycle.MONTHLY,
    startsOn: '2026-04-01',
  });
}
