import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CommentAddedDocument, documentHash, TicketUpdatedDocument, type KyodoClient } from '@kyodo/client';

/**
 * Live updates (issue 13): GraphQL subscriptions over Server-Sent Events, a POST to /graphql
 * with `Accept: text/event-stream` (graphql-sse's distinct-connections mode, which the gateway
 * speaks), sending the registered document's hash like every other request. Screens add what
 * arrives with withComment / queueOrder (domain/web-rules.ts).
 */
export type Unsubscribe = () => void;

export interface LiveComment {
  id: string;
  threadId: string;
  text: string;
  createdAt: string;
  author: { id: string; name: string } | null;
}

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** The events of a text/event-stream body, as they complete (a chunk may end mid-line). */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n') };
        event = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
    }
    if (done) return;
  }
}

export interface SubscribeOptions {
  fetch?: typeof fetch;
  /** The first wait before reconnecting after the stream broke; doubled each time up to 30 s. */
  retryMs?: number;
  url?: string;
}

/**
 * Runs a subscription until unsubscribed, reconnecting after a broken stream (a gateway restart,
 * a network change). `onData` gets each event's data; an event with errors is dropped.
 */
export function subscribe<TData, TVariables extends Record<string, unknown>>(
  client: KyodoClient,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
  options: SubscribeOptions = {},
): Unsubscribe {
  const doFetch = options.fetch ?? fetch;
  const url = options.url ?? new URL('/graphql', window.location.origin).toString();
  const abort = new AbortController();
  let wait = options.retryMs ?? 1000;
  const body = JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(document) } } });

  async function run(): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const token = client.session?.token;
        const response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body,
          signal: abort.signal,
        });
        // a refusal (signed out, not allowed) will not change by retrying
        if (response.status >= 400 && response.status < 500) return;
        if (response.ok && response.body) {
          for await (const { event, data } of serverSentEvents(response.body)) {
            if (event === 'complete') return;
            if (event !== 'next') continue;
            const result = JSON.parse(data) as { data?: TData | null; errors?: unknown[] };
            if (result.data && !result.errors?.length) onData(result.data);
            wait = options.retryMs ?? 1000;
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 30_000);
    }
  }

  void run();
  return () => abort.abort();
}

/** commentAdded(threadId): comments from anyone who may read the thread, as they are posted. */
export function subscribeToComments(client: KyodoClient, threadId: string, onComment: (comment: LiveComment) => void): Unsubscribe {
  return subscribe(client, CommentAddedDocument, { threadId }, (data) => onComment(data.commentAdded));
}

/** ticketUpdated: the queue's tickets as they are opened and change state. */
export function subscribeToTicketUpdates(client: KyodoClient, onTicket: (ticket: { id: string; status: string }) => void): Unsubscribe {
  return subscribe(client, TicketUpdatedDocument, {}, (data) => onTicket(data.ticketUpdated));
}
