import { cardsSubgraph } from '@kyodo/cards';
import { licensingSubgraph } from '@kyodo/licensing';
import { spacesSubgraph } from '@kyodo/spaces';
import type { SubgraphDefinition } from '@kyodo/subgraph-kit';
import { supportSubgraph } from '@kyodo/support';

/** Every subgraph behind the gateway: what `npm run compose` composes and the env names main.ts reads. */
export const subgraphDefinitions: readonly SubgraphDefinition[] = [spacesSubgraph, licensingSubgraph, cardsSubgraph, supportSubgraph];

/** The env variable that overrides each subgraph's URL. */
export const SUBGRAPH_URL_ENV: Readonly<Record<string, string>> = {
  spaces: 'SPACES_URL',
  licensing: 'LICENSING_URL',
  cards: 'CARDS_URL',
  support: 'SUPPORT_URL',
};
