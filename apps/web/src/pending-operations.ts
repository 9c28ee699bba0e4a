import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * Operations whose schema is not merged yet. setPassword comes with the onboarding work: then
 * rename packages/client/operations/onboarding.graphql.pending to onboarding.graphql, run
 * `npm run codegen -w @kyodo/client`, and set SET_PASSWORD to the generated SetPasswordDocument
 * (`import { SetPasswordDocument } from '@kyodo/client'`). The screen is built against this shape.
 */
export type SetPasswordDocumentType = TypedDocumentNode<
  { setPassword: { token: string; expiresAt: string; totpEnrollmentRequired: boolean } },
  { input: { token: string; password: string } }
>;

export const SET_PASSWORD: SetPasswordDocumentType | null = null;
