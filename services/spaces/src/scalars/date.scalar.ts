import { appError } from '@kyodo/subgraph-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';

/**
 * Built with graphql-scalars' own GraphQLScalarType: under test runners graphql can be loaded
 * twice (ESM and CJS), and type-graphql recognises a scalar only from the copy it loaded itself.
 */
const ScalarType = GraphQLLocalDate.constructor as typeof GraphQLScalarType;
const base = GraphQLLocalDate.toConfig();

const MESSAGE = "A date is written YYYY-MM-DD and must exist in the calendar (e.g. 2027-01-01).";

function checked<A extends unknown[]>(parse: (...args: A) => unknown) {
  return (...args: A) => {
    try {
      return parse(...args);
    } catch {
      throw appError('BAD_USER_INPUT', MESSAGE);
    }
  };
}

/** The same `Date` scalar licensing publishes (a calendar date, no time or zone): spaces passes contract dates on to it. */
export const DateScalar: GraphQLScalarType = new ScalarType({
  ...base,
  parseValue: checked(base.parseValue!),
  parseLiteral: checked(base.parseLiteral!),
  name: 'Date',
  description: "A calendar date, 'YYYY-MM-DD', in the tenant's time zone (Asia/Tokyo by default).",
  specifiedByURL: undefined,
  extensions: {},
});
