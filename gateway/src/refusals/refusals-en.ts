import type { RefusalCatalogue } from '@kyodo/subgraph-kit/refusals';
import type { GatewayRefusalKey } from './refusals.js';

/** The gateway's refusals in English (I1). */
export const GATEWAY_REFUSALS_EN: RefusalCatalogue<GatewayRefusalKey> = {
  authorizationMalformed: 'The Authorization header must be "Bearer <token>". Sign in again, or send the request without an Authorization header to continue anonymously.',
  tokenInvalid: 'The access token is not valid. Sign in again, or send the request without an Authorization header to continue anonymously.',
  tokenExpired: 'The access token has expired; sign in again to get a new one.',
  accessChanged: 'Your access has changed since this sign-in (removed, role or password changed); sign in again.',
  accessUnconfirmed: 'Your access cannot be confirmed right now; please try again shortly.',
  introspectionGuest: 'Guests cannot explore the API schema (introspection is for members of the organisation).',
  introspectionAnonymous: 'Sign in as a member to explore the API schema (introspection is off for anonymous callers here).',
  operationTypeUnsupported: 'This API has no {operation} operations; send a query or a mutation.',
  introspectionAlone: 'Ask for {introspection} in an operation of its own: this gateway cannot combine schema introspection with data fields ({fields}).',
  queryTooDeep: 'The query nests fields too deeply (Query depth limit of {max} exceeded, found {found}.) Split it into smaller operations.',
  tooManyAliases: 'The query uses too many aliases (Aliases limit of {max} exceeded, found {found}.) Split it into smaller operations.',
  documentTooLong: 'The query document is too long (Token limit of {max} exceeded.) Split it into smaller operations.',
  tooManyDirectives: 'The query uses too many directives (Directives limit of {max} exceeded, found {found}.) Split it into smaller operations.',
  queryTooCostly:
    'The query asks for too much at once (its cost is at least {cost}; the limit is {max}. Each field counts once per item of the lists above it: first/last items, {listSize} for a list without them.) Ask for fewer items or fields, or split it into smaller operations.',
  documentNotRegistered:
    'This document is not one of the registered client operations (trusted documents): rebuild the client app with `npm run codegen -w @kyodo/client` and deploy the new manifest with the gateway.',
  documentHashRequired: "Send the registered document's hash as extensions.persistedQuery.sha256Hash (trusted documents).",
  registeredDocumentsOnly: "This gateway runs only registered client operations; send the document's hash (extensions.persistedQuery.sha256Hash).",
  registeredDocumentsOrMember: "This gateway runs only registered client operations; send the document's hash, or sign in as a member to send your own documents from the sandbox.",
  liveSignInRequired: 'Sign in to receive live updates.',
  liveStreamsPerUser: 'Too many live updates open at once for this user (at most {max}); close some and try again.',
  subscriptionsOverSse: 'Subscriptions are served over Server-Sent Events: send them as a POST with Accept: text/event-stream.',
  internal: 'Something went wrong on our side. It has been logged; please try again later.',
  serviceUnavailable: 'Cannot reach the {service} service right now; please try again shortly.',
  someServiceUnavailable: 'Cannot reach a service this request needs right now; please try again shortly.',
  notAProxy: 'The request target must be a path (/graphql); this gateway is not a proxy.',
  jsonPostRequired: 'Send GraphQL requests as POST with Content-Type: application/json (GraphQL over HTTP).',
  bodyTooLarge: 'The request body is {bytes} bytes; the limit is {max}.',
  bodyTooLargeUndeclared: 'The request body is more than {max} bytes; the limit is {max}.',
  bodyIncomplete: 'The request body ended before its declared length.',
  downloadPathInvalid: 'This download path is not valid: it must stay under {prefix} (no "..", backslashes or encoded slashes).',
  downloadNotFound: 'Not found.',
};
