import type { RequestContext } from '@kyodo/subgraph-kit';
import type { CardsLoaders } from './loaders.js';

export type CardsContext = RequestContext<CardsLoaders>;
