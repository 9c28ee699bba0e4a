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

export type BillingCycle =
  | 'ANNUAL'
  | 'MONTHLY';

export type CardExportPermissionInput = {
  allowed: boolean;
  userId: string | number;
};

/** The language a card is printed in (C1): Japanese, English or Chinese. */
export type CardLanguage =
  | 'EN'
  | 'JA'
  | 'ZH';

/** The front or the back of a card (C1). */
export type CardSide =
  | 'BACK'
  | 'FRONT';

/** C2: SCANNED (images taken), READ (OCR done), VERIFIED (an operator checked it). */
export type CardState =
  | 'READ'
  | 'SCANNED'
  | 'VERIFIED';

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

/** CANCELLED: the base contract ended; guest licences are cancelled and guest spaces unreadable (L8). */
export type ContractStatus =
  | 'ACTIVE'
  | 'CANCELLED';

/** The base product course; guest licences follow it (L2). */
export type Course =
  | 'LIGHT'
  | 'STANDARD';

/** A new card (C1); visibleToGroupIds limits it to those groups (C3), else the whole tenant sees it. */
export type CreateCardInput = {
  addresses?: Array<string> | null | undefined;
  company?: string | null | undefined;
  department?: string | null | undefined;
  email?: string | null | undefined;
  /** YYYY-MM-DD. */
  exchangedOn?: string | null | undefined;
  /** Default JA. */
  language?: CardLanguage | null | undefined;
  name: string;
  nameReading?: string | null | undefined;
  notes?: string | null | undefined;
  phones?: Array<string> | null | undefined;
  title?: string | null | undefined;
  url?: string | null | undefined;
  visibleToGroupIds?: Array<string | number> | null | undefined;
};

export type CreateGroupInput = {
  name: string;
};

export type CreateSpaceInput = {
  /** A guest space admits invited guests (S2). */
  isGuestSpace: boolean;
  /** Only members see a private space (S1). */
  isPrivate?: boolean | null | undefined;
  name: string;
};

export type CreateThreadInput = {
  body?: string | null | undefined;
  spaceId: string | number;
  title: string;
};

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

export type GroupMemberInput = {
  groupId: string | number;
  userId: string | number;
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

export type InviteGuestInput = {
  email: string;
  spaceId: string | number;
};

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

/** L15: buy digitisation packs (1,000 card sides each). */
export type OrderDigitisationPackInput = {
  /** The same key twice buys once. */
  idempotencyKey: string;
  /** L15: 1 to 100 packs at a time. */
  packs: number;
};

/** A guest licence order; the same idempotency key twice buys once. */
export type OrderGuestLicensesInput = {
  /** L7: an annual decrease for the renewal: costs nothing now, the count drops on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Chosen by the client (e.g. a UUID), 1-100 characters: a retry with the same key returns the first order. */
  idempotencyKey: string;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
  /** The change: a positive number adds guest licences, a negative one removes some; at most 10,000 either way, and at most 5,000 held after it (larger is BAD_USER_INPUT). */
  quantity: number;
  /** Who sells the guest licences: "ONLINE_STORE" or a reseller; defaults to the base contract's seller (L5). */
  seller?: string | null | undefined;
};

/** A guest licence change to price (L5-L7). */
export type QuoteGuestLicensesInput = {
  /** L7: an annual decrease for the renewal: costs nothing now, the count drops on the first day of the next term. Default false. */
  forRenewal?: boolean | null | undefined;
  /** Defaults to today in the tenant's time zone. */
  orderDate?: string | null | undefined;
  /** The change: a positive number adds guest licences, a negative one removes some; at most 10,000 either way, and at most 5,000 held after it (larger is BAD_USER_INPUT). */
  quantity: number;
  /** Who sells the guest licences: "ONLINE_STORE" or a reseller; defaults to the base contract's seller (L5). */
  seller?: string | null | undefined;
};

/** A scan of a card: 1 side (front) or 2 (front and back); each side counts against the quota (L15). */
export type RecordScanInput = {
  cardId: string | number;
  sides: number;
};

export type RemoveGuestInput = {
  spaceId: string | number;
  userId: string | number;
};

export type ReplyToTicketInput = {
  attachments?: Array<TicketAttachmentInput> | null | undefined;
  body: string;
  /** Agents only: a note the customer never sees. */
  internal?: boolean | null | undefined;
  ticketId: string | number;
};

/** An image of one side of a card (C1): JPEG or PNG, at most 700 KiB, base64 in one string. */
export type SetCardImageInput = {
  /** The image file, base64-encoded (at most 700 KiB of bytes). */
  base64: string;
  cardId: string | number;
  side: CardSide;
};

export type SetTicketStatusInput = {
  /** OPEN, PENDING or SOLVED; CLOSED comes by itself 7 days after SOLVED. */
  status: TicketStatus;
  ticketId: string | number;
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

export type UpdateProfileInput = {
  /** An https URL of the cover image; empty clears it. */
  coverImageUrl?: string | null | undefined;
  name?: string | null | undefined;
};

/** MEMBER: licensed, internal. GUEST: an outsider (T2). */
export type UserKind =
  | 'GUEST'
  | 'MEMBER';

export type CardsCreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CardsCreateGroupMutation = { createGroup: { id: string } };

export type CardsAddGroupMemberMutationVariables = Exact<{
  input: GroupMemberInput;
}>;


export type CardsAddGroupMemberMutation = { addGroupMember: { id: string } };

export type CardsRemoveGroupMemberMutationVariables = Exact<{
  input: GroupMemberInput;
}>;


export type CardsRemoveGroupMemberMutation = { removeGroupMember: { id: string } };

export type CardsCreateCardMutationVariables = Exact<{
  input: CreateCardInput;
}>;


export type CardsCreateCardMutation = { createCard: { id: string, name: string, visibleToGroupIds: Array<string>, owner: { id: string, name: string } } };

export type CardsListQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type CardsListQuery = { cards: { edges: Array<{ node: { id: string, name: string } }> } | null };

export type CardsCardQueryVariables = Exact<{
  id: string | number;
}>;


export type CardsCardQuery = { card: { id: string, name: string } | null };

export type CardsCardImageQueryVariables = Exact<{
  id: string | number;
}>;


export type CardsCardImageQuery = { card: { frontImage: { url: string } | null } | null };

export type CardsRecordScanMutationVariables = Exact<{
  input: RecordScanInput;
}>;


export type CardsRecordScanMutation = { recordScan: { id: string, state: CardState, scannedSides: number } };

export type CardsQuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type CardsQuotaQuery = { viewer: { tenant: { cardQuota: { included: number, purchased: number, used: number, remaining: number } | null } } | null };

export type CardsExportQueryVariables = Exact<{ [key: string]: never; }>;


export type CardsExportQuery = { exportCards: { cardCount: number, csv: string } };

export type CardsSetExportPermissionMutationVariables = Exact<{
  input: CardExportPermissionInput;
}>;


export type CardsSetExportPermissionMutation = { setCardExportPermission: boolean };

export type CardsOrderDigitisationPackMutationVariables = Exact<{
  input: OrderDigitisationPackInput;
}>;


export type CardsOrderDigitisationPackMutation = { orderDigitisationPack: { id: string, sides: number } };

export type CardsSetCardImageMutationVariables = Exact<{
  input: SetCardImageInput;
}>;


export type CardsSetCardImageMutation = { setCardImage: { frontImage: { url: string, contentType: string } | null } };

export type JourneyCreateSpaceMutationVariables = Exact<{
  input: CreateSpaceInput;
}>;


export type JourneyCreateSpaceMutation = { createSpace: { id: string } };

export type JourneyCreateThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type JourneyCreateThreadMutation = { createThread: { id: string } };

export type JourneyPostThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type JourneyPostThreadMutation = { createThread: { title: string, author: { name: string } | null } };

export type JourneyInviteGuestMutationVariables = Exact<{
  input: InviteGuestInput;
}>;


export type JourneyInviteGuestMutation = { inviteGuest: { email: string, expiresAt: string } };

export type JourneyAcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type JourneyAcceptInvitationMutation = { acceptInvitation: { token: string, user: { kind: UserKind, firstSignInAt: string | null } } };

export type JourneySignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type JourneySignInMutation = { signIn: { token: string } };

export type JourneySpacesQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneySpacesQuery = { spaces: Array<{ id: string, name: string, isGuestSpace: boolean }> | null };

export type JourneySpaceIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneySpaceIdsQuery = { spaces: Array<{ id: string }> | null };

export type JourneySpaceQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceQuery = { space: { id: string } | null };

export type JourneySpaceThreadsQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceThreadsQuery = { space: { threads: Array<{ title: string }> } | null };

export type JourneySpaceThreadAuthorsQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceThreadAuthorsQuery = { space: { threads: Array<{ title: string, author: { id: string } | null }> } | null };

export type JourneyUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type JourneyUpdateProfileMutation = { updateProfile: { name: string, coverImageUrl: string | null, canReceiveComments: boolean } };

export type JourneyViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneyViewerQuery = { viewer: { id: string } | null };

export type JourneyRemoveGuestMutationVariables = Exact<{
  input: RemoveGuestInput;
}>;


export type JourneyRemoveGuestMutation = { removeGuest: boolean };

export type LicensingSpaceQueryVariables = Exact<{
  id: string | number;
}>;


export type LicensingSpaceQuery = { space: { id: string, name: string } | null };

export type LicensingGuestLicenseQueryVariables = Exact<{ [key: string]: never; }>;


export type LicensingGuestLicenseQuery = { viewer: { id: string, guestLicense: { status: GuestLicenseStatus, trialEndsOn: string | null } | null } | null };

export type LicensingSpaceMembersQueryVariables = Exact<{
  id: string | number;
}>;


export type LicensingSpaceMembersQuery = { space: { members: Array<{ id: string, kind: UserKind, guestLicense: { status: GuestLicenseStatus, trialEndsOn: string | null } | null }> } | null };

export type LicensingQuoteGuestLicensesQueryVariables = Exact<{
  input: QuoteGuestLicensesInput;
}>;


export type LicensingQuoteGuestLicensesQuery = { quoteGuestLicenses: { months: number | null, unitPrice: number, subtotal: number, tax: number, total: number, effectiveFrom: string, endsOn: string | null } };

export type LicensingOrderGuestLicensesMutationVariables = Exact<{
  input: OrderGuestLicensesInput;
}>;


export type LicensingOrderGuestLicensesMutation = { orderGuestLicenses: { id: string, total: number } };

export type LicensingAssignGuestLicenseMutationVariables = Exact<{
  input: GuestLicenseAssignmentInput;
}>;


export type LicensingAssignGuestLicenseMutation = { assignGuestLicense: boolean };

export type LicensingTenantContractQueryVariables = Exact<{ [key: string]: never; }>;


export type LicensingTenantContractQuery = { viewer: { tenant: { storageQuotaBytes: number | null, contract: { course: Course, billingCycle: BillingCycle, endsOn: string | null, guestLicenses: number } | null } } | null };

export type LicensingCancelContractMutationVariables = Exact<{ [key: string]: never; }>;


export type LicensingCancelContractMutation = { cancelContract: { status: ContractStatus } };

export type LicensingSpaceNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type LicensingSpaceNamesQuery = { spaces: Array<{ name: string }> | null };

export type LicensingRunBillingMutationVariables = Exact<{
  period: string;
}>;


export type LicensingRunBillingMutation = { runBilling: { issuedCount: number } };

export type LicensingInvoiceSearchQueryVariables = Exact<{
  filter?: InvoiceSearchInput | null | undefined;
}>;


export type LicensingInvoiceSearchQuery = { invoiceSearch: { edges: Array<{ node: { number: string | null, issuedOn: string, total: number, recipientName: string | null, pdfUrl: string | null, issuer: { name: string, registrationNumber: string } | null, taxByRate: Array<{ rate: number, taxableAmount: number, tax: number }> } }> } | null };

export type SupportTicketFieldsFragment = { id: string, status: TicketStatus, channel: Channel, dueAt: string, isLate: boolean, firstResponseAt: string | null, solvedAt: string | null, closedAt: string | null, requester: { id: string }, submitter: { id: string }, replies: Array<{ body: string, internal: boolean, fromSupport: boolean, author: { id: string } | null }> };

export type SupportOpenTicketMutationVariables = Exact<{
  input: OpenTicketInput;
}>;


export type SupportOpenTicketMutation = { openTicket: { id: string, status: TicketStatus, channel: Channel, dueAt: string, isLate: boolean, firstResponseAt: string | null, solvedAt: string | null, closedAt: string | null, requester: { id: string }, submitter: { id: string }, replies: Array<{ body: string, internal: boolean, fromSupport: boolean, author: { id: string } | null }> } };

export type SupportReplyToTicketMutationVariables = Exact<{
  input: ReplyToTicketInput;
}>;


export type SupportReplyToTicketMutation = { replyToTicket: { id: string, status: TicketStatus, channel: Channel, dueAt: string, isLate: boolean, firstResponseAt: string | null, solvedAt: string | null, closedAt: string | null, requester: { id: string }, submitter: { id: string }, replies: Array<{ body: string, internal: boolean, fromSupport: boolean, author: { id: string } | null }> } };

export type SupportSetTicketStatusMutationVariables = Exact<{
  input: SetTicketStatusInput;
}>;


export type SupportSetTicketStatusMutation = { setTicketStatus: { id: string, status: TicketStatus, channel: Channel, dueAt: string, isLate: boolean, firstResponseAt: string | null, solvedAt: string | null, closedAt: string | null, requester: { id: string }, submitter: { id: string }, replies: Array<{ body: string, internal: boolean, fromSupport: boolean, author: { id: string } | null }> } };

export type SupportTicketQueryVariables = Exact<{
  id: string | number;
}>;


export type SupportTicketQuery = { ticket: { id: string, status: TicketStatus, channel: Channel, dueAt: string, isLate: boolean, firstResponseAt: string | null, solvedAt: string | null, closedAt: string | null, requester: { id: string, name: string }, submitter: { id: string }, replies: Array<{ body: string, internal: boolean, fromSupport: boolean, author: { id: string } | null }> } | null };

export type SupportAgentQueueQueryVariables = Exact<{
  lateOnly?: boolean | null | undefined;
}>;


export type SupportAgentQueueQuery = { supportQueue: { edges: Array<{ node: { id: string, isLate: boolean, dueAt: string } }>, pageInfo: { hasNextPage: boolean } } | null };

export type SupportBusinessDeadlineQueryVariables = Exact<{
  receivedAt: string;
}>;


export type SupportBusinessDeadlineQuery = { businessDeadline: string };

export const SupportTicketFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportTicketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"solvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"internal"}},{"kind":"Field","name":{"kind":"Name","value":"fromSupport"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SupportTicketFieldsFragment, unknown>;
export const CardsCreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsCreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CardsCreateGroupMutation, CardsCreateGroupMutationVariables>;
export const CardsAddGroupMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsAddGroupMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CardsAddGroupMemberMutation, CardsAddGroupMemberMutationVariables>;
export const CardsRemoveGroupMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsRemoveGroupMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CardsRemoveGroupMemberMutation, CardsRemoveGroupMemberMutationVariables>;
export const CardsCreateCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsCreateCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibleToGroupIds"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CardsCreateCardMutation, CardsCreateCardMutationVariables>;
export const CardsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CardsListQuery, CardsListQueryVariables>;
export const CardsCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardsCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"card"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CardsCardQuery, CardsCardQueryVariables>;
export const CardsCardImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardsCardImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"card"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frontImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<CardsCardImageQuery, CardsCardImageQueryVariables>;
export const CardsRecordScanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsRecordScan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordScanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordScan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"scannedSides"}}]}}]}}]} as unknown as DocumentNode<CardsRecordScanMutation, CardsRecordScanMutationVariables>;
export const CardsQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardsQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"included"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CardsQuotaQuery, CardsQuotaQueryVariables>;
export const CardsExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardsExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportCards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardCount"}},{"kind":"Field","name":{"kind":"Name","value":"csv"}}]}}]}}]} as unknown as DocumentNode<CardsExportQuery, CardsExportQueryVariables>;
export const CardsSetExportPermissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsSetExportPermission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CardExportPermissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCardExportPermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<CardsSetExportPermissionMutation, CardsSetExportPermissionMutationVariables>;
export const CardsOrderDigitisationPackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsOrderDigitisationPack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderDigitisationPackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderDigitisationPack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sides"}}]}}]}}]} as unknown as DocumentNode<CardsOrderDigitisationPackMutation, CardsOrderDigitisationPackMutationVariables>;
export const CardsSetCardImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CardsSetCardImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCardImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCardImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frontImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]}}]}}]} as unknown as DocumentNode<CardsSetCardImageMutation, CardsSetCardImageMutationVariables>;
export const JourneyCreateSpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyCreateSpace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSpaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSpace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyCreateSpaceMutation, JourneyCreateSpaceMutationVariables>;
export const JourneyCreateThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyCreateThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyCreateThreadMutation, JourneyCreateThreadMutationVariables>;
export const JourneyPostThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyPostThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<JourneyPostThreadMutation, JourneyPostThreadMutationVariables>;
export const JourneyInviteGuestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyInviteGuest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteGuestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteGuest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<JourneyInviteGuestMutation, JourneyInviteGuestMutationVariables>;
export const JourneyAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"firstSignInAt"}}]}}]}}]}}]} as unknown as DocumentNode<JourneyAcceptInvitationMutation, JourneyAcceptInvitationMutationVariables>;
export const JourneySignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneySignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<JourneySignInMutation, JourneySignInMutationVariables>;
export const JourneySpacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuestSpace"}}]}}]}}]} as unknown as DocumentNode<JourneySpacesQuery, JourneySpacesQueryVariables>;
export const JourneySpaceIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneySpaceIdsQuery, JourneySpaceIdsQueryVariables>;
export const JourneySpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneySpaceQuery, JourneySpaceQueryVariables>;
export const JourneySpaceThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<JourneySpaceThreadsQuery, JourneySpaceThreadsQueryVariables>;
export const JourneySpaceThreadAuthorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceThreadAuthors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JourneySpaceThreadAuthorsQuery, JourneySpaceThreadAuthorsQueryVariables>;
export const JourneyUpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyUpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"coverImageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"canReceiveComments"}}]}}]}}]} as unknown as DocumentNode<JourneyUpdateProfileMutation, JourneyUpdateProfileMutationVariables>;
export const JourneyViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneyViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyViewerQuery, JourneyViewerQueryVariables>;
export const JourneyRemoveGuestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyRemoveGuest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveGuestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGuest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<JourneyRemoveGuestMutation, JourneyRemoveGuestMutationVariables>;
export const LicensingSpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingSpace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LicensingSpaceQuery, LicensingSpaceQueryVariables>;
export const LicensingGuestLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingGuestLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsOn"}}]}}]}}]}}]} as unknown as DocumentNode<LicensingGuestLicenseQuery, LicensingGuestLicenseQueryVariables>;
export const LicensingSpaceMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingSpaceMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LicensingSpaceMembersQuery, LicensingSpaceMembersQueryVariables>;
export const LicensingQuoteGuestLicensesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingQuoteGuestLicenses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteGuestLicensesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quoteGuestLicenses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<LicensingQuoteGuestLicensesQuery, LicensingQuoteGuestLicensesQueryVariables>;
export const LicensingOrderGuestLicensesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LicensingOrderGuestLicenses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderGuestLicensesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderGuestLicenses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<LicensingOrderGuestLicensesMutation, LicensingOrderGuestLicensesMutationVariables>;
export const LicensingAssignGuestLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LicensingAssignGuestLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuestLicenseAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignGuestLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<LicensingAssignGuestLicenseMutation, LicensingAssignGuestLicenseMutationVariables>;
export const LicensingTenantContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingTenantContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"guestLicenses"}}]}},{"kind":"Field","name":{"kind":"Name","value":"storageQuotaBytes"}}]}}]}}]}}]} as unknown as DocumentNode<LicensingTenantContractQuery, LicensingTenantContractQueryVariables>;
export const LicensingCancelContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LicensingCancelContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<LicensingCancelContractMutation, LicensingCancelContractMutationVariables>;
export const LicensingSpaceNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingSpaceNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LicensingSpaceNamesQuery, LicensingSpaceNamesQueryVariables>;
export const LicensingRunBillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LicensingRunBilling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runBilling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuedCount"}}]}}]}}]} as unknown as DocumentNode<LicensingRunBillingMutation, LicensingRunBillingMutationVariables>;
export const LicensingInvoiceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LicensingInvoiceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InvoiceSearchInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxByRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"taxableAmount"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LicensingInvoiceSearchQuery, LicensingInvoiceSearchQueryVariables>;
export const SupportOpenTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupportOpenTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportTicketFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportTicketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"solvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"internal"}},{"kind":"Field","name":{"kind":"Name","value":"fromSupport"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SupportOpenTicketMutation, SupportOpenTicketMutationVariables>;
export const SupportReplyToTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupportReplyToTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyToTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportTicketFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportTicketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"solvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"internal"}},{"kind":"Field","name":{"kind":"Name","value":"fromSupport"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SupportReplyToTicketMutation, SupportReplyToTicketMutationVariables>;
export const SupportSetTicketStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SupportSetTicketStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTicketStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTicketStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportTicketFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportTicketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"solvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"internal"}},{"kind":"Field","name":{"kind":"Name","value":"fromSupport"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SupportSetTicketStatusMutation, SupportSetTicketStatusMutationVariables>;
export const SupportTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportTicketFields"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportTicketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"solvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submitter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"internal"}},{"kind":"Field","name":{"kind":"Name","value":"fromSupport"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SupportTicketQuery, SupportTicketQueryVariables>;
export const SupportAgentQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportAgentQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lateOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"lateOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lateOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isLate"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<SupportAgentQueueQuery, SupportAgentQueueQueryVariables>;
export const SupportBusinessDeadlineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportBusinessDeadline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"receivedAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessDeadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"receivedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"receivedAt"}}}]}]}}]} as unknown as DocumentNode<SupportBusinessDeadlineQuery, SupportBusinessDeadlineQueryVariables>;