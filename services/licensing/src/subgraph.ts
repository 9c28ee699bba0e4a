import { defineSubgraph, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { Contract } from './entities/contract.entity.js';
import { TenantRef } from './entities/tenant.type.js';
import { createLicensingLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { TenantContractResolver } from './resolvers/tenant.resolver.js';
import { seedLicensingDemo } from './seed.js';

export const licensingEntities = [Contract];

/** Price book, contracts, guest licences, orders and invoices. */
export const licensingSubgraph = defineSubgraph({
  name: 'licensing',
  defaultPort: 4002,
  resolvers: [TenantContractResolver],
  orphanedTypes: [TenantRef],
  entities: licensingEntities,
  migrations,
  createLoaders: createLicensingLoaders,
  seedDemo: seedLicensingDemo,
});

export const createLicensingSubgraph = (deps: SubgraphDeps) => licensingSubgraph.create(deps);
