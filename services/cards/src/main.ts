import { runSubgraphMain } from '@kyodo/subgraph-kit';
import { cardsSubgraph } from './subgraph.js';

await runSubgraphMain(cardsSubgraph);
