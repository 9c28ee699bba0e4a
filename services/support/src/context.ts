import type { RequestContext } from '@kyodo/subgraph-kit';
import type { SupportLoaders } from './loaders.js';

export type SupportContext = RequestContext<SupportLoaders>;
