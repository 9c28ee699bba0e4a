import { runSubgraphMain } from '@kyodo/subgraph-kit';
import { licensingSubgraph } from './subgraph.js';

await runSubgraphMain(licensingSubgraph);
