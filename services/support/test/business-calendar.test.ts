import { describe, expect, it } from 'vitest';
import {
  businessDeadline,
  japaneseBusinessCalendar,
  OutsideCalendarError,
  tokyoDate,
  type ClosingDay,
} from '../src/domain/business-calendar.js';

/** The New Year break as the migration ships it, plus one one-off closing day (a Friday). */
const NEW_YEAR: ClosingDay[] = [
  [12, 29],
  [12, 30],
  [12, 31],
  [1, 1],
  [1, 2],
  [1, 3],
].map(([month, day]) => ({ month: month!, day: day!, year: null, reason: 'New Year break' }));
const calendar = japaneseBusinessCalendar([...NEW_YEAR, { year: 2025, month: 10, day: 10, reason: 'Company foundation day' }]);

/** 17:30 in Tokyo is 08:30 UTC. */
const dueOn = (day: string) => `${day}T08:30:00.000Z`;

describe('P7 businessDeadline: 17:30 Asia/Tokyo on the first business day strictly after the Tokyo day received', () => {
  it.each([
    // [case, received at (UTC), due Tokyo day]
    ['weekday -> next weekday (Wed 10:00 JST)', '2025-11-19T01:00:00Z', '2025-11-20'],
    ['weekday -> next weekday (Mon 14:00 JST)', '2025-11-17T05:00:00Z', '2025-11-18'],
    ['Friday -> Monday', '2025-11-14T03:00:00Z', '2025-11-17'],
    ['Friday after closing -> Monday', '2025-11-14T09:00:00Z', '2025-11-17'],
    ['Saturday -> Monday', '2025-11-15T02:00:00Z', '2025-11-17'],
    ['Sunday -> Monday', '2025-11-16T02:00:00Z', '2025-11-17'],
    ['received on a national holiday (Culture Day, Mon 2025-11-03) -> Tuesday', '2025-11-03T00:00:00Z', '2025-11-04'],
    ['Sunday before a Monday holiday -> Tuesday', '2025-11-02T02:00:00Z', '2025-11-04'],
    ['day before a Tuesday holiday (Showa Day 2025-04-29) -> Wednesday', '2025-04-28T02:00:00Z', '2025-04-30'],
    ['day before a Wednesday holiday (National Foundation Day 2026-02-11) -> Thursday', '2026-02-10T02:00:00Z', '2026-02-12'],
    ['Golden Week 2025: substitute holiday Tue 2025-05-06 skipped', '2025-05-02T02:00:00Z', '2025-05-07'],
    ['Golden Week 2026: substitute holiday Wed 2026-05-06 skipped', '2026-05-01T02:00:00Z', '2026-05-07'],
    ['substitute holiday Mon 2025-11-24 (Labour Thanksgiving on a Sunday) skipped', '2025-11-21T02:00:00Z', '2025-11-25'],
    ['substitute holiday Mon 2025-02-24 (Emperor\'s Birthday on a Sunday) skipped', '2025-02-21T02:00:00Z', '2025-02-25'],
    ['New Year: last Friday of the year -> first Monday after the break', '2025-12-26T02:00:00Z', '2026-01-05'],
    ['New Year: received during the break (Dec 30)', '2025-12-30T02:00:00Z', '2026-01-05'],
    ['New Year: received on New Year\'s Day', '2026-01-01T02:00:00Z', '2026-01-05'],
    ['New Year 2027: break ends Sunday 2027-01-03 -> Monday 2027-01-04', '2026-12-28T02:00:00Z', '2027-01-04'],
    ['closing day (Fri 2025-10-10) then Sports Day (Mon 10-13) skipped', '2025-10-09T02:00:00Z', '2025-10-14'],
    ['received before opening (Wed 08:00 JST) still counts as that day', '2025-11-18T23:00:00Z', '2025-11-20'],
    ['received after closing (Wed 20:00 JST) still counts as that day', '2025-11-19T11:00:00Z', '2025-11-20'],
    ['one second before midnight in Tokyo (Wed 23:59:59 JST) is still Wednesday', '2025-11-19T14:59:59Z', '2025-11-20'],
    ['midnight in Tokyo is already Thursday', '2025-11-19T15:00:00Z', '2025-11-21'],
    ['just before midnight UTC (Wed 23:59Z) is Thursday 08:59 in Tokyo', '2025-11-19T23:59:00Z', '2025-11-21'],
    ['Friday 23:30 UTC is Saturday in Tokyo -> Monday', '2025-11-14T23:30:00Z', '2025-11-17'],
  ])('P7: %s', (_case, receivedAt, dueDay) => {
    expect(businessDeadline(new Date(receivedAt), calendar).toISOString()).toBe(dueOn(dueDay));
  });

  it('P7: a yearly closing day applies every year; a one-off only in its year', () => {
    expect(calendar.closedBecause('2030-12-30')).toBe('New Year break');
    expect(calendar.closedBecause('2025-10-10')).toBe('Company foundation day');
    expect(calendar.closedBecause('2031-10-10')).toBeNull(); // a Friday in 2031, not closed
  });

  it('P7: names why a day is not a business day', () => {
    expect(calendar.closedBecause('2025-11-15')).toBe('Saturday');
    expect(calendar.closedBecause('2025-05-06')).toMatch(/振替休日/);
    expect(calendar.closedBecause('2025-11-19')).toBeNull();
  });

  it('P7: the holiday table can be swapped (a holiday the package does not know yet)', () => {
    const custom = japaneseBusinessCalendar([], { '2025-11-20': { name: '臨時休日', name_en: 'Special holiday' } });
    expect(businessDeadline(new Date('2025-11-19T01:00:00Z'), custom).toISOString()).toBe(dueOn('2025-11-21'));
  });

  it('stops with a clear error when the closing days leave no business day in a year', () => {
    const everyDay: ClosingDay[] = [];
    for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) everyDay.push({ month: m, day: d, year: null, reason: 'closed' });
    expect(() => businessDeadline(new Date('2025-11-19T01:00:00Z'), japaneseBusinessCalendar(everyDay))).toThrow(/no business day/);
  });

  it('P7: covers whole years of the holiday table; a receipt or a deadline outside them is an OutsideCalendarError, not a guess', () => {
    expect(calendar.covers).toEqual({ from: '1970-01-01', to: '2050-12-31' });
    for (const at of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '1969-12-31T14:59:59Z', '2050-12-31T15:00:00Z', '+275760-09-13T00:00:00Z']) {
      expect(() => businessDeadline(new Date(at), calendar), at).toThrow(OutsideCalendarError);
    }
    // received inside, but the next business day would fall after the covered years (New Year break)
    expect(() => businessDeadline(new Date('2050-12-28T03:00:00Z'), calendar)).toThrow(/1970-01-01 to 2050-12-31/);
    expect(businessDeadline(new Date('1969-12-31T15:00:00Z'), calendar).toISOString()).toBe(dueOn('1970-01-05'));
  });

  it('tokyoDate: the calendar day in Asia/Tokyo (UTC+9, no daylight saving)', () => {
    expect(tokyoDate(new Date('2025-11-19T14:59:59.999Z'))).toBe('2025-11-19');
    expect(tokyoDate(new Date('2025-11-19T15:00:00Z'))).toBe('2025-11-20');
  });
});
