import { defineSubgraph, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { SupportRegistrant } from './entities/support-registrant.entity.js';
import { UserRef } from './entities/user.type.js';
import { createSupportLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { UserSupportResolver } from './resolvers/user.resolver.js';
import { seedSupportDemo } from './seed.js';

export const supportEntities = [SupportRegistrant];

/** The vendor's support desk: registrants, tickets, the business-hours deadline. */
export const supportSubgraph = defineSubgraph({
  name: 'support',
  defaultPort: 4004,
  resolvers: [UserSupportResolver],
  orphanedTypes: [UserRef],
  entities: supportEntities,
  migrations,
  createLoaders: createSupportLoaders,
  seedDemo: seedSupportDemo,
});

export const createSupportSubgraph = (deps: SubgraphDeps) => supportSubgraph.create(deps);
