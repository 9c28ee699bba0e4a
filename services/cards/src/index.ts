export { cardsSubgraph, createCardsSubgraph, cardsEntities } from './subgraph.js';
export { migrations as cardsMigrations } from './migrations/index.js';
