import { addDays, addMonths, type LocalDate } from './calendar-dates.js';

/**
 * L6: whole months from order date D to end date E (both inclusive) = the largest m with
 * addMonths(D, m) - 1 day <= E, where addMonths clamps to the month's last day. A part month
 * is dropped. 0 when not even one whole month is left (or E is before D).
 */
export function wholeMonths(from: LocalDate, to: LocalDate): number {
  let months = 0;
  while (addDays(addMonths(from, months + 1), -1) <= to) months++;
  return months;
}

/** The i-th whole month of a period starting on D: [addMonths(D, i), addMonths(D, i + 1) - 1 day]. */
export function monthPeriod(from: LocalDate, index: number): { from: LocalDate; to: LocalDate } {
  return { from: addMonths(from, index), to: addDays(addMonths(from, index + 1), -1) };
}
