import type { Viewer } from '@kyodo/auth';
import { createByIdLoader } from '@kyodo/subgraph-kit';
import { In, type DataSource } from 'typeorm';
import { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';

export function createSpacesLoaders(_viewer: Viewer | null, dataSource: DataSource) {
  return {
    userById: createByIdLoader((ids) => dataSource.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
    tenantById: createByIdLoader((ids) => dataSource.getRepository(Tenant).findBy({ id: In([...ids]) }), (t) => t.id),
  };
}

export type SpacesLoaders = ReturnType<typeof createSpacesLoaders>;
