import { isVendorAdmin } from '@kyodo/auth';
import { ownedBySpaces, ownedRowsOf, type OwnedIdsSpec, type OwnerLookup } from '@kyodo/subgraph-kit';

/** Vendor operators serve every tenant (the back office); anyone else names only their own tenant. */
const tenantOfCaller: OwnerLookup = (ids, ctx) => Promise.resolve(isVendorAdmin(ctx.viewer) ? ids : ids.filter((id) => id === ctx.viewer?.tenantId));

const ownInvoices = ownedRowsOf('invoices');
/** Q1: vendor operators reach every tenant's invoices; anyone else their own tenant's only. */
const invoiceOfCaller: OwnerLookup = (ids, ctx) => (isVendorAdmin(ctx.viewer) ? Promise.resolve(ids) : ownInvoices(ids, ctx));

/** T1: what each id licensing's mutations take names, and how it is proven the caller's (see subgraph-kit owned-ids.ts). */
export const licensingOwnedIds: OwnedIdsSpec = {
  ids: {
    'GuestLicenseAssignmentInput.userId': { kind: 'User' },
    'Mutation.createBaseContract.tenantId': { notTenantScoped: 'a vendor operator names the new tenant spaces is creating (T4); the resolver admits VENDOR_ADMIN only' },
    'Mutation.confirmBaseContract.tenantId': { notTenantScoped: 'a vendor operator (through spaces, once onboarding committed) confirms the new tenant exists (issue 18 #6); the resolver admits VENDOR_ADMIN only' },
    'ServiceContractInput.tenantId': { kind: 'Tenant' },
    'GrantDigitisationPackInput.tenantId': { kind: 'Tenant' },
    'Mutation.updatePriceRow.id': { notTenantScoped: "price rows are the vendor's price book, the same for every tenant (vendor operators only)" },
    'CreditNoteInput.invoiceId': { kind: 'Invoice' },
    'Mutation.setInvoiceRecipientName.tenantId': { kind: 'Tenant' },
    'Mutation.deletePriceRow.id': { notTenantScoped: "price rows are the vendor's price book, the same for every tenant (vendor operators only)" },
  },
  owners: {
    User: ownedBySpaces('User'),
    Tenant: tenantOfCaller,
    Invoice: invoiceOfCaller,
  },
  names: {
    User: { ja: 'ユーザー', en: 'user' },
    Tenant: { ja: 'テナント', en: 'tenant' },
    Invoice: { ja: '請求書', en: 'invoice' },
  },
};
