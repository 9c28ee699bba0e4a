import { defineRefusals, type RefusalDefinition } from '@kyodo/subgraph-kit';
import { SPACES_REFUSALS_EN } from './refusals-en.js';
import { SPACES_REFUSALS_JA } from './refusals-ja.js';

/**
 * I1: every refusal of the spaces subgraph, by key: its code, the DOMAIN.md rule it enforces and
 * the input field it names. The texts are in refusals-ja.ts and refusals-en.ts; the kit's generic
 * ones (sign-in required, guests may not, administrators only) are the kit's `kitRefusals`.
 */
export const SPACES_REFUSAL_DEFINITIONS = {
  // sign-in and the account (T3, T5, S10)
  signInFieldsMissing: { code: 'BAD_USER_INPUT', rule: 'T3' },
  wrongCredentials: { code: 'UNAUTHENTICATED', rule: 'T3' },
  otpRequired: { code: 'UNAUTHENTICATED', rule: 'T3' },
  otpWrong: { code: 'UNAUTHENTICATED', rule: 'T3' },
  signInLocked: { code: 'TOO_MANY_REQUESTS', rule: 'T3' },
  signInBusy: { code: 'TOO_MANY_REQUESTS', rule: 'T3' },
  accountLocked: { code: 'TOO_MANY_REQUESTS', rule: 'T3' },
  guestMobileSignIn: { code: 'FORBIDDEN', rule: 'S5' },
  accountRemoved: { code: 'UNAUTHENTICATED', rule: 'T5' },
  accountGone: { code: 'UNAUTHENTICATED' },
  guestWithoutSpaces: { code: 'UNAUTHENTICATED', rule: 'S10' },
  totpAlreadyOn: { code: 'CONFLICT', rule: 'T3' },
  totpNotStarted: { code: 'BAD_USER_INPUT', rule: 'T3', field: 'code' },
  totpCodeWrong: { code: 'BAD_USER_INPUT', rule: 'T3', field: 'code' },
  passwordTooShort: { code: 'BAD_USER_INPUT', rule: 'T3', field: 'password' },
  passwordWeak: { code: 'BAD_USER_INPUT', rule: 'T3', field: 'password' },

  // text a person types
  emailInvalid: { code: 'BAD_USER_INPUT', field: 'email' },
  nameInvisibleCharacter: { code: 'BAD_USER_INPUT', field: 'name' },
  userNameLength: { code: 'BAD_USER_INPUT', field: 'name' },
  coverImageUrlInvalid: { code: 'BAD_USER_INPUT', field: 'coverImageUrl' },
  dateInvalid: { code: 'BAD_USER_INPUT' },
  userNotFound: { code: 'NOT_FOUND' },
  userGroupsForbidden: { code: 'FORBIDDEN', rule: 'C3' },

  // spaces (S1-S7, S10)
  spaceNotFound: { code: 'NOT_FOUND' },
  spaceNameRequired: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'name' },
  spaceNameTooLong: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'name' },
  spaceBodyTooLong: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'body' },
  spaceCreateGuest: { code: 'FORBIDDEN', rule: 'S5' },
  spaceCreateGuestSpaceAdminsOnly: { code: 'FORBIDDEN', rule: 'S2' },
  spaceGuestMayNotManageMembers: { code: 'FORBIDDEN', rule: 'S5' },
  spaceGuestMayNotAddApps: { code: 'FORBIDDEN', rule: 'S5' },
  spaceGuestMayNotRemoveApps: { code: 'FORBIDDEN', rule: 'S5' },
  spaceGuestMayNotChangeSettings: { code: 'FORBIDDEN', rule: 'S5' },
  spaceGuestMayNotEditBody: { code: 'FORBIDDEN', rule: 'S5' },
  spaceGuestMayNotDelete: { code: 'FORBIDDEN', rule: 'S5' },
  guestMayNotConfigureSecurity: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyManageMembers: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyAddApps: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyRemoveApps: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyChangeSettings: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyEditBody: { code: 'FORBIDDEN', rule: 'S5' },
  spaceAdminOnlyDelete: { code: 'FORBIDDEN', rule: 'S5' },
  spaceMemberGuestIntoInternalSpace: { code: 'BAD_USER_INPUT', rule: 'S2', field: 'userId' },
  spaceMemberGuestAsAdmin: { code: 'BAD_USER_INPUT', rule: 'S5', field: 'isSpaceAdmin' },
  spaceMemberNotFound: { code: 'NOT_FOUND', rule: 'S10' },
  spaceNotJoined: { code: 'BAD_USER_INPUT', rule: 'S10', field: 'id' },
  guestSingleSpace: { code: 'CONFLICT', rule: 'S7' },
  appNameLength: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'name' },
  appNotFound: { code: 'NOT_FOUND' },

  // threads and comments (S1, S5, S6)
  threadNotFound: { code: 'NOT_FOUND' },
  threadTitleRequired: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'title' },
  threadTitleTooLong: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'title' },
  threadBodyTooLong: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'body' },
  threadGuestAddNotAllowed: { code: 'FORBIDDEN', rule: 'S6' },
  threadGuestEditOthers: { code: 'FORBIDDEN', rule: 'S5' },
  threadGuestDeleteOthers: { code: 'FORBIDDEN', rule: 'S5' },
  threadGuestEditNotAllowed: { code: 'FORBIDDEN', rule: 'S6' },
  threadGuestDeleteNotAllowed: { code: 'FORBIDDEN', rule: 'S6' },
  threadAuthorOnlyEdit: { code: 'FORBIDDEN', rule: 'S5' },
  threadAuthorOnlyDelete: { code: 'FORBIDDEN', rule: 'S5' },
  commentNotFound: { code: 'NOT_FOUND' },
  commentEmpty: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'text' },
  commentTooLong: { code: 'BAD_USER_INPUT', rule: 'S1', field: 'text' },
  commentGuestAddNotAllowed: { code: 'FORBIDDEN', rule: 'S6' },
  commentGuestDeleteOthers: { code: 'FORBIDDEN', rule: 'S5' },
  commentGuestDeleteNotAllowed: { code: 'FORBIDDEN', rule: 'S6' },
  commentAuthorOnlyDelete: { code: 'FORBIDDEN', rule: 'S5' },

  // invitations and guests (S2, S4, S10, L10)
  invitationLinkInvalid: { code: 'BAD_USER_INPUT', rule: 'S4', field: 'token' },
  invitationLinkUsed: { code: 'BAD_USER_INPUT', rule: 'S4', field: 'token' },
  invitationExpired: { code: 'BAD_USER_INPUT', rule: 'S4', field: 'token' },
  invitationGuestPassword: { code: 'UNAUTHENTICATED', rule: 'S4' },
  invitationIntoInternalSpace: { code: 'BAD_USER_INPUT', rule: 'S2', field: 'spaceId' },
  invitationAddressIsMember: { code: 'CONFLICT', rule: 'T2' },
  invitationGuestAlreadyInSpace: { code: 'CONFLICT', rule: 'S4' },
  invitationAcceptAsMember: { code: 'CONFLICT', rule: 'T2' },
  invitationNameLength: { code: 'BAD_USER_INPUT', rule: 'S4', field: 'name' },
  guestNotInSpace: { code: 'NOT_FOUND', rule: 'S10' },
  guestAllowanceExceeded: { code: 'QUOTA_EXCEEDED', rule: 'L10' },

  // licences and contracts seen from spaces (L3, L8, S9)
  contractCancelled: { code: 'FORBIDDEN', rule: 'L8' },
  guestTrialEnded: { code: 'FORBIDDEN', rule: 'L3' },
  guestTrialEndedOn: { code: 'FORBIDDEN', rule: 'L3' },
  contractUncheckable: { code: 'SERVICE_UNAVAILABLE', rule: 'L8' },

  // account links (S9, L8)
  linkByGuest: { code: 'FORBIDDEN', rule: 'S9' },
  linkIntoOwnOrganisation: { code: 'FORBIDDEN', rule: 'S9' },
  linkEnded: { code: 'FORBIDDEN', rule: 'S9' },
  linkAccountNotFound: { code: 'NOT_FOUND', rule: 'S9' },
  linkAddressTaken: { code: 'CONFLICT', rule: 'S9' },
  linkedAccountNotFound: { code: 'NOT_FOUND', rule: 'S9' },
  switchTenantMembersOnly: { code: 'FORBIDDEN', rule: 'S9' },
  cancellationVendorOnly: { code: 'FORBIDDEN', rule: 'L8' },
  cancellationInPast: { code: 'BAD_USER_INPUT', rule: 'L8', field: 'cancelledAt' },
  tenantNotFound: { code: 'NOT_FOUND' },

  // members and administrators (T2, T5)
  memberNameLength: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'name' },
  memberAddressIsGuest: { code: 'CONFLICT', rule: 'T2' },
  memberAddressTaken: { code: 'CONFLICT', rule: 'T5' },
  memberSeatLimit: { code: 'QUOTA_EXCEEDED', rule: 'T5' },
  memberSeatLimitFrom: { code: 'QUOTA_EXCEEDED', rule: 'T5' },
  memberNotFound: { code: 'NOT_FOUND', rule: 'T5' },
  lastAdminRemoval: { code: 'CONFLICT', rule: 'T2' },
  lastAdminDemotion: { code: 'CONFLICT', rule: 'T2' },

  // groups (S2, S3, C3)
  groupsMembersOnly: { code: 'FORBIDDEN', rule: 'S3' },
  groupNameLength: { code: 'BAD_USER_INPUT', field: 'name' },
  groupNameTaken: { code: 'CONFLICT', field: 'name' },
  groupNotFound: { code: 'NOT_FOUND' },
  groupGuestMember: { code: 'BAD_USER_INPUT', rule: 'S2', field: 'userId' },

  // integration tokens (C6)
  integrationTokenNameLength: { code: 'BAD_USER_INPUT', rule: 'C6', field: 'name' },
  integrationTokenActsAsGuest: { code: 'BAD_USER_INPUT', rule: 'C3', field: 'actAsUserId' },
  integrationTokenNotFound: { code: 'NOT_FOUND', rule: 'C6' },
  integrationTokenRevoked: { code: 'UNAUTHENTICATED', rule: 'C6' },
  integrationTokenUserGone: { code: 'UNAUTHENTICATED', rule: 'T5' },

  // onboarding (T4, T5)
  tenantCreateVendorOnly: { code: 'FORBIDDEN', rule: 'T4' },
  tenantListVendorOnly: { code: 'FORBIDDEN', rule: 'T4' },
  tenantSearchTooLong: { code: 'BAD_USER_INPUT', field: 'search' },
  subdomainLength: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainCharacters: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainStart: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainTrailingHyphen: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainDoubleHyphen: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainReserved: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'subdomain' },
  subdomainTaken: { code: 'CONFLICT', rule: 'T4', field: 'subdomain' },
  organisationNameLength: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'name' },
  adminNameLength: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'admin.name' },
  adminEmailInvalid: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'admin.email' },
  memberSeatsTooMany: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'contract.memberSeats' },
  resendLinkVendorOnly: { code: 'FORBIDDEN', rule: 'T4' },
  tenantAdminNotFound: { code: 'NOT_FOUND', rule: 'T4' },
  adminPasswordAlreadySet: { code: 'CONFLICT', rule: 'T4' },
  setPasswordLinkInvalid: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'token' },
  setPasswordLinkUsed: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'token' },
  setPasswordLinkExpired: { code: 'BAD_USER_INPUT', rule: 'T4', field: 'token' },

  // mail (nothing is changed when it cannot be sent)
  mailUnavailable: { code: 'SERVICE_UNAVAILABLE' },
  mailUnavailableInvitation: { code: 'SERVICE_UNAVAILABLE', rule: 'S4' },
  mailUnavailableAccountCreated: { code: 'SERVICE_UNAVAILABLE', rule: 'S8' },
  mailUnavailableSetPassword: { code: 'SERVICE_UNAVAILABLE', rule: 'T4' },
  mailUnavailableInvoice: { code: 'SERVICE_UNAVAILABLE', rule: 'Q1' },
} as const satisfies Record<string, RefusalDefinition>;

export type SpacesRefusalKey = keyof typeof SPACES_REFUSAL_DEFINITIONS;

export const spacesRefusals = defineRefusals<SpacesRefusalKey>(SPACES_REFUSAL_DEFINITIONS, { ja: SPACES_REFUSALS_JA, en: SPACES_REFUSALS_EN });
