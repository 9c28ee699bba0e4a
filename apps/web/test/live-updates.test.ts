import type { KyodoClient } from '@kyodo/client';
import { describe, expect, it } from 'vitest';
import { serverSentEvents, subscribe } from '../src/live-updates.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('live updates over Server-Sent Events', () => {
  it('parses events split anywhere across chunks, skipping comments (keep-alives)', async () => {
    const events = [];
    for await (const event of serverSentEvents(streamOf([': ping\n\nevent: ne', 'xt\ndata: {"data":', '{"a":1}}\r\n\r\nevent: complete\ndata:\n\n']))) events.push(event);
    expect(events).toEqual([
      { event: 'next', data: '{"data":{"a":1}}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('subscribes by the registered hash with the session token and hands over each event\'s data', async () => {
    const sent: RequestInit[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent.push(init);
      return new Response(streamOf(['event: next\ndata: {"data":{"commentAdded":{"id":"c1"}}}\n\n', 'event: next\ndata: {"errors":[{"message":"x"}]}\n\n', 'event: complete\ndata:\n\n']), {
        headers: { 'content-type': 'text/event-stream' },
      });
    }) as unknown as typeof fetch;
    const client = { session: { token: 'tok', expiresAt: '2099-01-01T00:00:00Z' } } as KyodoClient;
    const document = { __meta__: { hash: 'sha256:abc' }, kind: 'Document', definitions: [] } as never;
    const received: unknown[] = [];
    await new Promise<void>((done) => {
      subscribe(client, document, { threadId: 't1' }, (data) => {
        received.push(data);
        done();
      }, { fetch: fakeFetch, url: 'http://gateway/graphql' });
    });
    expect(received).toEqual([{ commentAdded: { id: 'c1' } }]);
    expect(sent[0]?.headers).toMatchObject({ accept: 'text/event-stream', authorization: 'Bearer tok' });
    expect(JSON.parse(String(sent[0]?.body))).toEqual({ variables: { threadId: 't1' }, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
  });
});
