import { CreateContracts1763683200000 } from './1763683200000-CreateContracts.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateContracts1763683200000];
