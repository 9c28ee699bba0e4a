import { CreateTenantsAndUsers1763683200000 } from './1763683200000-CreateTenantsAndUsers.js';
import { AddUserSupportAgent1763769600000 } from './1763769600000-AddUserSupportAgent.js';
import { CreateSpaces1763856000000 } from './1763856000000-CreateSpaces.js';
import { AddAccountLinks1763942400000 } from './1763942400000-AddAccountLinks.js';
import { CreateSpaceApps1764115200000 } from './1764115200000-CreateSpaceApps.js';
import { CreateIntegrationTokens1764201600000 } from './1764201600000-CreateIntegrationTokens.js';
import { WidenUserTotpSecret1764291600000 } from './1764291600000-WidenUserTotpSecret.js';
import { AddUserVendorAdmin1764460800000 } from './1764460800000-AddUserVendorAdmin.js';
import { AddOnboarding1764547200000 } from './1764547200000-AddOnboarding.js';
import { CreateSpacesAudit1765065600000 } from './1765065600000-CreateSpacesAudit.js';
import { CreateMembershipChanges1765152000000 } from './1765152000000-CreateMembershipChanges.js';
import { AddAccessVersions1766300000000 } from './1766300000000-AddAccessVersions.js';
import { AddContractCopy1767300000002 } from './1767300000002-AddContractCopy.js';
import { CreateJobLeases1767300000003 } from './1767300000003-CreateJobLeases.js';
import { CreateInvoiceMails1769400000001 } from './1769400000001-CreateInvoiceMails.js';
import { CreateChangeFeedMarks1778300000000 } from './1778300000000-CreateChangeFeedMarks.js';
import { AddUserLocale1778400000000 } from './1778400000000-AddUserLocale.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateTenantsAndUsers1763683200000, AddUserSupportAgent1763769600000, CreateSpaces1763856000000, AddAccountLinks1763942400000, CreateSpaceApps1764115200000, CreateIntegrationTokens1764201600000, WidenUserTotpSecret1764291600000, AddUserVendorAdmin1764460800000, AddOnboarding1764547200000, CreateSpacesAudit1765065600000, CreateMembershipChanges1765152000000, AddAccessVersions1766300000000, AddContractCopy1767300000002, CreateJobLeases1767300000003, CreateInvoiceMails1769400000001, CreateChangeFeedMarks1778300000000, AddUserLocale1778400000000];
