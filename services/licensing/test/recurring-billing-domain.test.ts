import { describe, expect, it } from 'vitest';
import { firstAnnualTermStart, monthlyGuestsBilled, periodInvoice, periodStart } from '../src/domain/recurring-billing.js';
import { Refusal } from '../src/domain/refusal.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const monthlyLight = { course: 'LIGHT' as const, billingCycle: 'MONTHLY' as const, startsOn: '2027-01-01', cancelledOn: null, basePurchasedOn: '2027-01-01', memberSeats: 5 };

describe('L16 recurring billing (domain)', () => {
  it('L16: a period is YYYY-MM', () => {
    expect(['2027-01', '2027-12', '2027-13', '2027-1', '2027-01-01', 'x'].map(periodStart)).toEqual(['2027-01-01', '2027-12-01', null, null, null, null]);
    expect(() => periodInvoice('2027-13', monthlyLight, [], PRICE_ROWS)).toThrow(Refusal);
  });

  it("L16: an annual term starts on the 1st after the order, or on the order day when it is the 1st (the vendor's 2020-11-01 example)", () => {
    expect(firstAnnualTermStart('2020-11-01')).toBe('2020-11-01');
    expect(firstAnnualTermStart('2020-11-02')).toBe('2020-12-01');
    expect(firstAnnualTermStart('2020-12-31')).toBe('2021-01-01');
    const annual = { ...monthlyLight, billingCycle: 'ANNUAL' as const, startsOn: '2020-11-01' };
    expect(periodInvoice('2020-11', annual, [], PRICE_ROWS)).toMatchObject({ issuedOn: '2020-11-01', subtotal: 5 * 9170, lines: [{ periodFrom: '2020-11-01', periodTo: '2021-10-31' }] });
    expect(periodInvoice('2020-12', annual, [], PRICE_ROWS)).toBeNull();
    expect(periodInvoice('2021-11', annual, [], PRICE_ROWS)?.issuedOn).toBe('2021-11-01');
    expect(periodInvoice('2021-11', { ...annual, cancelledOn: '2021-11-01' }, [], PRICE_ROWS)).toBeNull();
  });

  it('L16/L7: monthly: seats and guests billed for the month on the 1st; a first month billed with its order is not billed again; tax floored per invoice', () => {
    const orders = [
      { quantity: 3, effectiveFrom: '2027-02-01' }, // ordered in January: February billed with the order
      { quantity: -1, effectiveFrom: '2027-03-01' }, // decrease due on 1 March
    ];
    expect([monthlyGuestsBilled(orders, '2027-02-01'), monthlyGuestsBilled(orders, '2027-03-01')]).toEqual([0, 2]);
    // 5 x 780 + 2 x 580 = 3,900 + 1,160 = 5,060; tax 506
    expect(periodInvoice('2027-03', monthlyLight, orders, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-03-01', subtotal: 5060, tax: 506, total: 5566 });
    // 1 seat x 780 + 1 guest x 580 = 1,360 (tax 136); with 1 seat only 780 -> tax 78 (floored per invoice)
    expect(periodInvoice('2027-03', { ...monthlyLight, memberSeats: 1 }, [{ quantity: 1, effectiveFrom: '2027-02-01' }], PRICE_ROWS)?.tax).toBe(136);
    expect(periodInvoice('2027-01', { ...monthlyLight, startsOn: '2027-01-02' }, [], PRICE_ROWS)).toBeNull();
    expect(periodInvoice('2027-05', { ...monthlyLight, cancelledOn: '2027-04-20' }, [], PRICE_ROWS)).toBeNull();
  });
});
