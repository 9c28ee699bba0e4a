/**
 * Calendar dates as 'YYYY-MM-DD' strings (no time, no zone): what contracts, orders and
 * invoices are dated with. Plain string comparison orders them.
 */
export type LocalDate = string;

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates a client may send (our policy): from the Unix epoch to the end of 2999. Year 0 and
 * 9999 are valid ISO dates, but Date.UTC reads years 0-99 as 1900-1999 and a term end or
 * renewal a year after 9999-12-31 is no longer 'YYYY-MM-DD'; every date the rules compute from
 * an accepted one stays far inside what they handle.
 */
export const ACCEPTED_DATES = { from: '1970-01-01', to: '2999-12-31' } as const;

export function isLocalDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** A real calendar day within ACCEPTED_DATES: what a date from a client must be. */
export function isAcceptedDate(value: string): boolean {
  return isLocalDate(value) && value >= ACCEPTED_DATES.from && value <= ACCEPTED_DATES.to;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: LocalDate): [number, number, number] {
  const match = PATTERN.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Adds whole months; a day that does not exist in the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function firstOfMonth(date: LocalDate): LocalDate {
  const [y, m] = parts(date);
  return format(y, m, 1);
}

export function lastOfMonth(date: LocalDate): LocalDate {
  const [y, m] = parts(date);
  return format(y, m, daysInMonth(y, m));
}

export function firstOfNextMonth(date: LocalDate): LocalDate {
  return addMonths(firstOfMonth(date), 1);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The calendar date an instant falls on in a time zone (the tenant's; Asia/Tokyo by default). */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const formatted = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return formatted;
}

function zoneOffsetMs(instant: Date, timeZone: string): number {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(fields.year), Number(fields.month) - 1, Number(fields.day), Number(fields.hour), Number(fields.minute), Number(fields.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar date begins in a time zone (00:00 there): when a dated rule takes effect for other services. */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [y, m, d] = parts(date);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  // once more at the found instant: a zone whose offset changes that night (DST) settles here
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}
