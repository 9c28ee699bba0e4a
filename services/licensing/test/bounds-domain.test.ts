import { ThrownRefusal } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { checkBaseContract } from '../src/domain/base-contracts.js';
import { MAX_GUEST_LICENSES, MAX_MEMBER_SEATS, MAX_MONTHLY_PRICE, MAX_PRICE, WORST_INVOICE_TOTAL } from '../src/domain/bounds.js';
import { quoteGuestOrder, type BaseContractTerms } from '../src/domain/guest-orders.js';
import { checkNewPriceRow } from '../src/domain/price-rows.js';
import { periodInvoice } from '../src/domain/recurring-billing.js';
import { quoteSeatOrder, type SeatContractTerms } from '../src/domain/seat-orders.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const INT_MAX = 2_147_483_647;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ThrownRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('issue 18 #5: bounds on every quantity and amount, so the largest invoice fits its int columns', () => {
  it('the worst invoice the bounds allow (an annual term start, every seat and guest at the largest annual price) fits an int with more than 2x to spare', () => {
    expect(WORST_INVOICE_TOTAL).toBe(990_000_000);
    expect(WORST_INVOICE_TOTAL * 2).toBeLessThan(INT_MAX);
    // and the domain computes that invoice without leaving the int range anywhere
    const dear = PRICE_ROWS.map((row) => (row.billingCycle === 'ANNUAL' && (row.product === 'MEMBER_SEAT' || row.product === 'GUEST_LICENSE') ? { ...row, amount: MAX_PRICE } : row));
    const bill = periodInvoice('2027-11', { course: 'STANDARD', billingCycle: 'ANNUAL', startsOn: '2026-11-01', cancelledOn: null, basePurchasedOn: '2026-11-01', memberSeats: MAX_MEMBER_SEATS }, [{ quantity: MAX_GUEST_LICENSES, effectiveFrom: '2027-01-01' }], dear)!;
    expect(bill.total).toBe(WORST_INVOICE_TOTAL);
  });

  it('T5: a base contract of more than 10,000 seats is refused naming the limit (2,147,483,647 was accepted)', () => {
    const base = { course: 'LIGHT' as const, billingCycle: 'MONTHLY' as const, startsOn: '2027-01-05' };
    expect(() => checkBaseContract({ ...base, memberSeats: MAX_MEMBER_SEATS })).not.toThrow();
    for (const memberSeats of [MAX_MEMBER_SEATS + 1, INT_MAX]) expect(refusal(() => checkBaseContract({ ...base, memberSeats }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberSeats', message: expect.stringMatching(/limit is 10,000/) });
  });

  it('T5: seat orders never take a contract past 10,000 seats; L7: guest orders never past 5,000 licences', () => {
    const seats: SeatContractTerms = { course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2026-01-01', endsOn: null, basePurchasedOn: '2026-01-01', cancelledOn: null, memberSeatsHeld: 9_999 };
    expect(quoteSeatOrder(seats, { quantity: 1, orderDate: '2026-04-20', activeMembers: 0 }, PRICE_ROWS).seatsAfter).toBe(MAX_MEMBER_SEATS);
    expect(refusal(() => quoteSeatOrder(seats, { quantity: 2, orderDate: '2026-04-20', activeMembers: 0 }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/at most 10,000 member seats \(the limit\)/) });
    const guests: BaseContractTerms = { course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2026-01-01', endsOn: null, seller: 'ONLINE_STORE', basePurchasedOn: '2026-01-01', cancelledOn: null, guestLicenses: 4_000 };
    expect(quoteGuestOrder(guests, { quantity: 1_000, orderDate: '2026-04-20' }, PRICE_ROWS).quantity).toBe(1_000);
    expect(refusal(() => quoteGuestOrder(guests, { quantity: 1_001, orderDate: '2026-04-20' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/at most 5,000 guest licences \(the limit\)/) });
  });

  it('L1: a monthly row costs at most 5,000 yen, any other at most 60,000, naming the limit', () => {
    const row = { product: 'MEMBER_SEAT', course: 'LIGHT' as const, billingCycle: 'MONTHLY' as const, unit: 'USER_MONTH', amount: MAX_MONTHLY_PRICE, effectiveFrom: '2027-01-01', effectiveTo: null, legacyCutoff: null };
    expect(checkNewPriceRow(row, '2027-01-01').amount).toBe(5_000);
    expect(refusal(() => checkNewPriceRow({ ...row, amount: 5_001 }, '2027-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount', message: expect.stringMatching(/limit is 5,000/) });
    expect(checkNewPriceRow({ ...row, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: MAX_PRICE }, '2027-01-01').amount).toBe(60_000);
    expect(refusal(() => checkNewPriceRow({ ...row, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: INT_MAX }, '2027-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/limit is 60,000/) });
  });
});
