import { ThrownRefusal } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { cancellationCredit, cancellationCreditReason, firstAnnualTermStart, periodInvoice, periodStart } from '../src/domain/recurring-billing.js';
import { courseOn, quoteCourseChange } from '../src/domain/course-orders.js';
import { quoteGuestOrder } from '../src/domain/guest-orders.js';
import { memberSeatLimit, quoteSeatOrder } from '../src/domain/seat-orders.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const monthlyLight = { course: 'LIGHT' as const, billingCycle: 'MONTHLY' as const, startsOn: '2027-01-01', cancelledOn: null, basePurchasedOn: '2027-01-01', memberSeats: 5 };

describe('L16 recurring billing (domain)', () => {
  it('L16: a period is YYYY-MM', () => {
    expect(['2027-01', '2027-12', '2027-13', '2027-1', '2027-01-01', 'x'].map(periodStart)).toEqual(['2027-01-01', '2027-12-01', null, null, null, null]);
    expect(() => periodInvoice('2027-13', monthlyLight, [], PRICE_ROWS)).toThrow(ThrownRefusal);
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
      { quantity: 3, effectiveFrom: '2027-02-01' }, // ordered 20 January: usable at once, first billed on 1 February
      { quantity: -1, effectiveFrom: '2027-03-01' }, // decrease ordered in February, due on 1 March
    ];
    // issue 18 #1: February's invoice carries the 3 guests (it left them out, billing them on the order day instead)
    expect(periodInvoice('2027-02', monthlyLight, orders, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-02-01', subtotal: 3900 + 3 * 580, tax: 564, total: 6204 });
    expect(periodInvoice('2027-01', monthlyLight, orders, PRICE_ROWS)?.subtotal).toBe(3900);
    // 5 x 780 + 2 x 580 = 3,900 + 1,160 = 5,060; tax 506
    expect(periodInvoice('2027-03', monthlyLight, orders, PRICE_ROWS)).toMatchObject({ issuedOn: '2027-03-01', subtotal: 5060, tax: 506, total: 5566 });
    // 1 seat x 780 + 1 guest x 580 = 1,360 (tax 136); with 1 seat only 780 -> tax 78 (floored per invoice)
    expect(periodInvoice('2027-03', { ...monthlyLight, memberSeats: 1 }, [{ quantity: 1, effectiveFrom: '2027-02-01' }], PRICE_ROWS)?.tax).toBe(136);
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

  describe('T6/L7/L16: an order placed on the 1st (or on an annual term\'s first day) is billed from the month after it, whenever the run comes', () => {
    const seatTerms = (billingCycle: 'MONTHLY' | 'ANNUAL', memberSeatsHeld: number, startsOn = '2027-01-01') => ({
      course: 'STANDARD' as const,
      billingCycle,
      startsOn,
      endsOn: billingCycle === 'ANNUAL' ? '2027-12-31' : null,
      basePurchasedOn: startsOn,
      cancelledOn: null,
      memberSeatsHeld,
    });
    const guestTerms = (billingCycle: 'MONTHLY' | 'ANNUAL', guestLicenses: number, startsOn = '2027-01-01') => ({
      course: 'STANDARD' as const,
      billingCycle,
      startsOn,
      endsOn: billingCycle === 'ANNUAL' ? '2027-12-31' : null,
      seller: 'ONLINE_STORE',
      basePurchasedOn: startsOn,
      cancelledOn: null,
      guestLicenses,
    });
    const monthlyStandard = { ...monthlyLight, course: 'STANDARD' as const };

    it('T6/L16: a monthly seat increase ordered on 1 January is usable at once, billed from 1 February (January 5 seats, February 6)', () => {
      const quote = quoteSeatOrder(seatTerms('MONTHLY', 5), { quantity: 1, orderDate: '2027-01-01', activeMembers: 5 }, PRICE_ROWS);
      expect(quote).toMatchObject({ seatsFrom: '2027-01-01', effectiveFrom: '2027-02-01', total: 0 });
      // T5: usable at once: the limit members fit within is 6 from the order day
      expect(memberSeatLimit({ memberSeatsHeld: 6, cancelledOn: null }, [quote], '2027-01-01')).toEqual({ seats: 6, from: '2027-01-01' });
      const held = { ...monthlyStandard, memberSeats: 6 };
      // 5 x 1,500 = 7,500 + 750 tax = 8,250 (the consoles walk's invoice)
      expect(periodInvoice('2027-01', held, [], PRICE_ROWS, [quote])).toMatchObject({ issuedOn: '2027-01-01', subtotal: 7500, tax: 750, total: 8250, lines: [{ quantity: 5, unitPrice: 1500 }] });
      expect(periodInvoice('2027-02', held, [], PRICE_ROWS, [quote])).toMatchObject({ issuedOn: '2027-02-01', subtotal: 9000, lines: [{ quantity: 6 }] });
    });

    it('L7/L16: a monthly guest increase ordered on the 1st is assignable at once, billed from the next 1st', () => {
      const quote = quoteGuestOrder(guestTerms('MONTHLY', 0), { quantity: 2, orderDate: '2027-03-01' }, PRICE_ROWS);
      expect(quote).toMatchObject({ licensesFrom: '2027-03-01', effectiveFrom: '2027-04-01', total: 0 });
      expect(periodInvoice('2027-03', monthlyStandard, [quote], PRICE_ROWS)?.lines.map((line) => line.quantity)).toEqual([5]);
      expect(periodInvoice('2027-04', monthlyStandard, [quote], PRICE_ROWS)).toMatchObject({ subtotal: 5 * 1500 + 2 * 1200, lines: [{ quantity: 5 }, { quantity: 2, unitPrice: 1200 }] });
    });

    it('T6/L7/L16: a monthly decrease ordered on the 1st takes effect (and leaves the bill) on the next 1st, seats and guests alike', () => {
      const seats = quoteSeatOrder(seatTerms('MONTHLY', 7), { quantity: -2, orderDate: '2027-03-01', activeMembers: 3 }, PRICE_ROWS);
      const guests = [
        { quantity: 3, effectiveFrom: '2027-02-01' },
        quoteGuestOrder(guestTerms('MONTHLY', 3), { quantity: -1, orderDate: '2027-03-01' }, PRICE_ROWS),
      ];
      expect(seats).toMatchObject({ seatsFrom: '2027-04-01', effectiveFrom: '2027-04-01' });
      const held = { ...monthlyStandard, memberSeats: 5 };
      expect(periodInvoice('2027-03', held, guests, PRICE_ROWS, [seats])?.lines.map((line) => line.quantity)).toEqual([7, 3]);
      expect(periodInvoice('2027-04', held, guests, PRICE_ROWS, [seats])?.lines.map((line) => line.quantity)).toEqual([5, 2]);
    });

    it('L16/T6: a run on the 1st before the order and one after it issue the same invoice', () => {
      const seat = quoteSeatOrder(seatTerms('MONTHLY', 5), { quantity: 1, orderDate: '2027-01-01', activeMembers: 5 }, PRICE_ROWS);
      const guest = quoteGuestOrder(guestTerms('MONTHLY', 0), { quantity: 2, orderDate: '2027-01-01' }, PRICE_ROWS);
      // before the order the contract held 5 seats and no guest order; after it 6 seats and the order
      const before = periodInvoice('2027-01', { ...monthlyStandard, memberSeats: 5 }, [], PRICE_ROWS, []);
      const after = periodInvoice('2027-01', { ...monthlyStandard, memberSeats: 6 }, [guest], PRICE_ROWS, [seat]);
      expect(after).toEqual(before);
      expect(after).toMatchObject({ total: 8250 });
    });

    it('L6/L16/T6: an annual addition ordered on a term\'s first day is invoiced by its own order (12 whole months), not again by the term-start invoice, run before or after it', () => {
      // annual Standard from 2027-01-01, renewed 2028-01-01; +2 seats and +1 guest ordered on 2028-01-01
      const annualStandard = { ...monthlyStandard, billingCycle: 'ANNUAL' as const };
      const renewed = (memberSeatsHeld: number) => ({ ...seatTerms('ANNUAL', memberSeatsHeld), endsOn: '2028-12-31' });
      const seat = quoteSeatOrder(renewed(5), { quantity: 2, orderDate: '2028-01-01', activeMembers: 5 }, PRICE_ROWS);
      const guest = quoteGuestOrder({ ...guestTerms('ANNUAL', 1), endsOn: '2028-12-31' }, { quantity: 1, orderDate: '2028-01-01' }, PRICE_ROWS);
      // L6: its own invoice covers the whole term: 12 months x 1,500 x 2, and 12 x 1,200 x 1
      expect(seat).toMatchObject({ months: 12, subtotal: 12 * 1500 * 2, effectiveFrom: '2028-01-01' });
      expect(guest).toMatchObject({ months: 12, subtotal: 12 * 1200, effectiveFrom: '2028-01-01' });
      const earlier = { quantity: 1, effectiveFrom: '2027-06-10' }; // a guest bought in the first term renews on 2028-01-01
      const before = periodInvoice('2028-01', { ...annualStandard, memberSeats: 5 }, [earlier], PRICE_ROWS, []);
      const after = periodInvoice('2028-01', { ...annualStandard, memberSeats: 7 }, [earlier, guest], PRICE_ROWS, [seat]);
      expect(after).toEqual(before);
      expect(after?.lines.map((line) => line.quantity)).toEqual([5, 1]);
      // the next term bills them with the rest
      expect(periodInvoice('2029-01', { ...annualStandard, memberSeats: 7 }, [earlier, guest], PRICE_ROWS, [seat])?.lines.map((line) => line.quantity)).toEqual([7, 2]);
      // an addition ordered the day before the term starts is the old term's: the term-start invoice bills it
      const dayBefore = { quantity: 2, seatsFrom: '2027-12-31', effectiveFrom: '2027-12-31' };
      expect(periodInvoice('2028-01', { ...annualStandard, memberSeats: 7 }, [earlier], PRICE_ROWS, [dayBefore])?.lines.map((line) => line.quantity)).toEqual([7, 1]);
    });

    it('T6/L16: a monthly course upgrade ordered on the 1st is usable at once, billed at the new course from the next 1st', () => {
      const terms = { ...seatTerms('MONTHLY', 5), courseHeld: 'LIGHT' as const, courseInForce: 'LIGHT' as const, seatsInForce: 5 };
      const upgrade = { ...quoteCourseChange(terms, { course: 'STANDARD', orderDate: '2027-01-01' }, PRICE_ROWS), course: 'STANDARD' as const };
      expect(upgrade).toMatchObject({ courseFrom: '2027-01-01', effectiveFrom: '2027-02-01', total: 0 });
      expect(courseOn('STANDARD', [upgrade], '2027-01-01')).toBe('STANDARD');
      const held = { ...monthlyStandard };
      // a run before the order (Light held, no order) and one after it bill January at Light: 5 x 780
      expect(periodInvoice('2027-01', held, [], PRICE_ROWS, [], [upgrade])).toEqual(periodInvoice('2027-01', monthlyLight, [], PRICE_ROWS));
      expect(periodInvoice('2027-01', held, [], PRICE_ROWS, [], [upgrade])?.lines).toMatchObject([{ quantity: 5, unitPrice: 780 }]);
      expect(periodInvoice('2027-02', held, [], PRICE_ROWS, [], [upgrade])?.lines).toMatchObject([{ quantity: 5, unitPrice: 1500 }]);
    });

    it('T6/L6/L16: an annual upgrade ordered on a term\'s first day is charged by its own invoice; that term-start invoice stays at the course before', () => {
      const annualLight = { ...monthlyLight, billingCycle: 'ANNUAL' as const };
      const terms = { ...seatTerms('ANNUAL', 5), endsOn: '2028-12-31', courseHeld: 'LIGHT' as const, courseInForce: 'LIGHT' as const, seatsInForce: 5 };
      const upgrade = { ...quoteCourseChange(terms, { course: 'STANDARD', orderDate: '2028-01-01' }, PRICE_ROWS), course: 'STANDARD' as const };
      // 12 whole months x (1,500 - 780) x 5 seats
      expect(upgrade).toMatchObject({ months: 12, subtotal: 12 * 720 * 5, effectiveFrom: '2028-01-01' });
      const after = periodInvoice('2028-01', { ...annualLight, course: 'STANDARD' }, [], PRICE_ROWS, [], [upgrade]);
      expect(after).toEqual(periodInvoice('2028-01', annualLight, [], PRICE_ROWS));
      expect(after?.lines).toMatchObject([{ quantity: 5, unitPrice: 9170 }]);
      expect(periodInvoice('2029-01', { ...annualLight, course: 'STANDARD' }, [], PRICE_ROWS, [], [upgrade])?.lines).toMatchObject([{ quantity: 5, unitPrice: 17640 }]);
    });
  });
});

describe('L8/L16/Q1: what a cancellation takes back of a period invoice (domain)', () => {
  const march = { issuedOn: '2027-03-01', subtotal: 3900 };
  it('L8/L16: cancelled on the invoice\'s own day (the run of the 1st came first): all of it, less what earlier credit notes took', () => {
    expect(cancellationCredit(march, 0, '2027-03-01')).toBe(3900);
    expect(cancellationCredit(march, 900, '2027-03-01')).toBe(3000);
    expect(cancellationCredit(march, 3900, '2027-03-01')).toBe(0);
  });
  it('L8/L9: cancelled after the period began: the month (or the term) already begun stands, nothing is refunded', () => {
    expect(cancellationCredit(march, 0, '2027-03-02')).toBe(0);
    expect(cancellationCredit({ issuedOn: '2027-02-01', subtotal: 176400 }, 0, '2027-12-31')).toBe(0);
  });
  it('Q1/I1: the credit note says why, Japanese first, naming the day and the rule', () => {
    expect(cancellationCreditReason('2027-03-01')).toMatch(/^契約の解約（2027-03-01 から）.*L8.* Cancelled from 2027-03-01/);
  });
  it('L16: the credit leaves the period as the run after the cancellation would: periodInvoice bills nothing on or after the day it takes effect', () => {
    const cancelled = { ...monthlyLight, cancelledOn: '2027-03-01' };
    expect(periodInvoice('2027-03', cancelled, [], PRICE_ROWS)).toBeNull();
    const bill = periodInvoice('2027-03', monthlyLight, [], PRICE_ROWS)!;
    expect(cancellationCredit(bill, 0, '2027-03-01')).toBe(bill.subtotal);
  });
});
