/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  name: string;
  /** The new password; for an existing guest, their current password. */
  password: string;
  /** The `token` query parameter of the link in the invitation mail. */
  token: string;
};

export type CreateSpaceInput = {
  /** A guest space admits invited guests (S2). */
  isGuestSpace: boolean;
  /** Only members see a private space (S1). */
  isPrivate?: boolean | null | undefined;
  name: string;
};

export type CreateThreadInput = {
  body?: string | null | undefined;
  spaceId: string | number;
  title: string;
};

export type InviteGuestInput = {
  email: string;
  spaceId: string | number;
};

export type RemoveGuestInput = {
  spaceId: string | number;
  userId: string | number;
};

/** The app signing in: guests may not use the mobile app (S5). */
export type SignInClient =
  | 'MOBILE'
  | 'WEB';

export type SignInInput = {
  client?: SignInClient | null | undefined;
  email: string;
  /** The 6-digit one-time password, when the account uses a second factor (T3). */
  otp?: string | null | undefined;
  password: string;
  /** The tenant sub-domain, e.g. "demo". */
  tenant: string;
};

export type UpdateProfileInput = {
  /** An https URL of the cover image; empty clears it. */
  coverImageUrl?: string | null | undefined;
  name?: string | null | undefined;
};

/** MEMBER: licensed, internal. GUEST: an outsider (T2). */
export type UserKind =
  | 'GUEST'
  | 'MEMBER';

export type JourneyCreateSpaceMutationVariables = Exact<{
  input: CreateSpaceInput;
}>;


export type JourneyCreateSpaceMutation = { createSpace: { id: string } };

export type JourneyCreateThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type JourneyCreateThreadMutation = { createThread: { id: string } };

export type JourneyPostThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type JourneyPostThreadMutation = { createThread: { title: string, author: { name: string } | null } };

export type JourneyInviteGuestMutationVariables = Exact<{
  input: InviteGuestInput;
}>;


export type JourneyInviteGuestMutation = { inviteGuest: { email: string, expiresAt: string } };

export type JourneyAcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type JourneyAcceptInvitationMutation = { acceptInvitation: { token: string, user: { kind: UserKind, firstSignInAt: string | null } } };

export type JourneySignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type JourneySignInMutation = { signIn: { token: string } };

export type JourneySpacesQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneySpacesQuery = { spaces: Array<{ id: string, name: string, isGuestSpace: boolean }> | null };

export type JourneySpaceIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneySpaceIdsQuery = { spaces: Array<{ id: string }> | null };

export type JourneySpaceQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceQuery = { space: { id: string } | null };

export type JourneySpaceThreadsQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceThreadsQuery = { space: { threads: Array<{ title: string }> } | null };

export type JourneySpaceThreadAuthorsQueryVariables = Exact<{
  id: string | number;
}>;


export type JourneySpaceThreadAuthorsQuery = { space: { threads: Array<{ title: string, author: { id: string } | null }> } | null };

export type JourneyUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type JourneyUpdateProfileMutation = { updateProfile: { name: string, coverImageUrl: string | null, canReceiveComments: boolean } };

export type JourneyViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type JourneyViewerQuery = { viewer: { id: string } | null };

export type JourneyRemoveGuestMutationVariables = Exact<{
  input: RemoveGuestInput;
}>;


export type JourneyRemoveGuestMutation = { removeGuest: boolean };


export const JourneyCreateSpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyCreateSpace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSpaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSpace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyCreateSpaceMutation, JourneyCreateSpaceMutationVariables>;
export const JourneyCreateThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyCreateThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyCreateThreadMutation, JourneyCreateThreadMutationVariables>;
export const JourneyPostThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyPostThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<JourneyPostThreadMutation, JourneyPostThreadMutationVariables>;
export const JourneyInviteGuestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyInviteGuest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteGuestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteGuest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<JourneyInviteGuestMutation, JourneyInviteGuestMutationVariables>;
export const JourneyAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"firstSignInAt"}}]}}]}}]}}]} as unknown as DocumentNode<JourneyAcceptInvitationMutation, JourneyAcceptInvitationMutationVariables>;
export const JourneySignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneySignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<JourneySignInMutation, JourneySignInMutationVariables>;
export const JourneySpacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuestSpace"}}]}}]}}]} as unknown as DocumentNode<JourneySpacesQuery, JourneySpacesQueryVariables>;
export const JourneySpaceIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneySpaceIdsQuery, JourneySpaceIdsQueryVariables>;
export const JourneySpaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneySpaceQuery, JourneySpaceQueryVariables>;
export const JourneySpaceThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<JourneySpaceThreadsQuery, JourneySpaceThreadsQueryVariables>;
export const JourneySpaceThreadAuthorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneySpaceThreadAuthors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"space"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JourneySpaceThreadAuthorsQuery, JourneySpaceThreadAuthorsQueryVariables>;
export const JourneyUpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyUpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"coverImageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"canReceiveComments"}}]}}]}}]} as unknown as DocumentNode<JourneyUpdateProfileMutation, JourneyUpdateProfileMutationVariables>;
export const JourneyViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JourneyViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<JourneyViewerQuery, JourneyViewerQueryVariables>;
export const JourneyRemoveGuestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JourneyRemoveGuest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveGuestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGuest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<JourneyRemoveGuestMutation, JourneyRemoveGuestMutationVariables>;