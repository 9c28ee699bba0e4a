import { subgraphMain } from '@kyodo/subgraph-kit/main-entry';

// the subgraph is imported after tracing starts, so its http, graphql and mysql2 are instrumented
await subgraphMain('spaces', async () => (await import('./subgraph.js')).spacesSubgraph, { signsTokens: true });
