/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  name: string;
  /** The new password; for an existing guest, their current password. */
  password: string;
  /** The `token` query parameter of the link in the invitation mail. */
  token: string;
};

export type AddCommentInput = {
  text: string;
  threadId: string | number;
};

/** T5: a new member of the tenant; they set their password from the mail. */
export type AddMemberInput = {
  email: string;
  name: string;
};

/** T5: the base contract licensing makes for the new tenant. */
export type BaseContractTermsInput = {
  billingCycle: BillingCycle;
  course: Course;
  /** Paid member seats: 5 (T5) to 10,000 (larger is BAD_USER_INPUT). */
  memberSeats: number;
  /** Q1: the organisation's registered name its invoices are addressed to (e.g. "株式会社サンプル"); the tenant's name when omitted. Its administrators can change it later (setInvoiceRecipientName). */
  registeredName?: string | null | undefined;
  /** The first day of the contract (annual: the first term starts on the 1st on or after it, L16). */
  startsOn: string;
};

export type BillingCycle =
  | 'ANNUAL'
  | 'MONTHLY';

/** How a question reaches support (P2). FAX is not a support channel: it is listed only so that a request naming it gets a clear refusal. */
export type Channel =
  /** An e-mail from outside the form: needs the customer number and product ID (P3). */
  | 'EMAIL'
  /** Refused: FAX is not a support channel (P2). */
  | 'FAX'
  /** The built-in support form (the customer's own channel). */
  | 'ONLINE'
  /** A phone call, recorded by the agent on the customer's behalf. */
  | 'PHONE'
  /** A remote screen-sharing session, recorded by the agent. */
  | 'REMOTE';

/** P7/L13 (back office): a day the vendor is closed. */
export type ClosingDayInput = {
  day: number;
  month: number;
  reason: string;
  /** Only in this year; none: every year. */
  year?: number | null | undefined;
};

/** CANCELLED: the base contract ended; guest licences are cancelled and guest spaces unreadable (L8). */
export type ContractStatus =
  | 'ACTIVE'
  | 'CANCELLED';

/** The base product course; guest licences follow it (L2). */
export type Course =
  | 'LIGHT'
  | 'STANDARD';

/** T4: a new tenant, its first administrator and its base contract (vendor operators only). */
export type CreateTenantInput = {
  admin: TenantAdminInput;
  contract: BaseContractTermsInput;
  /** The language of its mail; JA by default. */
  locale?: Locale | null | undefined;
  /** The display name, e.g. "株式会社サンプル". */
  name: string;
  /** T4: 3-32 lower-case letters, digits and hyphens, starting with a letter; never used before, not reserved. */
  subdomain: string;
};

export type Deployment =
  | 'CLOUD'
  | 'ON_PREMISES';

/** P6: the environment the question is about; every field optional. */
export type EnvironmentInput = {
  documentRoot?: string | null | undefined;
  installFolder?: string | null | undefined;
  productVersion?: string | null | undefined;
  registeredUsers?: number | null | undefined;
  serverOs?: string | null | undefined;
  serverOsVersion?: string | null | undefined;
  webServer?: string | null | undefined;
  webServerVersion?: string | null | undefined;
};

/** L15: card sides a vendor operator records as bought for a tenant (a pack sold by sales). */
export type GrantDigitisationPackInput = {
  /** The same key twice records once. */
  idempotencyKey: string;
  /** L15: 1 to 100 packs at a time. */
  packs: number;
  tenantId: string | number;
};

export type GuestLicenseAssignmentInput = {
  /** The guest (a User id from spaces). */
  userId: string | number;
};

/** L3/L9: TRIAL (30 days from the first sign-in), LICENSED (a licence is assigned), TRIAL_EXPIRED (no access until one is), FREE (a linked guest). */
export type GuestLicenseStatus =
  | 'FREE'
  | 'LICENSED'
  | 'TRIAL'
  | 'TRIAL_EXPIRED';

/** S7: KINTONE (a guest may be in many guest spaces) or SINGLE_SPACE (exactly one at a time). */
export type GuestPolicy =
  | 'KINTONE'
  | 'SINGLE_SPACE';

/** Who may create guest spaces: every member, or administrators only. */
export type GuestSpaceCreators =
  | 'ADMINS'
  | 'MEMBERS';

/** Q1: INVOICE, or CREDIT_NOTE (a correction naming the invoice it reduces; negative amounts). */
export type InvoiceKind =
  | 'CREDIT_NOTE'
  | 'INVOICE';

/** Q1 (electronic-records search): every condition given must hold; none given finds all the caller may see. */
export type InvoiceSearchInput = {
  /** Issued on or after this day. */
  issuedFrom?: string | null | undefined;
  /** Issued on or before this day. */
  issuedTo?: string | null | undefined;
  /** Total (tax included) at most this many yen. */
  maxTotal?: number | null | undefined;
  /** Total (tax included) at least this many yen. */
  minTotal?: number | null | undefined;
  /** The counterparty: part of the recipient's registered name as issued. */
  recipientName?: string | null | undefined;
  /** The counterparty: one tenant (a tenant administrator sees only their own tenant whatever is given here). */
  tenantId?: string | number | null | undefined;
};

/** A language (I1): JA (Japanese, the default; English follows it in mail) or EN. A tenant's is its mail's and its people's default; a user's own overrides it. */
export type Locale =
  | 'EN'
  | 'JA';

/** S8: the tenant-wide format of invitation and account mail to guests. */
export type MailFormat =
  | 'HTML'
  | 'TEXT';

export type OpenTicketInput = {
  attachments?: Array<TicketAttachmentInput> | null | undefined;
  body: string;
  /** A code from supportCategories (P4). */
  category: string;
  channel: Channel;
  /** P3: the 6-digit number on the licence certificate; required for EMAIL. */
  customerNumber?: string | null | undefined;
  environment?: EnvironmentInput | null | undefined;
  priority?: TicketPriority | null | undefined;
  /** A product of the support catalogue (supportProducts). */
  productId: string | number;
  productVersion: string;
  /** Agents only: the customer's support registrant the ticket is for (a phone call...). */
  requesterId?: string | number | null | undefined;
  subject: string;
};

/** A course change order; the same idempotency key twice orders once. */
export type OrderCourseChangeInput = {
  /** The course wanted: STANDARD upgrades, LIGHT downgrades. */
  course: Course;
  /** T6: an annual downgrade for the renewal: costs nothing now, the course changes on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order. */
  idempotencyKey: string;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
};

/** A member seat order; the same idempotency key twice buys once. */
export type OrderMemberSeatsInput = {
  /** T6: an annual decrease for the renewal: costs nothing now, the seats drop on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order. */
  idempotencyKey: string;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
  /** The change: a positive number adds seats, a negative one removes some; at most 10,000 either way, and 5 to 10,000 seats held after it (T5; beyond is BAD_USER_INPUT). */
  quantity: number;
};

/** L1/T5: a new price row (yen, tax excluded). It applies from effectiveFrom (today or later), so it never changes what was already invoiced. */
export type PriceRowInput = {
  /** Yen, tax excluded: 0 to 5,000 on a MONTHLY row, 0 to 60,000 on any other (issue 18 bounds; larger is BAD_USER_INPUT). */
  amount: number;
  billingCycle?: BillingCycle | null | undefined;
  course?: Course | null | undefined;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  /** Only for customers who bought the base product on or before this date (a legacy price). */
  legacyCutoff?: string | null | undefined;
  /** GUEST_LICENSE, MEMBER_SEAT, CARD_DIGITISATION_PACK...: upper-case letters, digits and underscores. */
  product: string;
  /** What one amount buys: GUEST_MONTH, USER_YEAR, PACK_1000_SIDES... */
  unit: string;
};

/** A course change to price (T6). */
export type QuoteCourseChangeInput = {
  /** The course wanted: STANDARD upgrades, LIGHT downgrades. */
  course: Course;
  /** T6: an annual downgrade for the renewal: costs nothing now, the course changes on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
};

/** A member seat change to price (T5/T6). */
export type QuoteMemberSeatsInput = {
  /** T6: an annual decrease for the renewal: costs nothing now, the seats drop on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
  /** The change: a positive number adds seats, a negative one removes some; at most 10,000 either way, and 5 to 10,000 seats held after it (T5; beyond is BAD_USER_INPUT). */
  quantity: number;
};

/** L11-L13: a card service contract (SKYPCE) a vendor operator records for a tenant. */
export type ServiceContractInput = {
  /** L13: default day 1 of the second month after delivery. */
  billingStartsOn?: string | null | undefined;
  /** L13: default 8 business days after the papers (12 on-premises), on the vendor calendar. */
  deliveredOn?: string | null | undefined;
  deployment: Deployment;
  /** L15: card sides included, 0 to 100,000,000 (default: unchanged, or 0 on a new contract). */
  includedSides?: number | null | undefined;
  papersReceivedOn: string;
  product: ServiceProduct;
  /** Named-user licences: 5 (L12) to 10,000 (larger is BAD_USER_INPUT). */
  seats: number;
  tenantId: string | number;
};

/** L11: Start Pack (one department or team) or Corporate Licence (the whole organisation). */
export type ServiceProduct =
  | 'CORPORATE_LICENSE'
  | 'START_PACK';

export type SetPasswordInput = {
  /** The new password (at least 10 characters). */
  password: string;
  /** The `token` query parameter of the link in the set-password mail (T4). */
  token: string;
};

/** The app signing in: guests may not use the mobile app (S5). */
export type SignInClient =
  | 'MOBILE'
  | 'WEB';

export type SignInInput = {
  client?: SignInClient | null | undefined;
  email: string;
  /** The 6-digit one-time password, when the account uses a second factor (T3). */
  otp?: string | null | undefined;
  password: string;
  /** The tenant sub-domain, e.g. "demo". */
  tenant: string;
};

/** P5 (back office): a product of the support catalogue, added or renamed. */
export type SupportProductInput = {
  /** Lower-case letters, digits and hyphens (e.g. dezie): what tickets and licence certificates name. */
  id: string | number;
  name: string;
};

/** P5 (back office): a product version and its end of support, added or changed. */
export type SupportProductVersionInput = {
  /** The last day of support, 'YYYY-MM-DD' (Asia/Tokyo); null while none is announced. */
  endOfSupport?: string | null | undefined;
  productId: string | number;
  version: string;
};

/** T4: the new tenant's first administrator; they set their password from the mail. */
export type TenantAdminInput = {
  email: string;
  name: string;
};

/** A file by reference: a name and an http(s) URL where the support desk can fetch it. */
export type TicketAttachmentInput = {
  name: string;
  url: string;
};

export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** P8: NEW -> OPEN -> PENDING (waiting on the customer) -> SOLVED -> CLOSED (by itself 7 days after SOLVED). */
export type TicketStatus =
  | 'CLOSED'
  | 'NEW'
  | 'OPEN'
  | 'PENDING'
  | 'SOLVED';

/** MEMBER: licensed, internal. GUEST: an outsider (T2). */
export type UserKind =
  | 'GUEST'
  | 'MEMBER';

export type AdminMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminMembersQuery = { viewer: { id: string, tenant: { id: string, name: string, requireTotp: boolean, activeMemberCount: number | null, members: Array<{ id: string, name: string, email: string, isAdmin: boolean, isSupportRegistrant: boolean | null }> | null, contract: { course: Course, billingCycle: BillingCycle, status: ContractStatus, memberSeats: number, endsOn: string | null } | null } } | null, memberSeatOrders: Array<{ id: string, orderDate: string, quantity: number, seatsAfter: number, seatsFrom: string, total: number }> | null, courseOrders: Array<{ id: string, orderDate: string, course: Course, courseBefore: Course, courseFrom: string, total: number }> | null };

export type AdminAddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AdminAddMemberMutation = { addMember: { id: string, name: string, email: string } };

export type AdminRemoveMemberMutationVariables = Exact<{
  userId: string | number;
}>;


export type AdminRemoveMemberMutation = { removeMember: boolean };

export type AdminAddSupportRegistrantMutationVariables = Exact<{
  userId: string | number;
}>;


export type AdminAddSupportRegistrantMutation = { addSupportRegistrant: { id: string, isSupportRegistrant: boolean | null } };

export type AdminRemoveSupportRegistrantMutationVariables = Exact<{
  userId: string | number;
}>;


export type AdminRemoveSupportRegistrantMutation = { removeSupportRegistrant: boolean };

export type AdminQuoteMemberSeatsQueryVariables = Exact<{
  input: QuoteMemberSeatsInput;
}>;


export type AdminQuoteMemberSeatsQuery = { quoteMemberSeats: { quantity: number, seatsAfter: number, seatsFrom: string, effectiveFrom: string, months: number | null, unitPrice: number, subtotal: number, tax: number, total: number } };

export type AdminOrderMemberSeatsMutationVariables = Exact<{
  input: OrderMemberSeatsInput;
}>;


export type AdminOrderMemberSeatsMutation = { orderMemberSeats: { id: string, seatsAfter: number, seatsFrom: string, total: number } };

export type AdminQuoteCourseChangeQueryVariables = Exact<{
  input: QuoteCourseChangeInput;
}>;


export type AdminQuoteCourseChangeQuery = { quoteCourseChange: { course: Course, courseBefore: Course, courseFrom: string, effectiveFrom: string, months: number | null, seats: number, unitPrice: number, subtotal: number, tax: number, total: number } };

export type AdminOrderCourseChangeMutationVariables = Exact<{
  input: OrderCourseChangeInput;
}>;


export type AdminOrderCourseChangeMutation = { orderCourseChange: { id: string, course: Course, courseFrom: string, total: number } };

export type AdminAssignGuestLicenseMutationVariables = Exact<{
  input: GuestLicenseAssignmentInput;
}>;


export type AdminAssignGuestLicenseMutation = { assignGuestLicense: boolean };

export type AdminUnassignGuestLicenseMutationVariables = Exact<{
  input: GuestLicenseAssignmentInput;
}>;


export type AdminUnassignGuestLicenseMutation = { unassignGuestLicense: boolean };

export type AdminInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminInvoicesQuery = { invoices: Array<{ id: string, number: string | null, kind: InvoiceKind, issuedOn: string, subtotal: number, tax: number, total: number, recipientName: string | null, reason: string | null, correctsInvoice: { id: string, number: string | null } | null, issuer: { name: string, registrationNumber: string } | null, taxByRate: Array<{ rate: number, taxableAmount: number, tax: number }>, lines: Array<{ description: string, quantity: number, unitPrice: number, amount: number, periodFrom: string | null, periodTo: string | null, taxRatePercent: number }> }> | null };

export type InvoicePdfUrlQueryVariables = Exact<{
  filter: InvoiceSearchInput;
}>;


export type InvoicePdfUrlQuery = { invoiceSearch: { edges: Array<{ node: { id: string, pdfUrl: string | null } }> } | null };

export type VendorInvoiceSearchQueryVariables = Exact<{
  filter: InvoiceSearchInput;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VendorInvoiceSearchQuery = { invoiceSearch: { edges: Array<{ node: { id: string, number: string | null, kind: InvoiceKind, issuedOn: string, tenantId: string, recipientName: string | null, subtotal: number, tax: number, total: number } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type ConsoleAuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: string | null | undefined;
  tenantId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { auditLog: { edges: Array<{ node: { id: string, at: string, action: string, subject: string, tenantId: string | null, before: string | null, after: string | null, actor: { id: string, display: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type AdminSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminSettingsQuery = { viewer: { id: string, tenant: { id: string, name: string, subdomain: string, requireTotp: boolean, locale: Locale, mailFormat: MailFormat, guestPolicy: GuestPolicy, guestSpaceCreators: GuestSpaceCreators, invoiceRecipientName: string | null } } | null };

export type AdminSetInvoiceRecipientNameMutationVariables = Exact<{
  tenantId: string | number;
  name: string;
}>;


export type AdminSetInvoiceRecipientNameMutation = { setInvoiceRecipientName: string };

export type AdminSetRequireTotpMutationVariables = Exact<{
  required: boolean;
}>;


export type AdminSetRequireTotpMutation = { setTenantRequiresTotp: { id: string, requireTotp: boolean } };

export type OperatorCreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type OperatorCreateTenantMutation = { createTenant: { id: string, name: string, subdomain: string, contractStatus: ContractStatus | null } };

export type OperatorRunBillingMutationVariables = Exact<{
  period: string;
}>;


export type OperatorRunBillingMutation = { runBilling: { period: string, issuedCount: number, invoices: Array<{ id: string, issuedOn: string, total: number, lines: Array<{ description: string, amount: number }> }> } };

export type OperatorPriceBookQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type OperatorPriceBookQuery = { priceBook: Array<{ id: string, product: string, course: string | null, billingCycle: string | null, unit: string, amount: number, effectiveFrom: string, effectiveTo: string | null, legacyCutoff: string | null }> | null };

export type OperatorAddPriceRowMutationVariables = Exact<{
  input: PriceRowInput;
}>;


export type OperatorAddPriceRowMutation = { addPriceRow: { id: string, product: string, course: string | null, billingCycle: string | null, unit: string, amount: number, effectiveFrom: string, effectiveTo: string | null } };

export type OperatorCreateServiceContractMutationVariables = Exact<{
  input: ServiceContractInput;
}>;


export type OperatorCreateServiceContractMutation = { createServiceContract: { id: string, product: ServiceProduct, deployment: Deployment, seats: number, papersReceivedOn: string, deliveredOn: string, billingStartsOn: string } };

export type OperatorGrantDigitisationPackMutationVariables = Exact<{
  input: GrantDigitisationPackInput;
}>;


export type OperatorGrantDigitisationPackMutation = { grantDigitisationPack: { id: string, orderDate: string, packs: number, sides: number } };

export type OperatorCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type OperatorCatalogueQuery = { supportProducts: Array<{ id: string, name: string, versions: Array<{ version: string, supported: boolean, endOfSupport: string | null }> }> | null, closingDays: Array<{ id: string, year: number | null, month: number, day: number, reason: string }> | null };

export type OperatorSaveProductMutationVariables = Exact<{
  input: SupportProductInput;
}>;


export type OperatorSaveProductMutation = { saveSupportProduct: { id: string, name: string } };

export type OperatorSaveProductVersionMutationVariables = Exact<{
  input: SupportProductVersionInput;
}>;


export type OperatorSaveProductVersionMutation = { saveSupportProductVersion: { version: string, supported: boolean, endOfSupport: string | null } };

export type OperatorAddClosingDayMutationVariables = Exact<{
  input: ClosingDayInput;
}>;


export type OperatorAddClosingDayMutation = { addClosingDay: { id: string, year: number | null, month: number, day: number, reason: string } };

export type OperatorRemoveClosingDayMutationVariables = Exact<{
  id: string | number;
}>;


export type OperatorRemoveClosingDayMutation = { removeClosingDay: boolean };

export type AdminSetMemberAdminMutationVariables = Exact<{
  userId: string | number;
  isAdmin: boolean;
}>;


export type AdminSetMemberAdminMutation = { setMemberAdmin: { id: string, isAdmin: boolean } };

export type OperatorResendSetPasswordLinkMutationVariables = Exact<{
  tenant: string;
  email: string;
}>;


export type OperatorResendSetPasswordLinkMutation = { resendSetPasswordLink: boolean };

export type OperatorTenantsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OperatorTenantsQuery = { tenants: { edges: Array<{ node: { id: string, name: string, subdomain: string, onboardedAt: string | null, firstAdministratorEmail: string | null, contract: { course: Course, billingCycle: BillingCycle, status: ContractStatus, pending: boolean, memberSeats: number, memberSeatsOrdered: number, guestLicenses: number, startsOn: string, endsOn: string | null, cancelledOn: string | null, terminationNoticeOn: string | null } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type OperatorBillingRunsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OperatorBillingRunsQuery = { billingRuns: { edges: Array<{ node: { id: string, period: string, ranAt: string, via: string, issuedCount: number, issuedTotal: number, pendingTenants: Array<string> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type OperatorServiceContractsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type OperatorServiceContractsQuery = { tenants: { edges: Array<{ node: { id: string, name: string, subdomain: string, serviceContract: { id: string, product: ServiceProduct, deployment: Deployment, seats: number, papersReceivedOn: string, deliveredOn: string, billingStartsOn: string, terminationNoticeOn: string | null, cardDigitisation: { includedSides: number, purchasedSides: number } } | null, digitisationPackOrders: Array<{ id: string, orderDate: string, packs: number, sides: number }> | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null };

export type CommentAddedSubscriptionVariables = Exact<{
  threadId: string | number;
}>;


export type CommentAddedSubscription = { commentAdded: { id: string, body: string, text: string, threadId: string, createdAt: string, author: { id: string, name: string } | null } };

export type TicketUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TicketUpdatedSubscription = { ticketUpdated: { id: string, status: TicketStatus, subject: string, dueAt: string, isLate: boolean } };

export type SetPasswordMutationVariables = Exact<{
  input: SetPasswordInput;
}>;


export type SetPasswordMutation = { setPassword: { token: string, expiresAt: string, totpEnrollmentRequired: boolean, user: { id: string, name: string, kind: UserKind } } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { token: string, expiresAt: string, totpEnrollmentRequired: boolean, user: { id: string, name: string, kind: UserKind } } };

export type RefreshTokenMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshTokenMutation = { refreshToken: { token: string, expiresAt: string } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { token: string, expiresAt: string, totpEnrollmentRequired: boolean, user: { id: string, name: string, kind: UserKind, firstSignInAt: string | null } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, kind: UserKind, cardCount: number | null, isSupportRegistrant: boolean | null, tenant: { subdomain: string, contract: { course: Course, billingCycle: BillingCycle } | null } } | null };

export type EnableTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnableTotpMutation = { enableTotp: { secret: string, otpauthUri: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { confirmTotp: boolean };

export type WebHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebHomeQuery = { viewer: { id: string, name: string, kind: UserKind, isAdmin: boolean, isSupportRegistrant: boolean | null, locale: Locale | null, tenant: { name: string, subdomain: string } } | null };

export type SetMyLocaleMutationVariables = Exact<{
  locale?: Locale | null | undefined;
}>;


export type SetMyLocaleMutation = { setMyLocale: { token: string, expiresAt: string } };

export type MySpacesQueryVariables = Exact<{ [key: string]: never; }>;


export type MySpacesQuery = { spaces: Array<{ id: string, name: string, isGuestSpace: boolean }> | null };

export type SpaceThreadsQueryVariables = Exact<{
  id: string | number;
}>;


export type SpaceThreadsQuery = { space: { id: string, name: string, isGuestSpace: boolean, threads: Array<{ id: string, title: string, createdAt: string, author: { id: string, name: string } | null }> } | null };

export type ThreadCommentsQueryVariables = Exact<{
  spaceId: string | number;
}>;


export type ThreadCommentsQuery = { space: { id: string, name: string, threads: Array<{ id: string, title: string, body: string, author: { id: string, name: string } | null, comments: Array<{ id: string, text: string, createdAt: string, threadId: string, author: { id: string, name: string } | null }> }> } | null };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { addComment: { id: string, text: string, createdAt: string, threadId: string, author: { id: string, name: string } | null } };

export type CardListQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CardListQuery = { cards: { edges: Array<{ node: { id: string, name: string, nameReading: string | null, company: string | null, department: string | null, title: string | null, email: string | null } }> } | null, viewer: { id: string, tenant: { cardQuota: { included: number, purchased: number, used: number, remaining: number } | null } } | null };

export type MyTicketsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTicketsQuery = { myTickets: { edges: Array<{ node: { id: string, subject: string, status: TicketStatus, createdAt: string, dueAt: string, isLate: boolean } }> } | null };

export type TicketFormOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TicketFormOptionsQuery = { supportProducts: Array<{ id: string, name: string, versions: Array<{ version: string, supported: boolean }> }> | null, supportCategories: Array<{ code: string, label: string, labelJa: string, inScope: boolean }> | null };

export type PromisedAnswerTimeQueryVariables = Exact<{
  receivedAt: string;
}>;


export type PromisedAnswerTimeQuery = { businessDeadline: string };

export type OpenTicketMutationVariables = Exact<{
  input: OpenTicketInput;
}>;


export type OpenTicketMutation = { openTicket: { id: string, subject: string, status: TicketStatus, dueAt: string } };

export type SupportQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportQueueQuery = { supportQueue: { edges: Array<{ node: { id: string, subject: string, status: TicketStatus, priority: TicketPriority, dueAt: string, isLate: boolean, createdAt: string, requester: { id: string, name: string } } }> } | null };

export type LicenceOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type LicenceOverviewQuery = { viewer: { id: string, tenant: { name: string, contract: { course: Course, billingCycle: BillingCycle, status: ContractStatus, guestLicenses: number, guestLicensesAssigned: number, endsOn: string | null } | null } } | null, spaces: Array<{ id: string, isGuestSpace: boolean, members: Array<{ id: string, name: string, email: string, kind: UserKind, guestLicense: { status: GuestLicenseStatus, assigned: boolean, trialEndsOn: string | null } | null }> }> | null, invoices: Array<{ id: string, issuedOn: string, subtotal: number, tax: number, total: number }> | null };


export const AdminMembersDocument = {"__meta__":{"hash":"sha256:af9a679aecf02045047a5270e9c2a248f1ea71561f185e30d579f214db65a0a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"requireTotp"}},{"kind":"Field","name":{"kind":"Name","value":"activeMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isSupportRegistrant"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"memberSeats"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberSeatOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderDate"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"seatsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"seatsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"courseOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderDate"}},{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"courseBefore"}},{"kind":"Field","name":{"kind":"Name","value":"courseFrom"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AdminMembersQuery, AdminMembersQueryVariables>;
export const AdminAddMemberDocument = {"__meta__":{"hash":"sha256:7dce94e120bc582f197a99e23187d02645ca870ffb9b19b152c1f971afceabc5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AdminAddMemberMutation, AdminAddMemberMutationVariables>;
export const AdminRemoveMemberDocument = {"__meta__":{"hash":"sha256:21e398f7ec55935cc3eab17f3ed3750aab16be892ae9cab48f85460b987142cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<AdminRemoveMemberMutation, AdminRemoveMemberMutationVariables>;
export const AdminAddSupportRegistrantDocument = {"__meta__":{"hash":"sha256:5571a189338ff17823154e392aed1d138bf8eb55d911e055164f0e5cf2f13df6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAddSupportRegistrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSupportRegistrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isSupportRegistrant"}}]}}]}}]} as unknown as DocumentNode<AdminAddSupportRegistrantMutation, AdminAddSupportRegistrantMutationVariables>;
export const AdminRemoveSupportRegistrantDocument = {"__meta__":{"hash":"sha256:5bd8bd1e5c119d98bcb084779c4005258359d1e088990829eda1bf42b327c82f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRemoveSupportRegistrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSupportRegistrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<AdminRemoveSupportRegistrantMutation, AdminRemoveSupportRegistrantMutationVariables>;
export const AdminQuoteMemberSeatsDocument = {"__meta__":{"hash":"sha256:8e7dce007ab5326a0d05bf878e6e1acbee030d99e2f9c41095c7b769961ded3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminQuoteMemberSeats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteMemberSeatsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quoteMemberSeats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"seatsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"seatsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AdminQuoteMemberSeatsQuery, AdminQuoteMemberSeatsQueryVariables>;
export const AdminOrderMemberSeatsDocument = {"__meta__":{"hash":"sha256:d857b3ed1fb903b79e6d76b83008da6e3efe3e0530807faf277cc0e7798b50b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminOrderMemberSeats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderMemberSeatsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderMemberSeats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatsAfter"}},{"kind":"Field","name":{"kind":"Name","value":"seatsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AdminOrderMemberSeatsMutation, AdminOrderMemberSeatsMutationVariables>;
export const AdminQuoteCourseChangeDocument = {"__meta__":{"hash":"sha256:993401f37cc7bc4c389ddc7b240ef597aabf6f07f91a92f1a70ae6a22786f0ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminQuoteCourseChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteCourseChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quoteCourseChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"courseBefore"}},{"kind":"Field","name":{"kind":"Name","value":"courseFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AdminQuoteCourseChangeQuery, AdminQuoteCourseChangeQueryVariables>;
export const AdminOrderCourseChangeDocument = {"__meta__":{"hash":"sha256:e63b931c9b45a95824195f3e81081687a54be6d8a11e7186b00ae84bb54980d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminOrderCourseChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderCourseChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCourseChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"courseFrom"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AdminOrderCourseChangeMutation, AdminOrderCourseChangeMutationVariables>;
export const AdminAssignGuestLicenseDocument = {"__meta__":{"hash":"sha256:1d22b084594e6897356197f1dad6dce7da2a180431c28c7f651a35ad1a0c7969"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAssignGuestLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuestLicenseAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignGuestLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminAssignGuestLicenseMutation, AdminAssignGuestLicenseMutationVariables>;
export const AdminUnassignGuestLicenseDocument = {"__meta__":{"hash":"sha256:9a1832fef634ad72cb961659b844d82bbf1dc060c90989537e19a05ede893590"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUnassignGuestLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuestLicenseAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unassignGuestLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminUnassignGuestLicenseMutation, AdminUnassignGuestLicenseMutationVariables>;
export const AdminInvoicesDocument = {"__meta__":{"hash":"sha256:df0131834b0edef3115532b448242d9a1437ed048f3b877a372d1486764c4306"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"correctsInvoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxByRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"taxableAmount"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"periodFrom"}},{"kind":"Field","name":{"kind":"Name","value":"periodTo"}},{"kind":"Field","name":{"kind":"Name","value":"taxRatePercent"}}]}}]}}]}}]} as unknown as DocumentNode<AdminInvoicesQuery, AdminInvoicesQueryVariables>;
export const InvoicePdfUrlDocument = {"__meta__":{"hash":"sha256:704818f81a14013261aa0536da2777358ef7ca60bdea47a68a8012dbc792a9b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoicePdfUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvoiceSearchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvoicePdfUrlQuery, InvoicePdfUrlQueryVariables>;
export const VendorInvoiceSearchDocument = {"__meta__":{"hash":"sha256:8db97101d907f6e575c6b7c99f298e1e6a88cc92a05e6597cff493e0f7436971"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VendorInvoiceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvoiceSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<VendorInvoiceSearchQuery, VendorInvoiceSearchQueryVariables>;
export const ConsoleAuditLogDocument = {"__meta__":{"hash":"sha256:0a302efca02f9d3daa6f1085c29cea36ebf2ca83d977cbca0a577c520fa8b50a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const AdminSettingsDocument = {"__meta__":{"hash":"sha256:cc15b1e35d1fccfef7bc5cb31a6819ca309c9e104fc727d48173890d0987e28a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"requireTotp"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"mailFormat"}},{"kind":"Field","name":{"kind":"Name","value":"guestPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"guestSpaceCreators"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceRecipientName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminSettingsQuery, AdminSettingsQueryVariables>;
export const AdminSetInvoiceRecipientNameDocument = {"__meta__":{"hash":"sha256:7255dbbf364a0e7ba560e3a364046cec96be294bc1bff5f6bd3b91d085742cd3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetInvoiceRecipientName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setInvoiceRecipientName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}]}}]} as unknown as DocumentNode<AdminSetInvoiceRecipientNameMutation, AdminSetInvoiceRecipientNameMutationVariables>;
export const AdminSetRequireTotpDocument = {"__meta__":{"hash":"sha256:70151da6aee3a5754456f9c042a27f4fe37711c4ee222a522f286ec0a05ee604"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetRequireTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"required"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTenantRequiresTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"required"},"value":{"kind":"Variable","name":{"kind":"Name","value":"required"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requireTotp"}}]}}]}}]} as unknown as DocumentNode<AdminSetRequireTotpMutation, AdminSetRequireTotpMutationVariables>;
export const OperatorCreateTenantDocument = {"__meta__":{"hash":"sha256:f426ff28575609c8811a0a45fe51af93c787732febd17806935dcfc01464820d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorCreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"contractStatus"}}]}}]}}]} as unknown as DocumentNode<OperatorCreateTenantMutation, OperatorCreateTenantMutationVariables>;
export const OperatorRunBillingDocument = {"__meta__":{"hash":"sha256:8f47d41e60bfb280f3bacb804e9dd0f2491590caab9f8504a6cfa8f1bbcc0efe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorRunBilling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runBilling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"issuedCount"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperatorRunBillingMutation, OperatorRunBillingMutationVariables>;
export const OperatorPriceBookDocument = {"__meta__":{"hash":"sha256:2431192997c1dc07ef49e38bc7b57280e33797042dba0993809512789f37c9f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorPriceBook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}},{"kind":"Field","name":{"kind":"Name","value":"legacyCutoff"}}]}}]}}]} as unknown as DocumentNode<OperatorPriceBookQuery, OperatorPriceBookQueryVariables>;
export const OperatorAddPriceRowDocument = {"__meta__":{"hash":"sha256:5f40847aeba97fef6f7645a1afe22d1219b05067083faf0968ef07e1e408e3e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorAddPriceRow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PriceRowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPriceRow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}}]}}]}}]} as unknown as DocumentNode<OperatorAddPriceRowMutation, OperatorAddPriceRowMutationVariables>;
export const OperatorCreateServiceContractDocument = {"__meta__":{"hash":"sha256:b22346325c8da64ec41ee8eaf8ba529692b7b2d00050b7dae988c5549758b6ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorCreateServiceContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceContractInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServiceContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"deployment"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"papersReceivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredOn"}},{"kind":"Field","name":{"kind":"Name","value":"billingStartsOn"}}]}}]}}]} as unknown as DocumentNode<OperatorCreateServiceContractMutation, OperatorCreateServiceContractMutationVariables>;
export const OperatorGrantDigitisationPackDocument = {"__meta__":{"hash":"sha256:0f649503dffad164710a608531d061665f82b5b765224ca06fa80196f032d894"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorGrantDigitisationPack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantDigitisationPackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantDigitisationPack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderDate"}},{"kind":"Field","name":{"kind":"Name","value":"packs"}},{"kind":"Field","name":{"kind":"Name","value":"sides"}}]}}]}}]} as unknown as DocumentNode<OperatorGrantDigitisationPackMutation, OperatorGrantDigitisationPackMutationVariables>;
export const OperatorCatalogueDocument = {"__meta__":{"hash":"sha256:d7b1e736559dcefc174aa07e6e85709476b9085e55d2fa31b37fbd6d1da93e9b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"supported"}},{"kind":"Field","name":{"kind":"Name","value":"endOfSupport"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"closingDays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<OperatorCatalogueQuery, OperatorCatalogueQueryVariables>;
export const OperatorSaveProductDocument = {"__meta__":{"hash":"sha256:672e0bb1cbe0dd78694d4dc2b2bb2e7d2b5b1b53df99c35cd68160843b5bca8b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorSaveProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupportProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveSupportProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OperatorSaveProductMutation, OperatorSaveProductMutationVariables>;
export const OperatorSaveProductVersionDocument = {"__meta__":{"hash":"sha256:1bb045ff9b0c2ef60a853dc7caec9acf141459165a780d660279d0d5571ed71e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorSaveProductVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupportProductVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveSupportProductVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"supported"}},{"kind":"Field","name":{"kind":"Name","value":"endOfSupport"}}]}}]}}]} as unknown as DocumentNode<OperatorSaveProductVersionMutation, OperatorSaveProductVersionMutationVariables>;
export const OperatorAddClosingDayDocument = {"__meta__":{"hash":"sha256:5177aa8ee460b7ffbf93a93abdacd96b6923a78699a471afd0a0e5362e6e729d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorAddClosingDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClosingDayInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addClosingDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<OperatorAddClosingDayMutation, OperatorAddClosingDayMutationVariables>;
export const OperatorRemoveClosingDayDocument = {"__meta__":{"hash":"sha256:a416fa17de4ac97a350048ed10f89eff87c071ea841f70ec8084f94bd85b5706"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorRemoveClosingDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeClosingDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<OperatorRemoveClosingDayMutation, OperatorRemoveClosingDayMutationVariables>;
export const AdminSetMemberAdminDocument = {"__meta__":{"hash":"sha256:2298c747508aad19fc7750dde2bd107923ac67146aa87a1092265dbda143abf5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetMemberAdmin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isAdmin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMemberAdmin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"isAdmin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isAdmin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}}]}}]}}]} as unknown as DocumentNode<AdminSetMemberAdminMutation, AdminSetMemberAdminMutationVariables>;
export const OperatorResendSetPasswordLinkDocument = {"__meta__":{"hash":"sha256:d2a3247f23b31fb8abe776d7b3f3462425b629b20046995ddffef7b99ba2a942"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorResendSetPasswordLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendSetPasswordLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}]}}]} as unknown as DocumentNode<OperatorResendSetPasswordLinkMutation, OperatorResendSetPasswordLinkMutationVariables>;
export const OperatorTenantsDocument = {"__meta__":{"hash":"sha256:1c0d795f33a5ba489f1e5c9cb466c94e1ae3ac822e8e6a59b24e0bfa681c6055"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorTenants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"onboardedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstAdministratorEmail"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"memberSeats"}},{"kind":"Field","name":{"kind":"Name","value":"memberSeatsOrdered"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicenses"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledOn"}},{"kind":"Field","name":{"kind":"Name","value":"terminationNoticeOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<OperatorTenantsQuery, OperatorTenantsQueryVariables>;
export const OperatorBillingRunsDocument = {"__meta__":{"hash":"sha256:8d6d8d9aa56bd0863849bdbcae092022f6881b9e460abd2e4fb2c0d24f3b16dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorBillingRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"ranAt"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"issuedCount"}},{"kind":"Field","name":{"kind":"Name","value":"issuedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"pendingTenants"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<OperatorBillingRunsQuery, OperatorBillingRunsQueryVariables>;
export const OperatorServiceContractsDocument = {"__meta__":{"hash":"sha256:7ffb93fa509c586fdbab2f94884e0f467bb678d9b90d7d20dd9015c8cd03a80b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorServiceContracts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"40"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"serviceContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"deployment"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"papersReceivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredOn"}},{"kind":"Field","name":{"kind":"Name","value":"billingStartsOn"}},{"kind":"Field","name":{"kind":"Name","value":"terminationNoticeOn"}},{"kind":"Field","name":{"kind":"Name","value":"cardDigitisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"includedSides"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedSides"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"digitisationPackOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderDate"}},{"kind":"Field","name":{"kind":"Name","value":"packs"}},{"kind":"Field","name":{"kind":"Name","value":"sides"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<OperatorServiceContractsQuery, OperatorServiceContractsQueryVariables>;
export const CommentAddedDocument = {"__meta__":{"hash":"sha256:c14f4d60a07b2722b19c5c66082fcb0a3550e717f649f0fcf6f0c745a4e31da4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CommentAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commentAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"threadId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CommentAddedSubscription, CommentAddedSubscriptionVariables>;
export const TicketUpdatedDocument = {"__meta__":{"hash":"sha256:2ea883d1ee720682886f1f47449535fdadea586878fd5d1c57611fd0f548b411"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TicketUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}}]}}]}}]} as unknown as DocumentNode<TicketUpdatedSubscription, TicketUpdatedSubscriptionVariables>;
export const SetPasswordDocument = {"__meta__":{"hash":"sha256:aa23f94e0e38e849e1d3ef9eedc2a85570ac42509cb02584b9bde46b64238e87"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnrollmentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<SetPasswordMutation, SetPasswordMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:9252ecc1ea160498e6db7ed8fa4a09cde140eee95cda339ffce03ab8795f28e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnrollmentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const RefreshTokenDocument = {"__meta__":{"hash":"sha256:f7b3c0c38404d72139c216613b2bec6774e747d8822f876f09bb2c021ac08cb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:28679c5eac54820a8d7afdff1c48fc7d9d4e377f2e617e86b627d79a1a130361"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnrollmentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"firstSignInAt"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:bf408ca6319b535a8f5f76962013a42c16e71966768428ff1c05d44289d96c33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardCount"}},{"kind":"Field","name":{"kind":"Name","value":"isSupportRegistrant"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const EnableTotpDocument = {"__meta__":{"hash":"sha256:6a4d2c054fb89febd9f088e9e2f4dbb8ea96d141e70ac7aec93349d3f0529b55"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableTotp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableTotp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}}]}}]}}]} as unknown as DocumentNode<EnableTotpMutation, EnableTotpMutationVariables>;
export const ConfirmTotpDocument = {"__meta__":{"hash":"sha256:e7d28405089723136224c2bbcc4e2b4006168a2e664eed7629f72f208e4c66c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const WebHomeDocument = {"__meta__":{"hash":"sha256:9693c474bf1853f8087fa5605c2f7a2464e9346b333149107a8140afcf0b2b2a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isSupportRegistrant"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}}]}}]}}]}}]} as unknown as DocumentNode<WebHomeQuery, WebHomeQueryVariables>;
export const SetMyLocaleDocument = {"__meta__":{"hash":"sha256:2f149d48db8f6e564272e7876328d5b7ad660794fdfc24d13ea6b6ebcd7eb36f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMyLocale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMyLocale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SetMyLocaleMutation, SetMyLocaleMutationVariables>;
export const MySpacesDocument = {"__meta__":{"hash":"sha256:4da81764dc7cb01a891d535e7213c3b521d594e5130949ad317611249c9cf4b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySpaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuestSpace"}}]}}]}}]} as unknown as DocumentNode<MySpacesQuery, MySpacesQueryVariables>;
export const SpaceThreadsDocument = {"__meta__":{"hash":"sha256:86b968570ff24ecf17ceaf646aaa56fc99d924e12349f9732994d2cdf6833324"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpaceThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuestSpace"}},{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SpaceThreadsQuery, SpaceThreadsQueryVariables>;
export const ThreadCommentsDocument = {"__meta__":{"hash":"sha256:4a160b9ef6ea0e43ce11a180956e630123bbae7657066beb5a1dffd0edc4d9c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreadComments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"threadId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ThreadCommentsQuery, ThreadCommentsQueryVariables>;
export const AddCommentDocument = {"__meta__":{"hash":"sha256:b327ca9f1dc44543e722686a89439067f7c23341a912553d8bde3cf653da19bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"threadId"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AddCommentMutation, AddCommentMutationVariables>;
export const CardListDocument = {"__meta__":{"hash":"sha256:6a0e31b77a81aae8a02cadf2903d2f336985ff8b8f7a57565746c1dcfa48779b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameReading"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"included"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CardListQuery, CardListQueryVariables>;
export const MyTicketsDocument = {"__meta__":{"hash":"sha256:5e07f6dd9c823cfdf1401d80aad9101bae80c54c1f84e04485c64471da0f574d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTickets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTicketsQuery, MyTicketsQueryVariables>;
export const TicketFormOptionsDocument = {"__meta__":{"hash":"sha256:61d771876fac81c889c04cfc6d45a7187f92847cba8cf935d342ae2d9d582463"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketFormOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"supported"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelJa"}},{"kind":"Field","name":{"kind":"Name","value":"inScope"}}]}}]}}]} as unknown as DocumentNode<TicketFormOptionsQuery, TicketFormOptionsQueryVariables>;
export const PromisedAnswerTimeDocument = {"__meta__":{"hash":"sha256:df18c2aa4cd8b1c443ceeab44b5b51cc5126fa4cbefbf8329d14a33d72ed06f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PromisedAnswerTime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"receivedAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessDeadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"receivedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"receivedAt"}}}]}]}}]} as unknown as DocumentNode<PromisedAnswerTimeQuery, PromisedAnswerTimeQueryVariables>;
export const OpenTicketDocument = {"__meta__":{"hash":"sha256:4897fd255b0273a6df8dfc357a910bebbdc2cf696e0ddec9d1893878029f2022"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]} as unknown as DocumentNode<OpenTicketMutation, OpenTicketMutationVariables>;
export const SupportQueueDocument = {"__meta__":{"hash":"sha256:0e9a1ee51002cfe20e3e3ac1ce266f588b850d75c26cc095f568883e5ae14d2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SupportQueueQuery, SupportQueueQueryVariables>;
export const LicenceOverviewDocument = {"__meta__":{"hash":"sha256:a09b3884726b1489839df8f96bd3858db695d527f41dbe1a8d8fccb6da37dc9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicenceOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicenses"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicensesAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isGuestSpace"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<LicenceOverviewQuery, LicenceOverviewQueryVariables>;