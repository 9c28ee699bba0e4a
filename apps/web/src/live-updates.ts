/**
 * Live updates (issue 13): the seam the subscriptions plug into once the gateway serves them
 * (`commentAdded(threadId)` and `ticketUpdated` over SSE, a POST to /graphql with
 * `Accept: text/event-stream`). Screens subscribe here and add what arrives with withComment /
 * queueOrder (domain/web-rules.ts); until then nothing arrives and the screens show what they
 * loaded.
 */
export interface LiveComment {
  id: string;
  threadId: string;
  text: string;
  createdAt: string;
  author: { id: string; name: string } | null;
}

export type Unsubscribe = () => void;

export function subscribeToComments(_threadId: string, _onComment: (comment: LiveComment) => void): Unsubscribe {
  return () => undefined;
}

export function subscribeToTicketUpdates(_onTicket: (ticket: { id: string; status: string }) => void): Unsubscribe {
  return () => undefined;
}
