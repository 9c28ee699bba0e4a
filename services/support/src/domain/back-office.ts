import type { RefusalOf } from '@kyodo/subgraph-kit';

/**
 * The vendor's back office for the support desk (P5 catalogue, P7 closing days): the checks a
 * change must pass, as plain functions. Each returns null or the refusal (key and parameters).
 */

/** P5: a product id is what tickets and licence certificates name: lower-case letters, digits, hyphens. */
export function productIdProblem(id: string): RefusalOf<'productIdFormat'> | null {
  return /^[a-z][a-z0-9-]{1,39}$/.test(id) ? null : { key: 'productIdFormat' };
}

export function versionProblem(version: string): RefusalOf<'versionFormat'> | null {
  return /^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/.test(version) ? null : { key: 'versionFormat' };
}

/** A calendar day written YYYY-MM-DD (the end of support is a Tokyo calendar day, P5). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return y >= 1970 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * P7: a closing day is a real day of the month: every year (no year; 29 February allowed, it is
 * closed in leap years) or once in a given year.
 */
export function closingDayProblem(day: { year: number | null; month: number; day: number }): RefusalOf<'closingDayYear' | 'closingDayMonth' | 'closingDayDay'> | null {
  if (day.year !== null && (!Number.isInteger(day.year) || day.year < 1970 || day.year > 2999)) return { key: 'closingDayYear' };
  if (!Number.isInteger(day.month) || day.month < 1 || day.month > 12) return { key: 'closingDayMonth' };
  const lastDay = new Date(Date.UTC(day.year ?? 2000, day.month, 0)).getUTCDate();
  if (!Number.isInteger(day.day) || day.day < 1 || day.day > lastDay) return { key: 'closingDayDay', params: { lastDay } };
  return null;
}
