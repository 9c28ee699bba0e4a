import { CreateCards1763683200000 } from './1763683200000-CreateCards.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateCards1763683200000];
