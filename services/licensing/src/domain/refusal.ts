import type { ErrorCode, RefusalParams } from '@kyodo/subgraph-kit';
import { LICENSING_REFUSAL_DEFINITIONS, licensingRefusals, type LicensingRefusalKey } from '../refusals/refusals.js';

/**
 * Why a rule refuses (I1): a key of the licensing catalogue and its parameters, never a sentence.
 * The API writes it in the request's language (`applyRule`); amounts go in grouped (`grouped`),
 * dates as YYYY-MM-DD.
 */
export interface RefusalReason {
  key: LicensingRefusalKey;
  params?: RefusalParams;
  /** Extensions beyond the definition's: the field, when it depends on the input. */
  extensions?: Record<string, unknown>;
}

/**
 * A rule's refusal, thrown by the domain functions. Its `message` is the English text, for logs
 * and the billing command; a request gets the text in its own language from the catalogue.
 */
export class Refusal extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(
    readonly key: LicensingRefusalKey,
    readonly params: RefusalParams = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(licensingRefusals.message(key, 'en', params));
    const definition: { code: ErrorCode; field?: string } = LICENSING_REFUSAL_DEFINITIONS[key];
    this.code = definition.code;
    this.field = typeof extensions.field === 'string' ? extensions.field : definition.field;
  }

  static of(reason: RefusalReason): Refusal {
    return new Refusal(reason.key, reason.params, reason.extensions);
  }
}

/** A count or amount as the catalogue shows it: grouped by thousands (10,000). */
export const grouped = (value: number) => value.toLocaleString('en-US');

export const yen = (amount: number) => `${grouped(amount)} yen`;
