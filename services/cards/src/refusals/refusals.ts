import { defineRefusals, type RefusalDefinition } from '@kyodo/subgraph-kit';
import { CARDS_REFUSALS_EN } from './refusals-en.js';
import { CARDS_REFUSALS_JA } from './refusals-ja.js';

/**
 * The cards subgraph's refusals (I1): code, DOMAIN.md rule and input field, once per key. Texts:
 * refusals-ja.ts and refusals-en.ts. The kit's generic ones (sign-in, pages, peers) are the kit's,
 * and so is "not found" (`notFoundById`): a card hidden by C3 must get the very answer the kit's
 * owned-ids check gives for an id of another tenant or none, so nothing tells them apart.
 */
export const CARDS_REFUSAL_DEFINITIONS = {
  // who may do what (C3, C5)
  guestsMayNotUseCards: { code: 'FORBIDDEN', rule: 'C3' },
  exportPermissionAdminOnly: { code: 'FORBIDDEN', rule: 'C3' },
  exportNeedsPermission: { code: 'FORBIDDEN', rule: 'C3' },

  // a card's text fields (C1); `field` of fieldTooLong is sent with the refusal
  nameRequired: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'name' },
  fieldTooLong: { code: 'BAD_USER_INPUT', rule: 'C1' },
  emailInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'email' },
  urlInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'url' },
  languageInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'language' },
  exchangedOnInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'exchangedOn' },
  addressesInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'addresses' },
  phonesInvalid: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'phones' },
  /** Several field problems at once, each in words; the field sent is the first one's. */
  cardFieldsInvalid: { code: 'BAD_USER_INPUT', rule: 'C1' },

  // groups, same person, search (C3)
  tooManyGroups: { code: 'BAD_USER_INPUT', rule: 'C3', field: 'visibleToGroupIds' },
  groupsExcludeAuthor: { code: 'BAD_USER_INPUT', rule: 'C3', field: 'visibleToGroupIds' },
  importGroupsExcludeAuthor: { code: 'BAD_USER_INPUT', rule: 'C3', field: 'visibleToGroupIds' },
  mergeCardCount: { code: 'BAD_USER_INPUT', field: 'cardIds' },
  searchTooLong: { code: 'BAD_USER_INPUT', field: 'search' },

  // images (C1)
  imageNotBase64: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'base64' },
  imageEmpty: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'base64' },
  imageTooLarge: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'base64' },
  imageNotJpegOrPng: { code: 'BAD_USER_INPUT', rule: 'C1', field: 'base64' },

  // reading and verifying (C2)
  readNeedsScanned: { code: 'CONFLICT', rule: 'C2' },
  verifyNeedsRead: { code: 'CONFLICT', rule: 'C2' },
  cardChangedMeanwhile: { code: 'CONFLICT', rule: 'C2' },
  cardHasNoFrontImage: { code: 'CONFLICT', rule: 'C2' },

  // scans and the digitisation quota (L15, L14)
  scanSides: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'sides' },
  scanQuotaExceeded: { code: 'QUOTA_EXCEEDED', rule: 'L15' },
  cardServiceEnded: { code: 'QUOTA_EXCEEDED', rule: 'L14' },
  cardQuotaUnavailable: { code: 'SERVICE_UNAVAILABLE', rule: 'L15' },

  // sending and running a CSV import (C4)
  importAlreadyRun: { code: 'CONFLICT', rule: 'C4' },
  importPartOutOfOrder: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'part' },
  importPartNotBase64: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'base64' },
  importPartEmpty: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'base64' },
  importPartTooLarge: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'base64' },
  importFileTooLarge: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'base64' },
  importPartRace: { code: 'CONFLICT', rule: 'C4' },
  importNoFile: { code: 'BAD_USER_INPUT', rule: 'C4', field: 'jobId' },
  importAlreadySucceeded: { code: 'CONFLICT', rule: 'C4' },
  importAlreadyRunning: { code: 'CONFLICT', rule: 'C4' },

  // an import's report of bad lines (C4): shown in the job's `errors`, never thrown
  importOnLine: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importFileEmpty: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importNoNameColumn: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importNoCards: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importTooManyRows: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importRowColumns: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importQuoteNotClosed: { code: 'BAD_USER_INPUT', rule: 'C4' },
  importStoppedOnError: { code: 'INTERNAL_SERVER_ERROR', rule: 'C4' },

  // a signed file link (C3, C5): plain-text answers of GET /files/
  fileMethodNotAllowed: { code: 'BAD_USER_INPUT' },
  fileLinkInvalid: { code: 'NOT_FOUND', rule: 'C3' },
  fileLinkExpired: { code: 'NOT_FOUND', rule: 'C3' },
  fileGone: { code: 'NOT_FOUND', rule: 'C5' },
} as const satisfies Record<string, RefusalDefinition>;

export type CardsRefusalKey = keyof typeof CARDS_REFUSAL_DEFINITIONS;

export const cardsRefusals = defineRefusals<CardsRefusalKey>(CARDS_REFUSAL_DEFINITIONS, { ja: CARDS_REFUSALS_JA, en: CARDS_REFUSALS_EN });
