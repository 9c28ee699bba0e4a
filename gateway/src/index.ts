export * from './compose.js';
export * from './gateway.js';
export * from './limits.js';
export * from './sandbox.js';
export * from './subgraphs.js';
export * from './supergraph-file.js';
export * from './supergraph-urls.js';
