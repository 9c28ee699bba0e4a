import { GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';
import { ACCEPTED_DATES, isAcceptedDate } from '../domain/calendar-dates.js';
import { licensingRefusals } from '../refusals/refusals.js';

/**
 * Built with graphql-scalars' own GraphQLScalarType: under test runners graphql can be loaded
 * twice (ESM and CJS), and type-graphql recognises a scalar only from the copy it loaded itself.
 */
const ScalarType = GraphQLLocalDate.constructor as typeof GraphQLScalarType;
const base = GraphQLLocalDate.toConfig();

/** graphql-scalars checks the form and the calendar; the range (ACCEPTED_DATES) is ours. */
function checked<A extends unknown[]>(parse: (...args: A) => unknown) {
  return (...args: A) => {
    let value: unknown;
    try {
      value = parse(...args);
    } catch {
      throw licensingRefusals.refuse('dateOutOfRange', ACCEPTED_DATES);
    }
    if (typeof value !== 'string' || !isAcceptedDate(value)) throw licensingRefusals.refuse('dateOutOfRange', ACCEPTED_DATES);
    return value;
  };
}

/** A calendar date without time or zone, 'YYYY-MM-DD' (graphql-scalars' LocalDate, named Date as the contract says). */
export const DateScalar: GraphQLScalarType = new ScalarType({
  ...base,
  parseValue: checked(base.parseValue!),
  parseLiteral: checked(base.parseLiteral!),
  name: 'Date',
  description: "A calendar date, 'YYYY-MM-DD', in the tenant's time zone (Asia/Tokyo by default).",
  specifiedByURL: undefined,
  extensions: {},
});

/** Whole numbers beyond 32 bits (bytes), exact up to 2^53 - 1. */
export const SafeIntScalar = GraphQLSafeInt;
