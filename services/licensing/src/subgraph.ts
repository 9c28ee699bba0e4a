import { AuditEntryRecord, createAuditRecordsResolver, ChangeFeedMarkEntity, defineSubgraph, JobLeaseEntity, startFeedCleanup, type FeedOutbox, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { BillingRunRecord } from './entities/billing-run.entity.js';
import { Contract } from './entities/contract.entity.js';
import { GuestLicenseAssignment } from './entities/guest-license-assignment.entity.js';
import { GuestLicenseOrder } from './entities/guest-license-order.entity.js';
import { Invoice, InvoiceLine, InvoiceNumberEntry, InvoiceRecipient } from './entities/invoice.entity.js';
import { invoiceFilesRoute } from './invoice-files.js';
import { configureInvoicing, invoiceEnvSchema, invoiceIssuerOf } from './invoice-settings.js';
import { QualifiedInvoiceResolver } from './resolvers/qualified-invoice.resolver.js';
import { PriceRow } from './entities/price-row.entity.js';
import { DigitisationChange } from './entities/digitisation-change.entity.js';
import { ContractChange } from './entities/contract-change.entity.js';
import { contractFeedRoute } from './contract-feed.js';
import { DigitisationPackOrder, ServiceContract } from './entities/service-contract.entity.js';
import { TenantRef } from './entities/tenant.type.js';
import { digitisationFeedRoute } from './digitisation-feed.js';
import { InvoiceIssuedChange } from './entities/invoice-issued-change.entity.js';
import { invoiceIssuedFeedRoute } from './invoice-issued-feed.js';
import { UserRef } from './entities/user.type.js';
import { createLicensingLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { licensingOwnedIds } from './owned-ids.js';
import { GuestLicenseResolver, InvoiceResolver } from './resolvers/guest-license.resolver.js';
import { PriceBookResolver } from './resolvers/price-book.resolver.js';
import { DigitisationPackResolver } from './resolvers/service-contract.resolver.js';
import { ContractResolver, ServiceContractResolver, TenantContractResolver } from './resolvers/tenant.resolver.js';
import { TerminationNoticeResolver } from './resolvers/termination-notice.resolver.js';
import { UserLicenseResolver } from './resolvers/user.resolver.js';
import { seedLicensingDemo } from './seed.js';
import { startBillingSchedule } from './billing-run.js';
import { BillingRunResolver, TenantInvoicesResolver } from './resolvers/billing.resolver.js';
import { ContractOperatorFieldsResolver, PastBillingRunResolver, TenantPackOrdersResolver } from './resolvers/operator-view.resolver.js';
import { BaseContractResolver } from './resolvers/base-contract.resolver.js';
import { BackOfficeResolver } from './resolvers/back-office.resolver.js';
import { MemberSeatResolver } from './resolvers/member-seat.resolver.js';
import { MemberSeatOrder } from './entities/member-seat-order.entity.js';
import { CourseOrder } from './entities/course-order.entity.js';
import { CourseOrderResolver } from './resolvers/course-order.resolver.js';

/** A1: the query spaces' auditLog merges licensing's entries through (a peer query). */
export const LICENSING_AUDIT_QUERY = 'licensingAuditRecords';

export const licensingEntities = [Contract, PriceRow, GuestLicenseOrder, GuestLicenseAssignment, Invoice, InvoiceLine, ServiceContract, DigitisationPackOrder, MemberSeatOrder, CourseOrder, AuditEntryRecord, JobLeaseEntity, ChangeFeedMarkEntity, DigitisationChange, InvoiceNumberEntry, InvoiceRecipient, InvoiceIssuedChange, ContractChange, BillingRunRecord];

/** The outboxes of the feeds licensing serves, keyed as their rows' current state is (change-feed-retention.ts). */
export const LICENSING_OUTBOXES: readonly FeedOutbox[] = [
  { table: 'digitisation_changes', keyColumns: ['tenantId'] },
  { table: 'contract_changes', keyColumns: ['tenantId'] },
  // an issued invoice is a fact, not a key's state: only the newest old row is kept
  { table: 'invoice_issued_changes', keyColumns: [] },
];

/** Price book, contracts, guest licences, orders, invoices and the card service contract. */
export const licensingSubgraph = defineSubgraph({
  name: 'licensing',
  resolvers: [
    TenantContractResolver,
    PastBillingRunResolver,
    ContractOperatorFieldsResolver,
    TenantPackOrdersResolver,
    ContractResolver,
    ServiceContractResolver,
    UserLicenseResolver,
    PriceBookResolver,
    GuestLicenseResolver,
    InvoiceResolver,
    DigitisationPackResolver,
    TerminationNoticeResolver,
    BillingRunResolver,
    TenantInvoicesResolver,
    BaseContractResolver,
    MemberSeatResolver,
    CourseOrderResolver,
    BackOfficeResolver,
    QualifiedInvoiceResolver,
    createAuditRecordsResolver(LICENSING_AUDIT_QUERY),
  ],
  orphanedTypes: [TenantRef, UserRef],
  ownedIds: licensingOwnedIds,
  entities: licensingEntities,
  migrations,
  createLoaders: createLicensingLoaders,
  seedDemo: seedLicensingDemo,
  // L15: cards keeps its copy of each tenant's digitisation allowance from this internal feed (no call per scan)
  // Q1: invoice PDFs behind signed, expiring links (the gateway forwards /invoice-files/ here)
  // Q1: spaces mails each issued invoice's administrators from this internal feed (invoice-mail-feed.ts there)
  // L8/S9: spaces keeps its copy of each tenant's access end from the contract feed
  routes: (runtime) => [digitisationFeedRoute(runtime), invoiceFilesRoute(runtime), invoiceIssuedFeedRoute(runtime), contractFeedRoute(runtime)],
  // Q1: the issuer every invoice this process writes names, from INVOICE_ISSUER_NAME / INVOICE_REGISTRATION_NUMBER
  prepare: (runtime) => {
    configureInvoicing(runtime.dataSource, { issuer: invoiceIssuerOf(runtime.deps.env), clock: runtime.clock });
    return Promise.resolve();
  },
  envSchema: invoiceEnvSchema,
  // and old, superseded outbox rows of the feeds licensing serves are deleted (change-feed-retention.ts)
  background: (runtime) => {
    const stopBilling = startBillingSchedule(runtime);
    const stopFeedCleanup = startFeedCleanup({ runtime, jobKey: 'licensing:feed-cleanup', outboxes: LICENSING_OUTBOXES });
    return async () => {
      await Promise.all([stopBilling(), stopFeedCleanup()]);
    };
  },
});

export const createLicensingSubgraph = (deps: SubgraphDeps) => licensingSubgraph.create(deps);
