import { appError } from '@kyodo/subgraph-kit';
import { GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';

/**
 * Built with graphql-scalars' own GraphQLScalarType: under test runners graphql can be loaded
 * twice (ESM and CJS), and type-graphql recognises a scalar only from the copy it loaded itself.
 */
const ScalarType = GraphQLLocalDate.constructor as typeof GraphQLScalarType;
const base = GraphQLLocalDate.toConfig();

function checked<A extends unknown[]>(parse: (...args: A) => unknown) {
  return (...args: A) => {
    try {
      return parse(...args);
    } catch {
      throw appError('BAD_USER_INPUT', 'A date is a real calendar day written YYYY-MM-DD (e.g. 2026-03-01).');
    }
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
