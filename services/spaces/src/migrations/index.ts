import { CreateTenantsAndUsers1763683200000 } from './1763683200000-CreateTenantsAndUsers.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateTenantsAndUsers1763683200000];
