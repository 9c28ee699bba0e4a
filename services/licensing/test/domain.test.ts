import { japaneseBusinessCalendar, ThrownRefusal } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { addMonths, firstOfNextMonth, isLocalDate, localDateOf } from '../src/domain/calendar-dates.js';
import { guestLicensesInForce, guestLicensesOn, quoteGuestOrder, type BaseContractTerms } from '../src/domain/guest-orders.js';
import { grantsAccess, guestLicenseStatus, trialEndsOn } from '../src/domain/guest-licenses.js';
import { taxOn, totalsOf } from '../src/domain/invoices.js';
import { findPrice, priceBookOn } from '../src/domain/price-book.js';
import { guestAllowance, storageQuotaBytes } from '../src/domain/quotas.js';
import { licensingRefusals } from '../src/refusals/refusals.js';
import {
  addBusinessDays,
  isBusinessDay,
  billingStartsOn,
  cardSideQuota,
  contractedSeats,
  deliveryDate,
  noticeDeadline,
  refuseScan,
  termEndsOn,
  termOn,
} from '../src/domain/service-contracts.js';
import { periodInvoice } from '../src/domain/recurring-billing.js';
import { noticeStopsRenewal, renewedTermStarts, serviceEndsOn, settleBaseTerm } from '../src/domain/renewals.js';
import { wholeMonths } from '../src/domain/whole-months.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('addMonths(%s, %i) = %s (clamped to the month end)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('firstOfNextMonth, isLocalDate, and the tenant-time-zone date of an instant', () => {
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2024-2-9')).toBe(false);
    // 23:30 UTC on 31 March is already 1 April in Tokyo
    expect(localDateOf(new Date('2026-03-31T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-04-01');
    expect(localDateOf(new Date('2026-03-31T15:30:00Z'), 'UTC')).toBe('2026-03-31');
  });
});

describe('L6 whole months from D to E inclusive', () => {
  it.each([
    // the vendor's worked example: 1 March -> 31 October = 8 whole months
    ['2026-03-01', '2026-10-31', 8],
    ['2026-03-02', '2026-10-31', 7],
    ['2026-04-01', '2027-03-31', 12],
    ['2026-03-31', '2026-04-28', 0],
    ['2026-03-31', '2026-04-29', 1],
    ['2026-03-31', '2026-04-30', 1],
    ['2026-10-15', '2026-10-31', 0],
    ['2026-11-01', '2026-10-31', 0],
    // month ends: orders on the 29th-31st
    ['2026-01-29', '2026-02-28', 1],
    ['2026-01-30', '2026-02-26', 0],
    ['2026-01-30', '2026-02-27', 1],
    ['2026-01-31', '2026-02-27', 1],
    ['2026-01-31', '2026-03-30', 2],
    ['2025-12-31', '2026-12-30', 12],
    // leap years
    ['2024-01-31', '2024-02-28', 1],
    ['2024-01-31', '2024-02-27', 0],
    ['2024-02-29', '2025-02-27', 12],
    ['2024-02-29', '2025-02-26', 11],
    ['2023-02-28', '2024-02-27', 12],
  ])('L6: from %s to %s = %i', (from, to, months) => {
    expect(wholeMonths(from, to)).toBe(months);
  });
});

describe('L1 price book', () => {
  it.each([
    ['LIGHT', 'MONTHLY', '2020-01-01', 580],
    ['LIGHT', 'ANNUAL', '2020-01-01', 6820],
    ['STANDARD', 'MONTHLY', '2020-01-01', 1200],
    ['STANDARD', 'ANNUAL', '2020-01-01', 14110],
    ['LIGHT', 'MONTHLY', '2014-04-12', 500],
    ['STANDARD', 'MONTHLY', '2014-04-12', 1000],
    ['STANDARD', 'ANNUAL', '2013-01-01', 11760],
    ['LIGHT', 'MONTHLY', '2014-04-13', 580],
  ] as const)('L1: %s %s, base bought on %s -> %i yen per guest', (course, cycle, bought, amount) => {
    expect(findPrice(PRICE_ROWS, { product: 'GUEST_LICENSE', course, billingCycle: cycle, on: '2026-06-01', basePurchasedOn: bought })?.amount).toBe(amount);
  });

  it('L1: rows have effective dates: a row not yet in force, or ended, does not apply', () => {
    const rows = [
      { ...PRICE_ROWS[0]!, id: 'old', effectiveTo: '2026-03-31' },
      { ...PRICE_ROWS[0]!, id: 'new', amount: 640, effectiveFrom: '2026-04-01' },
    ];
    const q = { product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', basePurchasedOn: '2020-01-01' } as const;
    expect(findPrice(rows, { ...q, on: '2026-03-31' })?.id).toBe('old');
    expect(findPrice(rows, { ...q, on: '2026-04-01' })?.amount).toBe(640);
    expect(findPrice(rows, { ...q, on: '2011-10-31' })).toBeNull();
    expect(priceBookOn(rows, '2026-04-01').map((r) => r.id)).toEqual(['new']);
    expect(priceBookOn(PRICE_ROWS, '2026-04-01')).toHaveLength(PRICE_ROWS.length);
  });

  it('L1: the price book as of a day lists one row per product, course, cycle and price class: a later row supersedes an open-ended earlier one', () => {
    const later = { ...PRICE_ROWS[0]!, id: 'later', amount: 600, effectiveFrom: '2027-04-01' };
    const legacyLater = { ...PRICE_ROWS[4]!, id: 'legacy-later', amount: 520, effectiveFrom: '2027-04-01' };
    const rows = [...PRICE_ROWS, later, legacyLater];
    expect(priceBookOn(rows, '2027-03-31')).toEqual(priceBookOn(PRICE_ROWS, '2027-03-31'));
    const book = priceBookOn(rows, '2027-04-01');
    expect(book).toHaveLength(PRICE_ROWS.length);
    expect(book.filter((r) => r.product === 'GUEST_LICENSE' && r.course === 'LIGHT' && r.billingCycle === 'MONTHLY').map((r) => [r.id, r.amount])).toEqual([
      ['later', 600],
      ['legacy-later', 520],
    ]);
    // the row the book shows is the row billing prices with
    const q = { product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', on: '2027-04-01' } as const;
    expect(findPrice(rows, { ...q, basePurchasedOn: '2020-01-01' })?.id).toBe('later');
    expect(findPrice(rows, { ...q, basePurchasedOn: '2014-01-01' })?.id).toBe('legacy-later');
  });
});

describe('invoices: 10 % tax rounded down per invoice', () => {
  it.each([
    [[9280], 9280, 928, 10208],
    [[580], 580, 58, 638],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 0, 9],
    [[15, 15], 30, 3, 33],
    [[], 0, 0, 0],
  ])('lines %j -> subtotal %i, tax %i, total %i', (amounts, subtotal, tax, total) => {
    expect(totalsOf(amounts.map((amount) => ({ amount })))).toEqual({ subtotal, tax, total });
  });
  it('tax is never on fractions of yen', () => {
    expect(taxOn(99)).toBe(9);
    expect(() => taxOn(1.5)).toThrow();
  });
});

const annual = (over: Partial<BaseContractTerms> = {}): BaseContractTerms => ({
  course: 'LIGHT',
  billingCycle: 'ANNUAL',
  startsOn: '2025-11-01',
  endsOn: '2026-10-31',
  seller: 'ONLINE_STORE',
  basePurchasedOn: '2025-11-01',
  cancelledOn: null,
  guestLicenses: 0,
  ...over,
});
const monthly = (over: Partial<BaseContractTerms> = {}) => annual({ billingCycle: 'MONTHLY', endsOn: null, course: 'STANDARD', ...over });

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ThrownRefusal) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('L5-L7 guest orders', () => {
  it("L6: the vendor's worked example: 2 Light guests on 1 March, term ending 31 October = 2 x 580 x 8 = 9,280 yen", () => {
    const quote = quoteGuestOrder(annual(), { quantity: 2, orderDate: '2026-03-01' }, PRICE_ROWS);
    expect(quote).toMatchObject({ months: 8, unitPrice: 580, subtotal: 9280, tax: 928, total: 10208, effectiveFrom: '2026-03-01', endsOn: '2026-10-31' });
    expect(quote.lines).toHaveLength(8);
    expect(quote.lines[0]).toMatchObject({ periodFrom: '2026-03-01', periodTo: '2026-03-31', amount: 1160 });
    expect(quote.lines[7]).toMatchObject({ periodFrom: '2026-10-01', periodTo: '2026-10-31' });
  });

  it.each([
    ['2026-03-02', 7],
    ['2026-09-30', 1],
    ['2026-01-31', 9],
    ['2026-02-28', 8],
  ])('L6: an annual order on %s is charged %i whole month(s) (part months dropped)', (orderDate, months) => {
    expect(quoteGuestOrder(annual(), { quantity: 1, orderDate }, PRICE_ROWS).months).toBe(months);
  });

  it('L6: under one whole month left, guests cannot be bought (BAD_USER_INPUT)', () => {
    expect(refusal(() => quoteGuestOrder(annual(), { quantity: 1, orderDate: '2026-10-02' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/Less than one whole month/) });
  });

  it('L7: annual decrease refused mid-term; monthly decrease takes effect from the 1st of next month and charges nothing', () => {
    expect(refusal(() => quoteGuestOrder(annual({ guestLicenses: 3 }), { quantity: -1, orderDate: '2026-03-01' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/renewal/) });
    const quote = quoteGuestOrder(monthly({ guestLicenses: 3 }), { quantity: -1, orderDate: '2026-03-31' }, PRICE_ROWS);
    expect(quote).toMatchObject({ months: null, subtotal: 0, total: 0, effectiveFrom: '2026-04-01', licensesFrom: '2026-04-01', endsOn: null });
  });

  it('L7/L16: a monthly increase is billed from the 1st of the next month (by that 1st-of-month invoice, none of its own), the licences usable at once', () => {
    const quote = quoteGuestOrder(monthly(), { quantity: 2, orderDate: '2026-12-31' }, PRICE_ROWS);
    expect(quote).toMatchObject({ months: null, unitPrice: 1200, subtotal: 0, tax: 0, total: 0, lines: [], effectiveFrom: '2027-01-01', licensesFrom: '2026-12-31', endsOn: null });
  });

  it('L5: monthly guests come from the base contract\'s seller; annual ones may come from another', () => {
    expect(refusal(() => quoteGuestOrder(monthly(), { quantity: 1, orderDate: '2026-03-01', seller: 'Reseller K' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/same|seller of the base contract/) });
    expect(quoteGuestOrder(annual(), { quantity: 1, orderDate: '2026-03-01', seller: 'Reseller K' }, PRICE_ROWS).subtotal).toBe(580 * 8);
  });

  it('L1/L2: the legacy row applies to bases bought on or before 2014-04-12; minimum 1, no zero orders; not below zero; L8 cancelled contracts order nothing', () => {
    expect(quoteGuestOrder(monthly({ basePurchasedOn: '2014-04-12' }), { quantity: 1, orderDate: '2026-03-01' }, PRICE_ROWS).unitPrice).toBe(1000);
    expect(refusal(() => quoteGuestOrder(monthly(), { quantity: 0, orderDate: '2026-03-01' }, PRICE_ROWS)).code).toBe('BAD_USER_INPUT');
    expect(refusal(() => quoteGuestOrder(monthly({ guestLicenses: 1 }), { quantity: -2, orderDate: '2026-03-01' }, PRICE_ROWS)).message).toMatch(/hold 1 guest licence/);
    expect(refusal(() => quoteGuestOrder(monthly({ cancelledOn: '2026-02-01' }), { quantity: 1, orderDate: '2026-03-01' }, PRICE_ROWS)).code).toBe('CONFLICT');
    expect(refusal(() => quoteGuestOrder(monthly(), { quantity: 1, orderDate: '2025-10-31' }, PRICE_ROWS)).code).toBe('BAD_USER_INPUT');
  });

  it('L7: the count in force on a date follows each order\'s licensesFrom', () => {
    const orders = [
      { quantity: 3, licensesFrom: '2026-03-10' },
      { quantity: -1, licensesFrom: '2026-04-01' },
    ];
    expect([guestLicensesOn(orders, '2026-03-09'), guestLicensesOn(orders, '2026-03-31'), guestLicensesOn(orders, '2026-04-01')]).toEqual([0, 3, 2]);
  });

  it('L3/L6/L7/L8: licences in force on a day: a future-dated order and a renewal decrease not yet due do not count; a cancelled contract has none', () => {
    const orders = [
      { quantity: 2, licensesFrom: '2026-12-15' },
      { quantity: 1, licensesFrom: '2027-01-01' }, // ordered today for 2027-01-01
      { quantity: -1, licensesFrom: '2027-11-01' }, // for the renewal
    ];
    const running = { cancelledOn: null };
    expect(['2026-12-31', '2027-01-01', '2027-11-01'].map((day) => guestLicensesInForce(running, orders, day))).toEqual([2, 3, 2]);
    expect(guestLicensesInForce({ cancelledOn: '2027-02-01' }, orders, '2027-01-31')).toBe(3);
    expect(guestLicensesInForce({ cancelledOn: '2027-02-01' }, orders, '2027-02-01')).toBe(0);
  });
});

/** A small seeded generator: the property test is repeatable, no extra dependency. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('L7/L14 renewals of the annual base contract', () => {
  it('L7: an annual decrease for the renewal is quoted at zero and takes effect on the first day of the next term', () => {
    const quote = quoteGuestOrder(annual({ guestLicenses: 3 }), { quantity: -2, orderDate: '2026-03-01', forRenewal: true }, PRICE_ROWS);
    expect(quote).toMatchObject({ quantity: -2, months: 0, subtotal: 0, tax: 0, total: 0, effectiveFrom: '2026-11-01', licensesFrom: '2026-11-01', endsOn: '2027-10-31', lines: [] });
  });

  it.each([
    ['an increase', annual({ guestLicenses: 3 }), 1, 'BAD_USER_INPUT', /Only a decrease/],
    ['on monthly billing', monthly({ guestLicenses: 3 }), -1, 'BAD_USER_INPUT', /Monthly billing has no renewal/],
    ['below zero', annual({ guestLicenses: 1 }), -2, 'BAD_USER_INPUT', /cannot remove 2/],
    ['when a notice in time ends the contract', annual({ guestLicenses: 3, terminationNoticeOn: '2026-10-01' }), -1, 'CONFLICT', /does not renew/],
  ] as const)('L7/L14: a renewal order is refused %s', (_name, contract, quantity, code, message) => {
    expect(refusal(() => quoteGuestOrder(contract, { quantity, orderDate: '2026-03-01', forRenewal: true }, PRICE_ROWS))).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('L7/L14: a notice received too late (2 October for a term ending 31 October) still lets the renewal be reduced', () => {
    expect(quoteGuestOrder(annual({ guestLicenses: 3, terminationNoticeOn: '2026-10-02' }), { quantity: -1, orderDate: '2026-10-02', forRenewal: true }, PRICE_ROWS).licensesFrom).toBe('2026-11-01');
  });

  it.each([
    ['within the term: nothing to do', '2026-10-31', null, '2026-10-31', null],
    ['monthly (no term): nothing to do', null, null, '2027-05-01', null],
    ['the day after the term: renews for a year', '2026-10-31', null, '2026-11-01', { endsOn: '2027-10-31', endedOn: null }],
    ['years later: every term renewed', '2026-10-31', null, '2029-03-01', { endsOn: '2029-10-31', endedOn: null }],
    ['notice 30 days before the end (1 Oct): ends with the term', '2026-10-31', '2026-10-01', '2026-11-01', { endsOn: '2026-10-31', endedOn: '2026-10-31' }],
    ['notice 29 days before (2 Oct): renews once more', '2026-10-31', '2026-10-02', '2026-11-01', { endsOn: '2027-10-31', endedOn: null }],
    ['notice 29 days before, a year on: ends with the following term', '2026-10-31', '2026-10-02', '2027-11-01', { endsOn: '2027-10-31', endedOn: '2027-10-31' }],
    ['leap year: a term ending 29 Feb 2028 renews to 28 Feb 2029', '2028-02-29', null, '2028-03-01', { endsOn: '2029-02-28', endedOn: null }],
    ['a term starting on 29 Feb ends on 28 Feb, not the 27th', '2028-02-28', null, '2028-02-29', { endsOn: '2029-02-28', endedOn: null }],
  ] as const)('L14: %s', (_name, termEnd, notice, today, settled) => {
    expect(settleBaseTerm(termEnd, notice, today)).toEqual(settled);
  });

  it.each([
    ['one renewal', '2026-10-31', { endsOn: '2027-10-31', endedOn: null }, ['2026-11-01']],
    ['years later: one start per renewed term', '2026-10-31', { endsOn: '2029-10-31', endedOn: null }, ['2026-11-01', '2027-11-01', '2028-11-01']],
    ['ended with its own term: nothing renewed', '2026-10-31', { endsOn: '2026-10-31', endedOn: '2026-10-31' }, []],
    ['renewed once more, then ended', '2026-10-31', { endsOn: '2027-10-31', endedOn: '2027-10-31' }, ['2026-11-01']],
    ['leap year: the term after 28 Feb 2028 starts on 29 Feb', '2028-02-28', { endsOn: '2029-02-28', endedOn: null }, ['2028-02-29']],
  ] as const)('L14: renewed term starts, %s', (_name, previousEnd, settlement, starts) => {
    expect(renewedTermStarts(previousEnd, settlement)).toEqual(starts);
  });

  // L14/L16 (issue 18 #2): a renewed annual term is one invoice, members and guests together (was two: guests apart)
  const annualSince = (startsOn: string, course: 'LIGHT' | 'STANDARD', basePurchasedOn = '2020-01-01') => ({ course, billingCycle: 'ANNUAL' as const, startsOn, cancelledOn: null, basePurchasedOn, memberSeats: 5 });
  it.each([
    ['L1/L14: 5 Light seats and 3 Light guests renewed on 1 Nov 2026 = 5 x 9,170 + 3 x 6,820', 'LIGHT', '2020-01-01', 3, '2025-11-01', '2026-11', { seats: 9170, guests: 6820, subtotal: 45850 + 20460, periodTo: '2027-10-31' }],
    ['L1/L14: 2 Standard guests = 5 x 17,640 + 2 x 14,110', 'STANDARD', '2020-01-01', 2, '2025-11-01', '2026-11', { seats: 17640, guests: 14110, subtotal: 88200 + 28220, periodTo: '2027-10-31' }],
    ['L1: a base bought on or before 2014-04-12 renews its guests at the legacy row', 'LIGHT', '2014-04-12', 1, '2025-11-01', '2026-11', { seats: 9170, guests: 5880, subtotal: 45850 + 5880, periodTo: '2027-10-31' }],
  ] as const)('%s, on one invoice', (_name, course, basePurchasedOn, guests, startsOn, period, expected) => {
    const invoice = periodInvoice(period, annualSince(startsOn, course, basePurchasedOn), [{ quantity: guests, effectiveFrom: '2026-01-10' }], PRICE_ROWS)!;
    expect(invoice).toMatchObject({ issuedOn: `${period}-01`, subtotal: expected.subtotal, tax: Math.floor(expected.subtotal / 10), total: expected.subtotal + Math.floor(expected.subtotal / 10) });
    expect(invoice.lines).toEqual([
      { description: expect.stringMatching(/Member seats/), quantity: 5, unitPrice: expected.seats, periodFrom: `${period}-01`, periodTo: expected.periodTo, amount: 5 * expected.seats },
      { description: expect.stringMatching(/renewal/), quantity: guests, unitPrice: expected.guests, periodFrom: `${period}-01`, periodTo: expected.periodTo, amount: guests * expected.guests },
    ]);
  });

  it('Q1/L16: the renewal invoice rounds its tax once (not once for the members and again for the guests)', () => {
    // rows where each line alone has a fraction of a yen of tax: 5 x 9,171 = 45,855 (4,585.5) and 1 x 6,825 (682.5)
    const rows = PRICE_ROWS.map((row) => (row.product === 'MEMBER_SEAT' && row.course === 'LIGHT' && row.billingCycle === 'ANNUAL' ? { ...row, amount: 9171 } : row.product === 'GUEST_LICENSE' && row.course === 'LIGHT' && row.billingCycle === 'ANNUAL' && !row.legacyCutoff ? { ...row, amount: 6825 } : row));
    const invoice = periodInvoice('2026-11', annualSince('2025-11-01', 'LIGHT'), [{ quantity: 1, effectiveFrom: '2026-01-10' }], rows)!;
    expect(invoice).toMatchObject({ subtotal: 52680, tax: 5268, total: 57948 });
  });

  it("L6/L16: the first term's invoice carries the seats only (guests bought before it were charged to its end with their order)", () => {
    expect(periodInvoice('2025-11', annualSince('2025-11-01', 'LIGHT'), [{ quantity: 2, effectiveFrom: '2025-11-01' }], PRICE_ROWS)?.lines).toHaveLength(1);
  });

  it('L7/L14: no guest licence held for the new term (all reduced for the renewal): seats only; no annual price row: CONFLICT in plain words', () => {
    const reduced = [{ quantity: 2, effectiveFrom: '2026-01-10' }, { quantity: -2, effectiveFrom: '2026-11-01' }];
    expect(periodInvoice('2026-11', annualSince('2025-11-01', 'LIGHT'), reduced, PRICE_ROWS)?.lines.map((line) => line.quantity)).toEqual([5]);
    const noAnnualGuestRow = PRICE_ROWS.filter((row) => !(row.product === 'GUEST_LICENSE' && row.billingCycle === 'ANNUAL'));
    expect(refusal(() => periodInvoice('2026-11', annualSince('2025-11-01', 'LIGHT'), [{ quantity: 1, effectiveFrom: '2026-01-10' }], noAnnualGuestRow))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/No GUEST_LICENSE price row/) });
  });

  it.each([
    ['2026-10-01', '2026-10-31', true, '2026-10-31'],
    ['2026-10-02', '2026-10-31', false, '2027-10-31'],
    ['2026-01-01', '2026-10-31', true, '2026-10-31'],
  ] as const)('L14: a notice received on %s, term ending %s: stops this renewal %s, the contract ends on %s', (receivedOn, termEnd, stops, endsOn) => {
    expect(noticeStopsRenewal(receivedOn, termEnd)).toBe(stops);
    expect(serviceEndsOn(receivedOn, termEnd)).toBe(endsOn);
  });
});

describe('property: quotes agree with their invoice lines', () => {
  it('L6/L7: for random order dates and terms, the quoted amount equals the sum of the invoice lines and the months never exceed the term', () => {
    const next = random(20260401);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let checked = 0;
    for (let run = 0; run < 2000; run++) {
      const startsOn = addMonths('2012-01-01', Math.floor(next() * 180)).slice(0, 8) + String(1 + Math.floor(next() * 28)).padStart(2, '0');
      const termMonths = pick([12, 12, 24, 36]);
      const endsOn = addMonths(startsOn, termMonths);
      const end = new Date(Date.parse(`${endsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const offsetDays = Math.floor(next() * (termMonths * 31 + 10));
      const orderDate = new Date(Date.parse(`${startsOn}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
      const contract = annual({ startsOn, endsOn: end, course: pick(['LIGHT', 'STANDARD']), billingCycle: pick(['ANNUAL', 'MONTHLY']), basePurchasedOn: startsOn });
      const quantity = 1 + Math.floor(next() * 50);
      let quote;
      try {
        quote = quoteGuestOrder(contract, { quantity, orderDate }, PRICE_ROWS);
      } catch (error) {
        expect(error).toBeInstanceOf(ThrownRefusal);
        expect(contract.billingCycle === 'ANNUAL' && wholeMonths(orderDate, end) < 1).toBe(true);
        continue;
      }
      checked++;
      const sum = quote.lines.reduce((s, l) => s + l.amount, 0);
      expect(quote.subtotal).toBe(sum);
      expect(quote.total).toBe(totalsOf(quote.lines).total);
      expect(quote.tax).toBe(Math.floor(sum / 10));
      const months = quote.months;
      if (months !== null) {
        expect(months).toBeLessThanOrEqual(termMonths);
        expect(months).toBe(quote.lines.length);
        expect(quote.subtotal).toBe(quote.unitPrice * quantity * months);
        expect((quote.lines.at(-1)?.periodTo ?? '') <= end).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('L3/L8/L9 guest licence status', () => {
  const tz = { cancelled: false, timeZone: 'Asia/Tokyo' };
  const signedIn = new Date('2026-03-01T03:00:00Z'); // 1 March, 12:00 in Tokyo
  it.each([
    ['L3: before the first sign-in the trial has not started', { firstSignInAt: null, isLinked: false, hasAssignedLicense: false }, tz, '2027-01-01', 'TRIAL', null],
    ['L3: day 1 of the trial', { firstSignInAt: signedIn, isLinked: false, hasAssignedLicense: false }, tz, '2026-03-01', 'TRIAL', '2026-03-30'],
    ['L3: day 30, the last day', { firstSignInAt: signedIn, isLinked: false, hasAssignedLicense: false }, tz, '2026-03-30', 'TRIAL', '2026-03-30'],
    ['L3: day 31: expired, nothing charged', { firstSignInAt: signedIn, isLinked: false, hasAssignedLicense: false }, tz, '2026-03-31', 'TRIAL_EXPIRED', '2026-03-30'],
    ['L3: a licence assigned', { firstSignInAt: signedIn, isLinked: false, hasAssignedLicense: true }, tz, '2026-06-01', 'LICENSED', '2026-03-30'],
    ['L9: a linked guest is free', { firstSignInAt: signedIn, isLinked: true, hasAssignedLicense: false }, tz, '2026-06-01', 'FREE', '2026-03-30'],
    ['L8: a cancelled base contract cancels the licence', { firstSignInAt: signedIn, isLinked: false, hasAssignedLicense: true }, { ...tz, cancelled: true }, '2026-06-01', 'TRIAL_EXPIRED', '2026-03-30'],
  ] as const)('%s', (_name, guest, tenant, today, status, endsOn) => {
    expect(guestLicenseStatus(guest, tenant, today)).toEqual({ status, trialEndsOn: endsOn });
  });

  it('L3: the first sign-in day is the tenant\'s calendar day (Tokyo by default)', () => {
    // 20:00 UTC on 28 Feb is already 1 March in Tokyo
    expect(trialEndsOn(new Date('2026-02-28T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-03-30');
    expect(trialEndsOn(new Date('2026-02-28T20:00:00Z'), 'UTC')).toBe('2026-03-29');
    expect(grantsAccess('TRIAL_EXPIRED')).toBe(false);
    expect(['TRIAL', 'LICENSED', 'FREE'].every((s) => grantsAccess(s as 'TRIAL'))).toBe(true);
  });
});

describe('L4/L10 quotas', () => {
  it.each([
    [0, 0],
    [1, 5 * 1024 ** 3],
    [100, 500 * 1024 ** 3],
  ])('L4: %i member(s) -> %i bytes (guests add nothing)', (members, bytes) => {
    expect(storageQuotaBytes(members)).toBe(bytes);
  });
  it('L10: 5 guests per paid member; the invitation beyond is refused with the numbers', () => {
    expect(guestAllowance(100)).toBe(500);
  });
});

describe('L11-L15 service contracts', () => {
  it.each([
    [1, 5],
    [5, 5],
    [6, 6],
  ])('L12: %i user(s) -> %i named licences (minimum 5)', (users, seats) => {
    expect(contractedSeats(users)).toBe(seats);
  });

  it.each([
    // Mon 2 Nov 2026 (Culture Day 3 Nov is a holiday): 8 business days -> Fri 13 Nov
    ['2026-11-02', 'CLOUD', '2026-11-13'],
    ['2026-11-02', 'ON_PREMISES', '2026-11-19'],
    // across Golden Week 2026 (29 Apr, 3-6 May holidays incl. the substitute holiday)
    ['2026-04-24', 'CLOUD', '2026-05-12'],
    // papers on a Saturday: counting starts on Monday
    ['2026-01-03', 'CLOUD', '2026-01-15'],
  ] as const)('L13: papers on %s, %s -> delivered %s (business days, Japanese holidays)', (papers, deployment, delivered) => {
    expect(deliveryDate(papers, deployment)).toBe(delivered);
  });

  it('L13: over New Year the vendor is closed 29 Dec - 3 Jan, as support is: papers on Thu 17 Dec 2026 -> delivered Mon 4 Jan 2027, billing from 1 March', () => {
    // 18, 21, 22, 23, 24, 25, 28 Dec = 7 business days; 29-31 Dec and 1-3 Jan closed; 4 Jan = the 8th
    expect(deliveryDate('2026-12-17', 'CLOUD')).toBe('2027-01-04');
    expect(billingStartsOn(deliveryDate('2026-12-17', 'CLOUD'))).toBe('2027-03-01');
    // counting national holidays only (the old calendar) would have delivered on 29 Dec and billed from 1 February
    expect(deliveryDate('2026-12-17', 'CLOUD', japaneseBusinessCalendar([]))).toBe('2026-12-29');
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(isBusinessDay(day), day).toBe(false);
    expect(isBusinessDay('2027-01-04')).toBe(true);
  });

  it('L13: billing from day 1 of the second month after delivery; a term is one year', () => {
    expect(billingStartsOn('2026-11-10')).toBe('2027-01-01');
    expect(billingStartsOn('2026-12-31')).toBe('2027-02-01');
    expect(termEndsOn('2027-01-01')).toBe('2027-12-31');
    expect(termEndsOn('2028-02-29')).toBe('2029-02-28');
    expect(termEndsOn('2027-03-01')).toBe('2028-02-29');
    // without closing days, and with a holiday table that has none at the year's end, 29 December is a plain Tuesday
    expect(addBusinessDays('2026-12-28', 1, japaneseBusinessCalendar([], { '2026-01-01': { name: '元日', name_en: "New Year's Day" } }))).toBe('2026-12-29');
  });

  it.each([
    ['no notice: renews', null, '2027-12-31', { startsOn: '2027-01-01', endsOn: '2027-12-31', renews: true, ended: false }],
    ['no notice: the second year', null, '2028-01-01', { startsOn: '2028-01-01', endsOn: '2028-12-31', renews: true, ended: false }],
    ['notice 30 days before the end (1 Dec): ends', '2027-12-01', '2027-12-15', { startsOn: '2027-01-01', endsOn: '2027-12-31', renews: false, ended: false }],
    ['notice 29 days before (2 Dec): renews once more', '2027-12-02', '2028-01-01', { startsOn: '2028-01-01', endsOn: '2028-12-31', renews: false, ended: false }],
    ['after a stopped term the service has ended', '2027-06-01', '2028-01-01', { startsOn: '2027-01-01', endsOn: '2027-12-31', renews: false, ended: true }],
    ['set-up period: the first term', null, '2026-12-01', { startsOn: '2027-01-01', endsOn: '2027-12-31', renews: true, ended: false }],
  ] as const)('L14: %s', (_name, notice, today, term) => {
    expect(termOn('2027-01-01', notice, today)).toEqual(term);
    expect(noticeDeadline('2027-12-31')).toBe('2027-12-01');
  });

  it('L15: each side counts; beyond the included sides and packs a scan is refused', () => {
    const quota = cardSideQuota(1000, 1000);
    expect(quota).toBe(2000);
    expect(refuseScan(1998, 2, quota)).toBeNull();
    const refused = refuseScan(1999, 2, quota)!;
    expect(refused).toEqual({ key: 'scanBeyondQuota', params: { scanSides: '2', left: '1', quota: '2,000' } });
    expect(licensingRefusals.message(refused.key, 'en', refused.params)).toMatch(/needs 2 card side\(s\) but only 1 of 2,000/);
    expect(licensingRefusals.message(refused.key, 'ja', refused.params)).toMatch(/2,000 面中 1 面/);
  });
});
