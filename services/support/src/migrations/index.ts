import { CreateSupportRegistrants1763683200000 } from './1763683200000-CreateSupportRegistrants.js';
import { CreateSupportDesk1763769600000 } from './1763769600000-CreateSupportDesk.js';
import { AddSupportReferenceData1763769600001 } from './1763769600001-AddSupportReferenceData.js';
import { CreateJobLeases1764979200000 } from './1764979200000-CreateJobLeases.js';
import { CreateSupportAudit1765065600000 } from './1765065600000-CreateSupportAudit.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateSupportRegistrants1763683200000, CreateSupportDesk1763769600000, AddSupportReferenceData1763769600001, CreateJobLeases1764979200000, CreateSupportAudit1765065600000];
