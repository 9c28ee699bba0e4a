import { ThrownRefusal } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { courseForOrder, courseOn, quoteCourseChange, type CourseContractTerms } from '../src/domain/course-orders.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const annualLight: CourseContractTerms = {
  courseHeld: 'LIGHT',
  courseInForce: 'LIGHT',
  billingCycle: 'ANNUAL',
  startsOn: '2025-11-01',
  endsOn: '2026-10-31',
  basePurchasedOn: '2025-11-01',
  cancelledOn: null,
  seatsInForce: 10,
};
const monthlyLight: CourseContractTerms = { ...annualLight, billingCycle: 'MONTHLY', endsOn: null };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ThrownRefusal) return { code: error.code, message: error.message, field: error.field };
  }
  throw new Error('no refusal');
};

describe('T6 course changes (domain)', () => {
  it('T6: annual upgrade mid-term = whole months left x (Standard 1,500 - Light 780) x seats in force: 1 March to 31 October, 10 seats = 8 x 720 x 10 = 57,600', () => {
    const quote = quoteCourseChange(annualLight, { course: 'STANDARD', orderDate: '2026-03-01' }, PRICE_ROWS);
    expect(quote).toMatchObject({ courseBefore: 'LIGHT', course: 'STANDARD', months: 8, seats: 10, unitPrice: 720, subtotal: 57600, tax: 5760, total: 63360, effectiveFrom: '2026-03-01', courseFrom: '2026-03-01' });
    expect(quote.lines).toHaveLength(8);
    expect(quote.lines[0]).toMatchObject({ quantity: 10, unitPrice: 720, periodFrom: '2026-03-01', periodTo: '2026-03-31', amount: 7200 });
    // L6: a part month is dropped
    expect(quoteCourseChange(annualLight, { course: 'STANDARD', orderDate: '2026-03-02' }, PRICE_ROWS).months).toBe(7);
    expect(refusal(() => quoteCourseChange(annualLight, { course: 'STANDARD', orderDate: '2026-10-15' }, PRICE_ROWS)).code).toBe('BAD_USER_INPUT');
  });

  it('T6: an annual upgrade when the price book makes Light dearer than Standard costs nothing (it failed with an internal error; found by the lifetime property suite)', () => {
    const rows = [...PRICE_ROWS, { ...PRICE_ROWS.find((row) => row.product === 'MEMBER_SEAT' && row.course === 'LIGHT' && row.billingCycle === 'MONTHLY')!, id: 'dear-light', amount: 1_600, effectiveFrom: '2026-02-01' }];
    expect(quoteCourseChange(annualLight, { course: 'STANDARD', orderDate: '2026-03-01' }, rows)).toMatchObject({ unitPrice: 0, subtotal: 0, total: 0 });
  });

  it('T6: annual downgrade is refused mid-term (naming T6) and ordered for the renewal at no charge', () => {
    const standard = { ...annualLight, courseHeld: 'STANDARD', courseInForce: 'STANDARD' } as const;
    expect(refusal(() => quoteCourseChange(standard, { course: 'LIGHT', orderDate: '2026-03-01' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^T6:/) });
    expect(quoteCourseChange(standard, { course: 'LIGHT', orderDate: '2026-03-01', forRenewal: true }, PRICE_ROWS)).toMatchObject({ months: 0, total: 0, effectiveFrom: '2026-11-01', courseFrom: '2026-11-01', lines: [] });
    // an upgrade is not held for the renewal, and a notice that stops the renewal leaves none to downgrade
    expect(refusal(() => quoteCourseChange(annualLight, { course: 'STANDARD', orderDate: '2026-03-01', forRenewal: true }, PRICE_ROWS)).field).toBe('forRenewal');
    expect(refusal(() => quoteCourseChange({ ...standard, terminationNoticeOn: '2026-02-01' }, { course: 'LIGHT', orderDate: '2026-03-01', forRenewal: true }, PRICE_ROWS)).code).toBe('CONFLICT');
  });

  it('T6: monthly upgrade is usable at once and billed from next month (nothing now); a downgrade takes effect on the 1st of next month', () => {
    expect(quoteCourseChange(monthlyLight, { course: 'STANDARD', orderDate: '2026-04-20' }, PRICE_ROWS)).toMatchObject({ total: 0, months: null, courseFrom: '2026-04-20', effectiveFrom: '2026-05-01' });
    const standard = { ...monthlyLight, courseHeld: 'STANDARD', courseInForce: 'STANDARD' } as const;
    expect(quoteCourseChange(standard, { course: 'LIGHT', orderDate: '2026-04-20' }, PRICE_ROWS)).toMatchObject({ total: 0, courseFrom: '2026-05-01', effectiveFrom: '2026-05-01' });
    expect(refusal(() => quoteCourseChange(standard, { course: 'LIGHT', orderDate: '2026-04-20', forRenewal: true }, PRICE_ROWS)).field).toBe('forRenewal');
  });

  it('T6: refuses the same course, a second change while one is pending, a cancelled contract and a date before the start', () => {
    expect(refusal(() => quoteCourseChange(annualLight, { course: 'LIGHT', orderDate: '2026-03-01' }, PRICE_ROWS))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'course', message: expect.stringMatching(/^T6:/) });
    expect(refusal(() => quoteCourseChange({ ...monthlyLight, courseInForce: 'STANDARD' }, { course: 'STANDARD', orderDate: '2026-04-20' }, PRICE_ROWS)).code).toBe('CONFLICT');
    expect(refusal(() => quoteCourseChange({ ...monthlyLight, cancelledOn: '2026-04-01' }, { course: 'STANDARD', orderDate: '2026-04-20' }, PRICE_ROWS)).code).toBe('CONFLICT');
    expect(refusal(() => quoteCourseChange(monthlyLight, { course: 'STANDARD', orderDate: '2025-10-31' }, PRICE_ROWS)).field).toBe('orderDate');
  });

  it('T6: the course in force on a day follows each change from its courseFrom', () => {
    const orders = [
      { courseBefore: 'LIGHT', courseFrom: '2026-04-20' },
      { courseBefore: 'STANDARD', courseFrom: '2026-06-01' },
    ] as const;
    expect(courseOn('LIGHT', orders, '2026-04-19')).toBe('LIGHT');
    expect(courseOn('LIGHT', orders, '2026-04-20')).toBe('STANDARD');
    expect(courseOn('LIGHT', orders, '2026-05-31')).toBe('STANDARD');
    expect(courseOn('LIGHT', orders, '2026-06-01')).toBe('LIGHT');
    expect(courseOn('STANDARD', [], '2026-06-01')).toBe('STANDARD');
  });

  it('T6: a seat or guest order is priced at the course in force (annual: on the order date; monthly: on its first billed month)', () => {
    const renewalDowngrade = [{ courseBefore: 'STANDARD', courseFrom: '2026-11-01' }] as const;
    expect(courseForOrder({ course: 'LIGHT', billingCycle: 'ANNUAL' }, renewalDowngrade, '2026-06-10')).toBe('STANDARD');
    expect(courseForOrder({ course: 'LIGHT', billingCycle: 'ANNUAL' }, renewalDowngrade, '2026-11-01')).toBe('LIGHT');
    const monthlyDowngrade = [{ courseBefore: 'STANDARD', courseFrom: '2026-07-01' }] as const;
    expect(courseForOrder({ course: 'LIGHT', billingCycle: 'MONTHLY' }, monthlyDowngrade, '2026-06-10')).toBe('LIGHT');
  });
});
