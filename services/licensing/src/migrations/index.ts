import { CreateContracts1763683200000 } from './1763683200000-CreateContracts.js';
import { AddGuestLicensing1764028800000 } from './1764028800000-AddGuestLicensing.js';
import { CreateServiceContracts1764115200000 } from './1764115200000-CreateServiceContracts.js';
import { AddBaseContractNotices1764201600000 } from './1764201600000-AddBaseContractNotices.js';
import { AddRenewalInvoices1764288000000 } from './1764288000000-AddRenewalInvoices.js';
import { AddRecurringBilling1764460800000 } from './1764460800000-AddRecurringBilling.js';
import { CreateJobLeases1764979200000 } from './1764979200000-CreateJobLeases.js';
import { AddSeatOrdersAndAudit1765065600000 } from './1765065600000-AddSeatOrdersAndAudit.js';
import { CreateDigitisationChanges1765152000000 } from './1765152000000-CreateDigitisationChanges.js';
import { CreateCourseOrders1765238400000 } from './1765238400000-CreateCourseOrders.js';
import { CreateContractChanges1767300000001 } from './1767300000001-CreateContractChanges.js';
import { AddContractTenantConfirmed1768300000000 } from './1768300000000-AddContractTenantConfirmed.js';
import { AddQualifiedInvoices1769300000000 } from './1769300000000-AddQualifiedInvoices.js';
import { CreateInvoiceIssuedChanges1769400000000 } from './1769400000000-CreateInvoiceIssuedChanges.js';
import { CreateChangeFeedMarks1778300000000 } from './1778300000000-CreateChangeFeedMarks.js';
import { CreateBillingRuns1778500000000 } from './1778500000000-CreateBillingRuns.js';

/** Applied in this order; a new migration goes at the end. */
export const migrations = [CreateContracts1763683200000, AddGuestLicensing1764028800000, CreateServiceContracts1764115200000, AddBaseContractNotices1764201600000, AddRenewalInvoices1764288000000, AddRecurringBilling1764460800000, CreateJobLeases1764979200000, AddSeatOrdersAndAudit1765065600000, CreateDigitisationChanges1765152000000, CreateCourseOrders1765238400000, CreateContractChanges1767300000001, AddContractTenantConfirmed1768300000000, AddQualifiedInvoices1769300000000, CreateInvoiceIssuedChanges1769400000000, CreateChangeFeedMarks1778300000000, CreateBillingRuns1778500000000];
