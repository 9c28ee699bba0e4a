/**
 * How figures read in a refusal's parameters (I1): a domain rule refuses by throwing
 * `licensingRefusals.thrown({ key, params })` (the kit's refusal as data, worded in the request's
 * language by `applyRule`); amounts go in grouped, dates as YYYY-MM-DD.
 */

/** A count or amount as the catalogue shows it: grouped by thousands (10,000). */
export const grouped = (value: number) => value.toLocaleString('en-US');

export const yen = (amount: number) => `${grouped(amount)} yen`;
