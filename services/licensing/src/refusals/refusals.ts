import { defineRefusals, type RefusalDefinition } from '@kyodo/subgraph-kit';
import { LICENSING_REFUSALS_EN } from './refusals-en.js';
import { LICENSING_REFUSALS_JA } from './refusals-ja.js';

/**
 * The licensing subgraph's refusals (I1): each one's code, the DOMAIN.md rule it enforces and the
 * input field it names, grouped by area. Texts: refusals-ja.ts and refusals-en.ts. A refusal whose
 * field depends on the input (a date among several) names it in `extensions.field` when thrown.
 * The kit's generic ones (sign-in, tenant administrators only, pages) are `kitRefusals`.
 */
export const LICENSING_REFUSAL_DEFINITIONS = {
  // input common to several areas
  dateOutOfRange: { code: 'BAD_USER_INPUT' },
  fieldDateOutOfRange: { code: 'BAD_USER_INPUT' },
  idempotencyKeyLength: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
  orderBeforeContractStart: { code: 'BAD_USER_INPUT', field: 'orderDate' },
  orderAfterTermEnd: { code: 'BAD_USER_INPUT', field: 'orderDate' },

  // vendor operators only (the back office)
  vendorOnlyBaseContractCreate: { code: 'FORBIDDEN', rule: 'T4' },
  vendorOnlyBaseContractConfirm: { code: 'FORBIDDEN', rule: 'T4' },
  vendorOnlyPriceRows: { code: 'FORBIDDEN', rule: 'L1' },
  vendorOnlyServiceContracts: { code: 'FORBIDDEN', rule: 'L11' },
  vendorOnlyPackGrants: { code: 'FORBIDDEN', rule: 'L15' },
  vendorOnlyBillingRun: { code: 'FORBIDDEN', rule: 'L16' },
  vendorOnlyBillingRuns: { code: 'FORBIDDEN', rule: 'L16' },
  vendorOnlyCreditNote: { code: 'FORBIDDEN', rule: 'Q1' },

  // base contract (T4, T5, L8)
  baseContractNotFound: { code: 'NOT_FOUND' },
  baseContractClash: { code: 'CONFLICT', rule: 'T4' },
  baseContractTooFewSeats: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'memberSeats' },
  baseContractSeatsOutOfRange: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'memberSeats' },
  baseContractAlreadyCancelled: { code: 'CONFLICT', rule: 'L8' },

  // guest licences (L2-L8)
  guestsNoBaseContract: { code: 'CONFLICT', rule: 'L2' },
  guestsContractCancelled: { code: 'CONFLICT', rule: 'L8' },
  guestQuantityZero: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'quantity' },
  guestChangeTooLarge: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'quantity' },
  guestRemoveMoreThanHeld: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'quantity' },
  guestLicensesAboveLimit: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'quantity' },
  guestNoPrice: { code: 'CONFLICT', rule: 'L1' },
  guestRenewalOnMonthly: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'forRenewal' },
  guestSellerMismatch: { code: 'BAD_USER_INPUT', rule: 'L5', field: 'seller' },
  guestDecreaseMidTerm: { code: 'BAD_USER_INPUT', rule: 'L7', field: 'quantity' },
  guestLessThanMonthLeft: { code: 'BAD_USER_INPUT', rule: 'L6', field: 'orderDate' },
  guestRenewalIncrease: { code: 'BAD_USER_INPUT', rule: 'L6', field: 'quantity' },
  guestRenewalAfterNotice: { code: 'CONFLICT', rule: 'L14' },
  guestDecreaseBelowAssigned: { code: 'CONFLICT', rule: 'L3' },
  guestOrderKeyReused: { code: 'CONFLICT' },
  guestOrderKeyReusedForRenewal: { code: 'CONFLICT', rule: 'L7' },
  guestOrderKeyReusedForCurrentTerm: { code: 'CONFLICT', rule: 'L7' },

  // guest licence assignment (L3)
  guestIdMissing: { code: 'BAD_USER_INPUT', rule: 'L3', field: 'userId' },
  notGuestOfTenant: { code: 'BAD_USER_INPUT', rule: 'L3', field: 'userId' },
  assignmentContractCancelled: { code: 'CONFLICT', rule: 'L8' },
  allGuestLicensesAssigned: { code: 'CONFLICT', rule: 'L3' },
  assignmentRetry: { code: 'CONFLICT', rule: 'L3' },
  assignmentNotFound: { code: 'NOT_FOUND', field: 'userId' },

  // member seats (T5, T6)
  seatsNoBaseContract: { code: 'CONFLICT', rule: 'T5' },
  seatsContractCancelled: { code: 'CONFLICT', rule: 'L8' },
  seatQuantityZero: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'quantity' },
  seatChangeTooLarge: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'quantity' },
  seatsBelowMinimum: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'quantity' },
  seatsAboveLimit: { code: 'BAD_USER_INPUT', rule: 'T5', field: 'quantity' },
  seatsBelowActiveMembers: { code: 'CONFLICT', rule: 'T5' },
  seatNoPrice: { code: 'CONFLICT', rule: 'T5' },
  seatRenewalOnMonthly: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'forRenewal' },
  seatRenewalIncrease: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'quantity' },
  seatRenewalAfterNotice: { code: 'CONFLICT', rule: 'L14' },
  seatDecreaseMidTerm: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'quantity' },
  seatLessThanMonthLeft: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'orderDate' },
  seatsChangedMeanwhile: { code: 'CONFLICT', rule: 'T5' },
  seatOrderKeyReused: { code: 'CONFLICT' },
  memberCountUnavailable: { code: 'SERVICE_UNAVAILABLE', rule: 'T5' },

  // course (T6)
  courseNoBaseContract: { code: 'CONFLICT', rule: 'T6' },
  courseContractCancelled: { code: 'CONFLICT', rule: 'L8' },
  courseChangePending: { code: 'CONFLICT', rule: 'T6' },
  courseUnchanged: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'course' },
  courseRenewalOnMonthly: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'forRenewal' },
  courseRenewalUpgrade: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'forRenewal' },
  courseRenewalAfterNotice: { code: 'CONFLICT', rule: 'L14' },
  courseDowngradeMidTerm: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'course' },
  courseLessThanMonthLeft: { code: 'BAD_USER_INPUT', rule: 'T6', field: 'orderDate' },
  courseChangedMeanwhile: { code: 'CONFLICT', rule: 'T6' },
  courseOrderKeyReused: { code: 'CONFLICT' },

  // termination notices (L14)
  noticeCardServiceAlreadyEnded: { code: 'CONFLICT', rule: 'L14' },
  noticeCardServiceAlreadyEnds: { code: 'CONFLICT', rule: 'L14' },
  noticeCardServiceMeanwhile: { code: 'CONFLICT', rule: 'L14' },
  noticeContractWasCancelled: { code: 'CONFLICT', rule: 'L8' },
  noticeContractIsCancelled: { code: 'CONFLICT', rule: 'L8' },
  noticeMonthlyContract: { code: 'BAD_USER_INPUT', rule: 'L14', field: 'contract' },
  noticeContractAlready: { code: 'CONFLICT', rule: 'L14' },
  noticeContractMeanwhile: { code: 'CONFLICT', rule: 'L14' },

  // price rows (L1, back office)
  priceRowNotFound: { code: 'NOT_FOUND' },
  priceRowInEffect: { code: 'CONFLICT', rule: 'L1' },
  priceRowProduct: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'product' },
  priceRowUnit: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'unit' },
  priceRowAmount: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'amount' },
  priceRowMonthlyAmountOutOfRange: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'amount' },
  priceRowAmountOutOfRange: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'amount' },
  priceRowInPast: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'effectiveFrom' },
  priceRowEndsBeforeStart: { code: 'BAD_USER_INPUT', rule: 'L1', field: 'effectiveTo' },

  // card service contracts and digitisation packs (L11-L15, back office)
  cardServiceNotFound: { code: 'NOT_FOUND' },
  cardServiceExists: { code: 'CONFLICT', rule: 'L11' },
  serviceSeatsTooFew: { code: 'BAD_USER_INPUT', rule: 'L12', field: 'seats' },
  serviceSeatsOutOfRange: { code: 'BAD_USER_INPUT', rule: 'L12', field: 'seats' },
  includedSidesOutOfRange: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'includedSides' },
  includedSidesNotWhole: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'includedSides' },
  deliveryBeforePapers: { code: 'BAD_USER_INPUT', rule: 'L13', field: 'deliveredOn' },
  billingBeforeDelivery: { code: 'BAD_USER_INPUT', rule: 'L13', field: 'billingStartsOn' },
  packCount: { code: 'BAD_USER_INPUT', rule: 'L15', field: 'packs' },
  packNoCardService: { code: 'CONFLICT', rule: 'L11' },
  packNoPrice: { code: 'CONFLICT', rule: 'L15' },
  packOrderKeyReused: { code: 'CONFLICT' },
  scanBeyondQuota: { code: 'QUOTA_EXCEEDED', rule: 'L15' },

  // recurring billing (L16)
  billingPeriodForm: { code: 'BAD_USER_INPUT', rule: 'L16', field: 'period' },
  billingPeriodNotBegun: { code: 'BAD_USER_INPUT', rule: 'L16', field: 'period' },
  billingNoMonthlyPrice: { code: 'CONFLICT', rule: 'L16' },
  billingNoAnnualPrice: { code: 'CONFLICT', rule: 'L16' },
  billingNoCardServicePrice: { code: 'CONFLICT', rule: 'L16' },

  // qualified invoices (Q1)
  invoiceNotFound: { code: 'NOT_FOUND', field: 'invoiceId' },
  invoiceSearchForbidden: { code: 'FORBIDDEN', rule: 'Q1' },
  invoiceSearchAmount: { code: 'BAD_USER_INPUT', rule: 'Q1' },
  recipientNameAdminOnly: { code: 'FORBIDDEN', rule: 'Q1' },
  recipientNameLength: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'name' },
  creditNoteOfCreditNote: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'invoiceId' },
  creditNoteReason: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'reason' },
  creditNoteTaxRate: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'taxRatePercent' },
  creditNoteAmount: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'amount' },
  creditNoteTooMuch: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'amount' },
  registrationNumberForm: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'registrationNumber' },
  registrationNumberCheckDigit: { code: 'BAD_USER_INPUT', rule: 'Q1', field: 'registrationNumber' },
} as const satisfies Record<string, RefusalDefinition>;

export type LicensingRefusalKey = keyof typeof LICENSING_REFUSAL_DEFINITIONS;

export const licensingRefusals = defineRefusals<LicensingRefusalKey>(LICENSING_REFUSAL_DEFINITIONS, { ja: LICENSING_REFUSALS_JA, en: LICENSING_REFUSALS_EN });
