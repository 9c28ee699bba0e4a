import { defineRefusals, type RefusalDefinition } from '@kyodo/subgraph-kit';
import { SUPPORT_REFUSALS_EN } from './refusals-en.js';
import { SUPPORT_REFUSALS_JA } from './refusals-ja.js';

/**
 * The support subgraph's refusals (I1): code, DOMAIN.md rule and input field, once per key.
 * Texts: refusals-ja.ts and refusals-en.ts. The kit's generic ones (sign-in, pages, cursors, peers)
 * are the kit's, and so is "not found" for a ticket (`notFoundById`): a ticket the viewer may not
 * see must get the very answer the kit's owned-ids check gives for another tenant's id or none.
 */
export const SUPPORT_REFUSAL_DEFINITIONS = {
  // who may do what (P1, S3, T1)
  guestsMayNotFollowTickets: { code: 'FORBIDDEN', rule: 'S3' },
  guestsMayNotUseSupport: { code: 'FORBIDDEN', rule: 'S3' },
  guestsCannotContactSupport: { code: 'FORBIDDEN', rule: 'P1' },
  notARegistrant: { code: 'FORBIDDEN', rule: 'P1' },
  replyRegistrantsOnly: { code: 'FORBIDDEN', rule: 'P1' },
  onBehalfAgentsOnly: { code: 'FORBIDDEN', rule: 'P1', field: 'requesterId' },
  registrantsAdminOnly: { code: 'FORBIDDEN', rule: 'P1' },
  registrantOfAnotherTenant: { code: 'CONFLICT', rule: 'T1', field: 'userId' },
  registrantNotFound: { code: 'NOT_FOUND', rule: 'P1', field: 'userId' },
  queueAgentsOnly: { code: 'FORBIDDEN' },
  agentsOnly: { code: 'FORBIDDEN' },
  internalNotesAgentsOnly: { code: 'FORBIDDEN', field: 'internal' },
  licenceRecordForbidden: { code: 'FORBIDDEN', rule: 'P3' },
  recordLicenceAgentsOnly: { code: 'FORBIDDEN', rule: 'P3' },
  catalogueVendorOnly: { code: 'FORBIDDEN', rule: 'P5' },
  closingDaysVendorOnly: { code: 'FORBIDDEN', rule: 'P7' },

  // opening a ticket: who for, channel, category, product (P1-P5)
  requesterRequired: { code: 'BAD_USER_INPUT', rule: 'P1', field: 'requesterId' },
  requesterNotRegistrant: { code: 'BAD_USER_INPUT', rule: 'P1', field: 'requesterId' },
  faxNotAChannel: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
  phoneCallByAgent: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
  remoteSessionByAgent: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
  onlineFormIsCustomers: { code: 'BAD_USER_INPUT', rule: 'P2', field: 'channel' },
  unknownCategory: { code: 'BAD_USER_INPUT', rule: 'P4', field: 'category' },
  productUnknown: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'productId' },
  versionUnknown: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'productVersion' },
  supportEnded: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'productVersion' },
  customerNumberMissing: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },
  customerNumberInvalid: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },
  noLicenceOnRecord: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },
  customerNumberMismatch: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },
  productNotLicensed: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },

  // a message's text, attachments and environment (P6); `field` is sent with the refusal
  textEmpty: { code: 'BAD_USER_INPUT' },
  textTooLong: { code: 'BAD_USER_INPUT' },
  tooManyAttachments: { code: 'BAD_USER_INPUT', field: 'attachments' },
  attachmentName: { code: 'BAD_USER_INPUT', field: 'attachments' },
  attachmentUrlInvalid: { code: 'BAD_USER_INPUT', field: 'attachments' },
  attachmentUrlScheme: { code: 'BAD_USER_INPUT', field: 'attachments' },
  environmentTooLong: { code: 'BAD_USER_INPUT', rule: 'P6' },
  registeredUsersNegative: { code: 'BAD_USER_INPUT', rule: 'P6', field: 'environment.registeredUsers' },

  // a ticket's life (P8)
  statusUnchanged: { code: 'CONFLICT', rule: 'P8', field: 'status' },
  closedIsFinal: { code: 'CONFLICT', rule: 'P8', field: 'status' },
  neverBackToNew: { code: 'CONFLICT', rule: 'P8', field: 'status' },
  closesByItself: { code: 'CONFLICT', rule: 'P8', field: 'status' },
  transitionRefused: { code: 'CONFLICT', rule: 'P8', field: 'status' },
  closeByHand: { code: 'BAD_USER_INPUT', rule: 'P8', field: 'status' },
  closedNoReply: { code: 'CONFLICT', rule: 'P8' },
  closedNoAssign: { code: 'CONFLICT', rule: 'P8' },
  closedNoChange: { code: 'CONFLICT', rule: 'P8' },

  // the queue (P7)
  queueCursorOtherView: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'after' },

  // deadlines (P7)
  receivedAtInvalid: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'receivedAt' },
  receivedAtOutsideCalendar: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'receivedAt' },

  // licence certificates (P3)
  licenceCustomerNumberFormat: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'customerNumber' },
  licenceUnknownProducts: { code: 'BAD_USER_INPUT', rule: 'P3', field: 'productIds' },

  // the vendor's back office: catalogue (P5) and closing days (P7)
  backOfficeTextLength: { code: 'BAD_USER_INPUT' },
  productIdFormat: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'id' },
  versionFormat: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'version' },
  endOfSupportFormat: { code: 'BAD_USER_INPUT', rule: 'P5', field: 'endOfSupport' },
  productNotFound: { code: 'NOT_FOUND', rule: 'P5', field: 'productId' },
  closingDayYear: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'day' },
  closingDayMonth: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'day' },
  closingDayDay: { code: 'BAD_USER_INPUT', rule: 'P7', field: 'day' },
  closingDayNotFound: { code: 'NOT_FOUND', rule: 'P7', field: 'id' },
} as const satisfies Record<string, RefusalDefinition>;

export type SupportRefusalKey = keyof typeof SUPPORT_REFUSAL_DEFINITIONS;

export const supportRefusals = defineRefusals<SupportRefusalKey>(SUPPORT_REFUSAL_DEFINITIONS, { ja: SUPPORT_REFUSALS_JA, en: SUPPORT_REFUSALS_EN });
