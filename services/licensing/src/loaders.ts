import type { Viewer } from '@kyodo/auth';
import { createByIdLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { Contract } from './entities/contract.entity.js';

export function createLicensingLoaders(_viewer: Viewer | null, dataSource: DataSource) {
  return {
    contractByTenantId: createByIdLoader((ids) => dataSource.getRepository(Contract).findBy({ tenantId: In([...ids]) }), (c) => c.tenantId),
  };
}

export type LicensingLoaders = ReturnType<typeof createLicensingLoaders>;
