import { licensingRefusals } from '../refusals/refusals.js';

/**
 * Q1: a qualified-invoice issuer's registration number is `T` and 13 digits; for a corporation
 * the digits are its corporate number (法人番号), whose first digit is a check digit over the
 * other twelve (the base number) by the Ministry of Finance ordinance on corporate numbers
 * (平成二十六年財務省令第七十号 第二条): 9 - ((Σ Pn × Qn) mod 9), Pn the n-th digit of the base
 * number counted from its last (rightmost) digit, Qn 1 when n is odd and 2 when n is even. The
 * sum is taken whole before the remainder (the ordinance's brackets read otherwise, but only
 * this reading gives one digit; it is how the National Tax Agency's published numbers check).
 */
export function corporateNumberCheckDigit(baseNumber: string): number {
  if (!/^\d{12}$/.test(baseNumber)) throw new Error(`a base number is 12 digits, got "${baseNumber}"`);
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) sum += Number(baseNumber[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

export const REGISTRATION_NUMBER_FORM = /^T\d{13}$/;

/** Q1: `T`, 13 digits, and the first digit is the check digit of the other twelve. */
export function isValidRegistrationNumber(value: string): boolean {
  if (!REGISTRATION_NUMBER_FORM.test(value)) return false;
  return Number(value[1]) === corporateNumberCheckDigit(value.slice(2));
}

/** Q1: what is wrong with a configured registration number (the operator's start-up check, in English), or null when it is a valid one. */
export function registrationNumberProblem(value: string): string | null {
  if (!REGISTRATION_NUMBER_FORM.test(value)) return 'must be "T" followed by 13 digits (e.g. T7000012050002)';
  if (!isValidRegistrationNumber(value)) return `has a wrong check digit: the first digit of ${value.slice(1)} should be ${corporateNumberCheckDigit(value.slice(2))}`;
  return null;
}

/** Q1: a registration number given by a person, refused in their language when it is not a valid one. */
export function checkRegistrationNumber(value: string): string {
  if (!REGISTRATION_NUMBER_FORM.test(value)) throw licensingRefusals.thrown({ key: 'registrationNumberForm' });
  if (!isValidRegistrationNumber(value)) throw licensingRefusals.thrown({ key: 'registrationNumberCheckDigit', params: { digits: value.slice(1), expected: corporateNumberCheckDigit(value.slice(2)) } });
  return value;
}
