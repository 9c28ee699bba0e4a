import holidayJp from '@holiday-jp/holiday_jp';

/**
 * The vendor's one business calendar (P7 support deadlines, L13 delivery of the card service):
 * weekdays that are neither a Japanese national holiday nor one of the vendor's closing days.
 *
 * P7: support hours are 9:30-17:30 Asia/Tokyo on weekdays, except Japanese national holidays
 * (substitute holidays included) and the vendor's own closing days. Japan has no daylight
 * saving time, so Tokyo is always UTC+9 and plain arithmetic on the instant is exact.
 */
export const SUPPORT_TIME_ZONE = 'Asia/Tokyo';
export const OPENING_TIME = '09:30';
export const CLOSING_TIME = '17:30';
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A calendar day in Asia/Tokyo, 'YYYY-MM-DD'. */
export type LocalDate = string;

/**
 * A day the vendor closes: every year on month/day (the New Year break) when `year` is null,
 * or once on that date.
 */
export interface ClosingDay {
  month: number;
  day: number;
  year: number | null;
  reason: string;
}

/**
 * The vendor's closing days every year (our policy): the New Year break, 29 December to 3 January.
 * Support keeps them, and any one-off closing day, as rows of its own as well; both calendars
 * start from this list, so "business day" means the same in every service.
 */
export const VENDOR_CLOSING_DAYS: readonly ClosingDay[] = [
  { month: 12, day: 29, year: null, reason: 'New Year break' },
  { month: 12, day: 30, year: null, reason: 'New Year break' },
  { month: 12, day: 31, year: null, reason: 'New Year break' },
  { month: 1, day: 1, year: null, reason: 'New Year break' },
  { month: 1, day: 2, year: null, reason: 'New Year break' },
  { month: 1, day: 3, year: null, reason: 'New Year break' },
];

export interface BusinessCalendar {
  /** Why the day is not a business day ("Saturday", a holiday's name...), or null when it is one. */
  closedBecause(day: LocalDate): string | null;
  /**
   * The days the calendar can answer for: whole years of its holiday table. Outside them a
   * holiday is unknown, so a deadline there would be a guess.
   */
  readonly covers: { readonly from: LocalDate; readonly to: LocalDate };
}

/** P7: an instant or deadline outside the days the calendar covers (a client's mistake, not a fault). */
export class OutsideCalendarError extends Error {
  constructor(readonly covers: BusinessCalendar['covers']) {
    super(`The support calendar covers ${covers.from} to ${covers.to} (Asia/Tokyo), the years its national holidays are known for.`);
  }
}

/** The Tokyo calendar day an instant falls on. */
export function tokyoDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Tokyo wall-clock time ('HH:MM') happens on a Tokyo day. */
export function tokyoInstant(day: LocalDate, time: string): Date {
  return new Date(new Date(`${day}T${time}:00.000Z`).getTime() - TOKYO_OFFSET_MS);
}

export function nextDay(day: LocalDate): LocalDate {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const WEEKEND: Record<number, string> = { 0: 'Sunday', 6: 'Saturday' };

export interface NationalHolidays {
  readonly [day: string]: { readonly name: string; readonly name_en: string } | undefined;
}

/** The whole years a holiday table covers, worked out once per table (support builds a calendar per request). */
const coverage = new WeakMap<NationalHolidays, BusinessCalendar['covers']>();
function coverageOf(holidays: NationalHolidays): BusinessCalendar['covers'] {
  let covers = coverage.get(holidays);
  if (!covers) {
    const years = Object.keys(holidays).map((day) => Number(day.slice(0, 4)));
    if (years.length === 0) throw new Error('the national holiday table is empty: the business calendar cannot answer for any day');
    covers = { from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years)}-12-31` };
    coverage.set(holidays, covers);
  }
  return covers;
}

/**
 * The Japanese calendar: weekends, national holidays from @holiday-jp/holiday_jp (kept current
 * by updating the package; it covers substitute and citizens' holidays), and the vendor's
 * closing days as data.
 */
export function japaneseBusinessCalendar(
  closingDays: readonly ClosingDay[],
  holidays: NationalHolidays = holidayJp.holidays as NationalHolidays,
): BusinessCalendar {
  const covers = coverageOf(holidays);
  return {
    covers,
    closedBecause(day) {
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
      if (WEEKEND[weekday]) return WEEKEND[weekday];
      const holiday = holidays[day];
      if (holiday) return `${holiday.name} (${holiday.name_en})`;
      const closing = closingDays.find((c) => c.month === month && c.day === date && (c.year === null || c.year === year));
      return closing ? closing.reason : null;
    },
  };
}

export function isBusinessDay(day: LocalDate, calendar: BusinessCalendar): boolean {
  return calendar.closedBecause(day) === null;
}

/**
 * P7: due = 17:30 Tokyo on the first business day strictly after the Tokyo day the ticket was
 * received. The time of receipt within that day does not matter (before opening, after
 * closing, on a holiday: it is still "the day received").
 */
export function businessDeadline(receivedAt: Date, calendar: BusinessCalendar): Date {
  const { from, to } = calendar.covers;
  // checked as instants before any date arithmetic: near the ends of Date's range the Tokyo
  // offset alone overflows, and past year 9999 a date no longer prints as 'YYYY-MM-DD'
  const t = receivedAt.getTime();
  if (!(t >= tokyoInstant(from, '00:00').getTime() && t < tokyoInstant(nextDay(to), '00:00').getTime())) throw new OutsideCalendarError(calendar.covers);
  let day = nextDay(tokyoDate(receivedAt));
  // a year without one business day means the closing-day data is wrong: stop rather than loop
  for (let i = 0; i < 366; i++, day = nextDay(day)) {
    // the deadline itself must be a day whose holidays are known
    if (day > to) throw new OutsideCalendarError(calendar.covers);
    if (isBusinessDay(day, calendar)) return tokyoInstant(day, CLOSING_TIME);
  }
  throw new Error(`no business day within a year after ${tokyoDate(receivedAt)}: check the support closing days`);
}
