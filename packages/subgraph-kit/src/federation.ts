import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { checkTextInputs } from './text-input.js';

export const FEDERATION_VERSION = 'v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@override'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference resolvers receive any representation shape
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * The one way a type-graphql schema becomes a Federation 2 subgraph: print it with its
 * directives (`@key`, `@external`...), link the federation spec, and merge the reference
 * resolvers into type-graphql's resolver map.
 */
/**
 * type-graphql refuses to build a schema with subscriptions without a PubSub, even when every
 * @Subscription brings its own `subscribe` (ours do: live.ts, over the kit's event bus). Topic
 * subscriptions are not used here; one that tried would fail loudly.
 */
const TOPICS_NOT_USED: PubSub = {
  publish() {
    throw new Error('Publish live events with publishLive (subgraph-kit live.ts), not type-graphql topics.');
  },
  subscribe() {
    throw new Error('Subscribe with liveEvents (subgraph-kit live.ts) in @Subscription({ subscribe }), not type-graphql topics.');
  },
};

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // one DateTime scalar (ISO 8601) across every subgraph, so composition sees the same type
    ...options,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }, ...(options.scalarsMap ?? [])],
    // every argument's text is checked (no control characters) and NFC-normalised in one place
    validateFn: options.validateFn ?? checkTextInputs,
    pubSub: options.pubSub ?? TOPICS_NOT_USED,
    skipCheck: true,
  });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${link}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** The SDL a subgraph contributes to composition (what `_service { sdl }` answers). */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
