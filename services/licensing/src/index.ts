export { licensingSubgraph, createLicensingSubgraph, licensingEntities } from './subgraph.js';
export { migrations as licensingMigrations } from './migrations/index.js';
