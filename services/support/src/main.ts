import { runSubgraphMain } from '@kyodo/subgraph-kit';
import { supportSubgraph } from './subgraph.js';

await runSubgraphMain(supportSubgraph);
