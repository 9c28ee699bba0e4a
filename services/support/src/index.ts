export { supportSubgraph, createSupportSubgraph, supportEntities } from './subgraph.js';
export { migrations as supportMigrations } from './migrations/index.js';
