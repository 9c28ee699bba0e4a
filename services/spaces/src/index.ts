export { spacesSubgraph, createSpacesSubgraph, spacesEntities } from './subgraph.js';
export { migrations as spacesMigrations } from './migrations/index.js';
export { DEMO_SPACES } from './seed.js';
