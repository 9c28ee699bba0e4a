import { GraphQLLocalDate } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';
import { spacesRefusals } from '../refusals/refusals.js';

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
      throw spacesRefusals.refuse('dateInvalid');
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
