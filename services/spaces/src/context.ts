import type { RequestContext } from '@kyodo/subgraph-kit';
import type { SpacesLoaders } from './loaders.js';

export type SpacesContext = RequestContext<SpacesLoaders>;
