import { subgraphMain } from '@kyodo/subgraph-kit/main-entry';

// the subgraph is imported after tracing starts, so its http, graphql and mysql2 are instrumented
await subgraphMain('support', async () => (await import('./subgraph.js')).supportSubgraph);
