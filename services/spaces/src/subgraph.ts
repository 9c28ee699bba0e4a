import { defineSubgraph, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';
import { createSpacesLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { SignInResolver } from './resolvers/sign-in.resolver.js';
import { resolveTenantReference } from './resolvers/tenant.reference.js';
import { resolveUserReference } from './resolvers/user.reference.js';
import { UserResolver } from './resolvers/user.resolver.js';
import { seedSpacesDemo } from './seed.js';

export const spacesEntities = [Tenant, User];

/** Tenants, people, spaces and sign-in: the subgraph that owns identity. */
export const spacesSubgraph = defineSubgraph({
  name: 'spaces',
  defaultPort: 4001,
  resolvers: [UserResolver, SignInResolver],
  orphanedTypes: [Tenant, User],
  referenceResolvers: {
    User: { __resolveReference: resolveUserReference },
    Tenant: { __resolveReference: resolveTenantReference },
  },
  entities: spacesEntities,
  migrations,
  createLoaders: createSpacesLoaders,
  seedDemo: seedSpacesDemo,
});

export const createSpacesSubgraph = (deps: SubgraphDeps) => spacesSubgraph.create(deps);
