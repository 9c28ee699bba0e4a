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
    "mutation JourneyCreateSpace($input: CreateSpaceInput!) {\n  createSpace(input: $input) {\n    id\n  }\n}\n\nmutation JourneyCreateThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    id\n  }\n}\n\nmutation JourneyPostThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    title\n    author {\n      name\n    }\n  }\n}\n\nmutation JourneyInviteGuest($input: InviteGuestInput!) {\n  inviteGuest(input: $input) {\n    email\n    expiresAt\n  }\n}\n\nmutation JourneyAcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    user {\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nmutation JourneySignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n  }\n}\n\nquery JourneySpaces {\n  spaces {\n    id\n    name\n    isGuestSpace\n  }\n}\n\nquery JourneySpaceIds {\n  spaces {\n    id\n  }\n}\n\nquery JourneySpace($id: ID!) {\n  space(id: $id) {\n    id\n  }\n}\n\nquery JourneySpaceThreads($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n    }\n  }\n}\n\nquery JourneySpaceThreadAuthors($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n      author {\n        id\n      }\n    }\n  }\n}\n\nmutation JourneyUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    name\n    coverImageUrl\n    canReceiveComments\n  }\n}\n\nquery JourneyViewer {\n  viewer {\n    id\n  }\n}\n\nmutation JourneyRemoveGuest($input: RemoveGuestInput!) {\n  removeGuest(input: $input)\n}": typeof types.JourneyCreateSpaceDocument,
};
const documents: Documents = {
    "mutation JourneyCreateSpace($input: CreateSpaceInput!) {\n  createSpace(input: $input) {\n    id\n  }\n}\n\nmutation JourneyCreateThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    id\n  }\n}\n\nmutation JourneyPostThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    title\n    author {\n      name\n    }\n  }\n}\n\nmutation JourneyInviteGuest($input: InviteGuestInput!) {\n  inviteGuest(input: $input) {\n    email\n    expiresAt\n  }\n}\n\nmutation JourneyAcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    user {\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nmutation JourneySignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n  }\n}\n\nquery JourneySpaces {\n  spaces {\n    id\n    name\n    isGuestSpace\n  }\n}\n\nquery JourneySpaceIds {\n  spaces {\n    id\n  }\n}\n\nquery JourneySpace($id: ID!) {\n  space(id: $id) {\n    id\n  }\n}\n\nquery JourneySpaceThreads($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n    }\n  }\n}\n\nquery JourneySpaceThreadAuthors($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n      author {\n        id\n      }\n    }\n  }\n}\n\nmutation JourneyUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    name\n    coverImageUrl\n    canReceiveComments\n  }\n}\n\nquery JourneyViewer {\n  viewer {\n    id\n  }\n}\n\nmutation JourneyRemoveGuest($input: RemoveGuestInput!) {\n  removeGuest(input: $input)\n}": types.JourneyCreateSpaceDocument,
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
export function graphql(source: "mutation JourneyCreateSpace($input: CreateSpaceInput!) {\n  createSpace(input: $input) {\n    id\n  }\n}\n\nmutation JourneyCreateThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    id\n  }\n}\n\nmutation JourneyPostThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    title\n    author {\n      name\n    }\n  }\n}\n\nmutation JourneyInviteGuest($input: InviteGuestInput!) {\n  inviteGuest(input: $input) {\n    email\n    expiresAt\n  }\n}\n\nmutation JourneyAcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    user {\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nmutation JourneySignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n  }\n}\n\nquery JourneySpaces {\n  spaces {\n    id\n    name\n    isGuestSpace\n  }\n}\n\nquery JourneySpaceIds {\n  spaces {\n    id\n  }\n}\n\nquery JourneySpace($id: ID!) {\n  space(id: $id) {\n    id\n  }\n}\n\nquery JourneySpaceThreads($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n    }\n  }\n}\n\nquery JourneySpaceThreadAuthors($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n      author {\n        id\n      }\n    }\n  }\n}\n\nmutation JourneyUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    name\n    coverImageUrl\n    canReceiveComments\n  }\n}\n\nquery JourneyViewer {\n  viewer {\n    id\n  }\n}\n\nmutation JourneyRemoveGuest($input: RemoveGuestInput!) {\n  removeGuest(input: $input)\n}"): (typeof documents)["mutation JourneyCreateSpace($input: CreateSpaceInput!) {\n  createSpace(input: $input) {\n    id\n  }\n}\n\nmutation JourneyCreateThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    id\n  }\n}\n\nmutation JourneyPostThread($input: CreateThreadInput!) {\n  createThread(input: $input) {\n    title\n    author {\n      name\n    }\n  }\n}\n\nmutation JourneyInviteGuest($input: InviteGuestInput!) {\n  inviteGuest(input: $input) {\n    email\n    expiresAt\n  }\n}\n\nmutation JourneyAcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    token\n    user {\n      kind\n      firstSignInAt\n    }\n  }\n}\n\nmutation JourneySignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n  }\n}\n\nquery JourneySpaces {\n  spaces {\n    id\n    name\n    isGuestSpace\n  }\n}\n\nquery JourneySpaceIds {\n  spaces {\n    id\n  }\n}\n\nquery JourneySpace($id: ID!) {\n  space(id: $id) {\n    id\n  }\n}\n\nquery JourneySpaceThreads($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n    }\n  }\n}\n\nquery JourneySpaceThreadAuthors($id: ID!) {\n  space(id: $id) {\n    threads {\n      title\n      author {\n        id\n      }\n    }\n  }\n}\n\nmutation JourneyUpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    name\n    coverImageUrl\n    canReceiveComments\n  }\n}\n\nquery JourneyViewer {\n  viewer {\n    id\n  }\n}\n\nmutation JourneyRemoveGuest($input: RemoveGuestInput!) {\n  removeGuest(input: $input)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;