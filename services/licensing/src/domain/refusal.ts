/** Why a rule refuses, in plain words, with the catalog code the API answers with. */
export class Refusal extends Error {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN' | 'QUOTA_EXCEEDED',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const yen = (amount: number) => `${amount.toLocaleString('en-US')} yen`;
