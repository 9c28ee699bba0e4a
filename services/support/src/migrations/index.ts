import { CreateSupportRegistrants1763683200000 } from './1763683200000-CreateSupportRegistrants.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateSupportRegistrants1763683200000];
