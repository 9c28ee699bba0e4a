export { createKyodoClient, documentHash, KyodoRequestError, type KyodoClient, type KyodoClientOptions, type KyodoGraphQLError, type KyodoResult, type Session } from './kyodo-client.js';
export * from './gql/graphql.js';
