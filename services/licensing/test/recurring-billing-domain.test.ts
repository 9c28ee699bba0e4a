import { describe, expect, it } from 'vitest';
import { firstAnnualTermStart, periodInvoice, periodStart } from '../src/domain/recurring-billing.js';
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

  it('L16/L7/T6: monthly: everything in force on the 1st is billed that day, a mid-month increase from the next 1st; tax floored per invoice', () => {
    const orders = [
      { quantity: 3, licensesFrom: '2027-01-20' }, // ordered 20 January: usable at once, first billed on 1 February
      { quantity: -1, licensesFrom: '2027-03-01' }, // decrease ordered in February, due on 1 March
    ];
    // issue 18 #1: February's invoice carries the 3 guests (it left them out, billing them on the order day instead)
    expect(periodInvoice('2027-02', monthlyLight, orders, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-02-01', subtotal: 3900 + 3 * 580, tax: 564, total: 6204 });
    expect(periodInvoice('2027-01', monthlyLight, orders, PRICE_ROWS)?.subtotal).toBe(3900);
    // 5 x 780 + 2 x 580 = 3,900 + 1,160 = 5,060; tax 506
    expect(periodInvoice('2027-03', monthlyLight, orders, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-03-01', subtotal: 5060, tax: 506, total: 5566 });
    // 1 seat x 780 + 1 guest x 580 = 1,360 (tax 136); with 1 seat only 780 -> tax 78 (floored per invoice)
    expect(periodInvoice('2027-03', { ...monthlyLight, memberSeats: 1 }, [{ quantity: 1, licensesFrom: '2027-02-01' }], PRICE_ROWS)?.tax).toBe(136);
    expect(periodInvoice('2027-01', { ...monthlyLight, startsOn: '2027-01-02' }, [], PRICE_ROWS)).toBeNull();
    expect(periodInvoice('2027-05', { ...monthlyLight, cancelledOn: '2027-04-20' }, [], PRICE_ROWS)).toBeNull();
  });

  it('L16/T6: a mid-month seat increase is billed from the next 1st with the rest; a new price row from that 1st prices the whole month', () => {
    // +3 seats ordered 2027-01-20 (held 8 after it), a new Light seat row of 800 from 2027-02-01
    const rows = [...PRICE_ROWS, { ...PRICE_ROWS.find((row) => row.product === 'MEMBER_SEAT' && row.course === 'LIGHT' && row.billingCycle === 'MONTHLY')!, id: 'seat-800', amount: 800, effectiveFrom: '2027-02-01' }];
    const seats = [{ quantity: 3, seatsFrom: '2027-01-20', effectiveFrom: '2027-02-01' }];
    const held = { ...monthlyLight, memberSeats: 8 };
    expect(periodInvoice('2027-01', held, [], rows, seats)).toMatchObject({ subtotal: 5 * 780 });
    // 8 x 800 = 6,400; tax 640 (the 8 seats in force on the 1st, at the row from that 1st)
    expect(periodInvoice('2027-02', held, [], rows, seats)).toMatchObject({ issuedOn: '2027-02-01', subtotal: 6400, tax: 640, total: 7040, lines: [{ quantity: 8, unitPrice: 800 }] });
  });
});
