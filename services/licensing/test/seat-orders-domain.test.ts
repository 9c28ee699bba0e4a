import { ThrownRefusal } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { serviceTermInvoice } from '../src/domain/recurring-billing.js';
import { memberSeatLimit, memberSeatsOn, quoteSeatOrder, type SeatContractTerms } from '../src/domain/seat-orders.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const annualLight: SeatContractTerms = { course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2025-11-01', endsOn: '2026-10-31', basePurchasedOn: '2025-11-01', cancelledOn: null, memberSeatsHeld: 10 };
const monthlyStandard: SeatContractTerms = { ...annualLight, course: 'STANDARD', billingCycle: 'MONTHLY', endsOn: null };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ThrownRefusal) return { code: error.code, message: error.message };
  }
  throw new Error('no refusal');
};

describe('T5/T6 member seat orders (domain)', () => {
  it("T6/L6: annual: the guests' arithmetic: 2 Light seats ordered 1 March, term ending 31 October = 780 x 2 x 8 = 12,480", () => {
    const quote = quoteSeatOrder({ ...annualLight, endsOn: '2026-10-31' }, { quantity: 2, orderDate: '2026-03-01', activeMembers: 0 }, PRICE_ROWS);
    expect(quote).toMatchObject({ months: 8, unitPrice: 780, subtotal: 12480, tax: 1248, total: 13728, seatsFrom: '2026-03-01', seatsAfter: 12 });
    // a part month is dropped: ordered 2 March, the 8th month would end 1 November
    expect(quoteSeatOrder(annualLight, { quantity: 2, orderDate: '2026-03-02', activeMembers: 0 }, PRICE_ROWS).months).toBe(7);
    // less than one whole month left: refused, buy them with the renewal
    expect(refusal(() => quoteSeatOrder(annualLight, { quantity: 1, orderDate: '2026-10-15', activeMembers: 0 }, PRICE_ROWS)).code).toBe('BAD_USER_INPUT');
  });

  it('T6/L16: monthly Standard: an increase counts at once and is invoiced by the next 1st-of-month invoice, not with the order; a decrease counts from the 1st of next month', () => {
    expect(quoteSeatOrder(monthlyStandard, { quantity: 3, orderDate: '2026-04-20', activeMembers: 0 }, PRICE_ROWS)).toMatchObject({
      subtotal: 0,
      total: 0,
      lines: [],
      effectiveFrom: '2026-05-01',
      seatsFrom: '2026-04-20',
      months: null,
    });
    expect(quoteSeatOrder(monthlyStandard, { quantity: -3, orderDate: '2026-04-20', activeMembers: 7 }, PRICE_ROWS)).toMatchObject({ subtotal: 0, seatsFrom: '2026-05-01', seatsAfter: 7 });
  });

  it('T5: never below 5 seats nor below the active members; an increase is never held back by the member count', () => {
    expect(refusal(() => quoteSeatOrder(monthlyStandard, { quantity: -6, orderDate: '2026-04-20', activeMembers: 0 }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^T5:/) });
    expect(refusal(() => quoteSeatOrder(monthlyStandard, { quantity: -2, orderDate: '2026-04-20', activeMembers: 9 }, PRICE_ROWS))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^T5:/) });
    expect(quoteSeatOrder(monthlyStandard, { quantity: 1, orderDate: '2026-04-20', activeMembers: 50 }, PRICE_ROWS).seatsAfter).toBe(11);
  });

  it('T6: the seats in force on a day and the seats a monthly invoice bills (those in force on the 1st)', () => {
    // held 12 after +3 (ordered 04-20, billed from 05-01) and -1 (due 06-01)
    const orders = [
      { quantity: 3, seatsFrom: '2026-04-20', effectiveFrom: '2026-05-01' },
      { quantity: -1, seatsFrom: '2026-06-01', effectiveFrom: '2026-06-01' },
    ];
    const contract = { memberSeatsHeld: 12, cancelledOn: null };
    expect(['2026-04-19', '2026-04-20', '2026-05-31', '2026-06-01'].map((d) => memberSeatsOn(contract, orders, d))).toEqual([10, 13, 13, 12]);
    // L16/T6: the 1st-of-month invoice bills the seats in force on the 1st (the increase from 1 May, not again with its order)
    expect(['2026-04-01', '2026-05-01', '2026-06-01'].map((d) => memberSeatsOn(contract, orders, d))).toEqual([10, 13, 12]);
    expect(memberSeatsOn({ ...contract, cancelledOn: '2026-07-01' }, orders, '2026-07-01')).toBe(0);
  });

  it('T5 (issue 18 #3): members must fit the fewest seats in force today or on any later day an ordered decrease takes effect, named with that day', () => {
    const contract = { memberSeatsHeld: 6, cancelledOn: null };
    // held 6: +3 on 04-20 (in force at once), -2 from 05-01, -3 for the renewal on 11-01, +2 on 05-10 (counted from then)
    const orders = [
      { quantity: 3, seatsFrom: '2026-04-20', effectiveFrom: '2026-05-01' },
      { quantity: -2, seatsFrom: '2026-05-01', effectiveFrom: '2026-05-01' },
      { quantity: -3, seatsFrom: '2026-11-01', effectiveFrom: '2026-11-01' },
      { quantity: 2, seatsFrom: '2026-05-10', effectiveFrom: '2026-06-01' },
    ];
    // on 04-25 (held 6 less the orders not yet in force): 6 - (-2 - 3 + 2) = 9 today; 7 from 05-01; 9 from 05-10; 6 from 11-01
    expect(memberSeatsOn(contract, orders, '2026-04-25')).toBe(9);
    expect(memberSeatLimit(contract, orders, '2026-04-25')).toEqual({ seats: 6, from: '2026-11-01' });
    // held 7 after +3 and -2: 9 today, 7 from 05-01
    expect(memberSeatLimit({ ...contract, memberSeatsHeld: 7 }, [orders[0]!, orders[1]!], '2026-04-25')).toEqual({ seats: 7, from: '2026-05-01' });
    // no decrease ahead: today's seats, from today; cancelled: 0
    expect(memberSeatLimit({ ...contract, memberSeatsHeld: 9 }, [orders[0]!], '2026-04-25')).toEqual({ seats: 9, from: '2026-04-25' });
    expect(memberSeatLimit({ ...contract, cancelledOn: '2026-04-01' }, orders, '2026-04-25')).toEqual({ seats: 0, from: '2026-04-25' });
  });

  it('L13/L14/L16: a card service is billed at each term start, and no more after a notice ends it', () => {
    const service = { product: 'START_PACK' as const, seats: 5, billingStartsOn: '2027-01-01', terminationNoticeOn: null };
    expect(serviceTermInvoice('2027-01', service, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-01-01', subtotal: 5 * 14400, tax: 7200 });
    expect(serviceTermInvoice('2027-02', service, PRICE_ROWS)).toBeNull();
    expect(serviceTermInvoice('2028-01', service, PRICE_ROWS)?.issuedOn).toBe('2028-01-01');
    expect(serviceTermInvoice('2026-01', service, PRICE_ROWS)).toBeNull();
    // notice on 2027-11-15: more than 30 days before 2027-12-31: the first term is the last
    expect(serviceTermInvoice('2028-01', { ...service, terminationNoticeOn: '2027-11-15' }, PRICE_ROWS)).toBeNull();
  });
});
