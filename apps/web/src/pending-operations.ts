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

/**
 * The subscriptions come with the live-updates work: rename
 * packages/client/operations/live.graphql.pending to live.graphql, run codegen, and set these to
 * CommentAddedDocument and TicketUpdatedDocument; live-updates.ts then subscribes over SSE.
 */
export type CommentAddedDocumentType = TypedDocumentNode<
  { commentAdded: { id: string; threadId: string; text: string; createdAt: string; author: { id: string; name: string } | null } },
  { threadId: string }
>;
export type TicketUpdatedDocumentType = TypedDocumentNode<{ ticketUpdated: { id: string; status: string } }, Record<string, never>>;

export const COMMENT_ADDED: CommentAddedDocumentType | null = null;
export const TICKET_UPDATED: TicketUpdatedDocumentType | null = null;
