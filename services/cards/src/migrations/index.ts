import { CreateCards1763683200000 } from './1763683200000-CreateCards.js';
import { AddCardDetails1764028800000 } from './1764028800000-AddCardDetails.js';
import { CreateCardImports1764115200000 } from './1764115200000-CreateCardImports.js';
import { CreateCardExportGrants1764201600000 } from './1764201600000-CreateCardExportGrants.js';
import { AddCardImageSizes1764288000000 } from './1764288000000-AddCardImageSizes.js';
import { CreateJobLeases1764979200000 } from './1764979200000-CreateJobLeases.js';
import { CreatePeerCopies1765152000000 } from './1765152000000-CreatePeerCopies.js';
import { CreateCardsAudit1767300000004 } from './1767300000004-CreateCardsAudit.js';
import { AddCardImportLanguage1767400000000 } from './1767400000000-AddCardImportLanguage.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateCards1763683200000, AddCardDetails1764028800000, CreateCardImports1764115200000, CreateCardExportGrants1764201600000, AddCardImageSizes1764288000000, CreateJobLeases1764979200000, CreatePeerCopies1765152000000, CreateCardsAudit1767300000004, AddCardImportLanguage1767400000000];
