import type { PriceRowData } from '../src/domain/price-book.js';

/**
 * The price rows the domain tests price against: the vendor's L1 prices and our legacy and
 * card-pack assumptions, the same rows the AddGuestLicensing, AddRecurringBilling (T5 member seats) and AddSeatOrdersAndAudit (L11 card service licences) migrations seed (the L1 priceBook
 * test in guest-licenses.test.ts checks the seeded rows equal these).
 */
export const PRICE_ROWS: readonly PriceRowData[] = [
  { id: '00000000-0000-4000-8000-0000000f0001', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 580, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0002', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 6820, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0003', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 1200, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0004', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 14110, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0011', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 500, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0012', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 5880, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0013', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 1000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0014', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 11760, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0031', product: 'MEMBER_SEAT', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'USER_MONTH', amount: 780, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0032', product: 'MEMBER_SEAT', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 9170, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0033', product: 'MEMBER_SEAT', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'USER_MONTH', amount: 1500, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0034', product: 'MEMBER_SEAT', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 17640, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0021', product: 'CARD_DIGITISATION_PACK', course: null, billingCycle: null, unit: 'PACK_1000_SIDES', amount: 30000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0041', product: 'CARD_START_PACK', course: null, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 14400, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0042', product: 'CARD_CORPORATE_LICENSE', course: null, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 12000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
];
