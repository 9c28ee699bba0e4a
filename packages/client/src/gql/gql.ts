/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "subscription CommentAdded($threadId: ID!) {\n  commentAdded(threadId: $threadId) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}\n\nsubscription TicketUpdated {\n  ticketUpdated {\n    id\n    status\n    subject\n    dueAt\n    isLate\n  }\n}": typeof types.CommentAddedDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    totpEnrollmentRequired\n    user {\n      id\n      name\n      kind\n    }\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    token\n    expiresAt\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      name\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    name\n    kind\n    tenant {\n      subdomain\n      contract {\n        course\n        billingCycle\n      }\n    }\n    cardCount\n    isSupportRegistrant\n  }\n}": typeof types.SignInDocument,
};
const documents: Documents = {
    "subscription CommentAdded($threadId: ID!) {\n  commentAdded(threadId: $threadId) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}\n\nsubscription TicketUpdated {\n  ticketUpdated {\n    id\n    status\n    subject\n    dueAt\n    isLate\n  }\n}": types.CommentAddedDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    totpEnrollmentRequired\n    user {\n      id\n      name\n      kind\n    }\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    token\n    expiresAt\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      name\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    name\n    kind\n    tenant {\n      subdomain\n      contract {\n        course\n        billingCycle\n      }\n    }\n    cardCount\n    isSupportRegistrant\n  }\n}": types.SignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CommentAdded($threadId: ID!) {\n  commentAdded(threadId: $threadId) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}\n\nsubscription TicketUpdated {\n  ticketUpdated {\n    id\n    status\n    subject\n    dueAt\n    isLate\n  }\n}"): (typeof documents)["subscription CommentAdded($threadId: ID!) {\n  commentAdded(threadId: $threadId) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}\n\nsubscription TicketUpdated {\n  ticketUpdated {\n    id\n    status\n    subject\n    dueAt\n    isLate\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    totpEnrollmentRequired\n    user {\n      id\n      name\n      kind\n    }\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    token\n    expiresAt\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      name\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    name\n    kind\n    tenant {\n      subdomain\n      contract {\n        course\n        billingCycle\n      }\n    }\n    cardCount\n    isSupportRegistrant\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    totpEnrollmentRequired\n    user {\n      id\n      name\n      kind\n    }\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    token\n    expiresAt\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      name\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nquery Viewer {\n  viewer {\n    id\n    name\n    kind\n    tenant {\n      subdomain\n      contract {\n        course\n        billingCycle\n      }\n    }\n    cardCount\n    isSupportRegistrant\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;