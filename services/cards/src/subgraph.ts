import { defineSubgraph, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { Card } from './entities/card.entity.js';
import { UserRef } from './entities/user.type.js';
import { createCardsLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { UserCardsResolver } from './resolvers/user.resolver.js';
import { seedCardsDemo } from './seed.js';

export const cardsEntities = [Card];

/** Business cards: scans, visibility by group, import and export. */
export const cardsSubgraph = defineSubgraph({
  name: 'cards',
  defaultPort: 4003,
  resolvers: [UserCardsResolver],
  orphanedTypes: [UserRef],
  entities: cardsEntities,
  migrations,
  createLoaders: createCardsLoaders,
  seedDemo: seedCardsDemo,
});

export const createCardsSubgraph = (deps: SubgraphDeps) => cardsSubgraph.create(deps);
