/**
 * The vendor's back office for the support desk (P5 catalogue, P7 closing days): the checks a
 * change must pass, as plain functions. Each returns the normalised value or an error message.
 */

/** P5: a product id is what tickets and licence certificates name: lower-case letters, digits, hyphens. */
export function productIdProblem(id: string): string | null {
  return /^[a-z][a-z0-9-]{1,39}$/.test(id) ? null : 'A product ID is 2-40 lower-case letters, digits and hyphens, starting with a letter (e.g. dezie).';
}

export function versionProblem(version: string): string | null {
  return /^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/.test(version) ? null : 'A version is 1-40 letters, digits, dots and hyphens (e.g. 7 or 7.1).';
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
export function closingDayProblem(day: { year: number | null; month: number; day: number }): string | null {
  if (day.year !== null && (!Number.isInteger(day.year) || day.year < 1970 || day.year > 2999)) return 'The year is from 1970 to 2999, or none for every year.';
  if (!Number.isInteger(day.month) || day.month < 1 || day.month > 12) return 'The month is 1 to 12.';
  const lastDay = new Date(Date.UTC(day.year ?? 2000, day.month, 0)).getUTCDate();
  if (!Number.isInteger(day.day) || day.day < 1 || day.day > lastDay) return `The day is 1 to ${lastDay} in that month.`;
  return null;
}
