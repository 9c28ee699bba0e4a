import { runSubgraphMain } from '@kyodo/subgraph-kit';
import { spacesSubgraph } from './subgraph.js';

await runSubgraphMain(spacesSubgraph, { signsTokens: true });
