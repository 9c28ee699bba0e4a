import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient as createSocketClient } from 'graphql-ws';
import WebSocket from 'ws';

export type LiveResult<T = Record<string, unknown>> = { data?: T | null; errors?: readonly GraphQLFormattedError[] };

/**
 * A subscription as a test sees it: every result kept in order, `ended` once the server
 * completed or refused it. `waitFor` reads on from where the last call stopped.
 */
export interface LiveStream<T = Record<string, unknown>> {
  readonly results: LiveResult<T>[];
  readonly ended: boolean;
  /** Results from the cursor on until one matches (returned with those before it); throws after timeoutMs. */
  waitFor(match: (result: LiveResult<T>) => boolean, timeoutMs?: number): Promise<LiveResult<T>[]>;
  /** Waits until the stream has ended (refused or completed); throws after timeoutMs. */
  waitForEnd(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function liveStream<T>(stop: () => Promise<void> | void): LiveStream<T> & { push(result: LiveResult<T>): void; end(): void } {
  const results: LiveResult<T>[] = [];
  let cursor = 0;
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  async function until(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`live stream: no ${what} within ${timeoutMs} ms (results so far: ${JSON.stringify(results)})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
  }
  return {
    results,
    get ended() {
      return ended;
    },
    push(result) {
      results.push(result);
      wake();
    },
    end() {
      ended = true;
      wake();
    },
    async waitFor(match, timeoutMs = 10_000) {
      let found = -1;
      await until(
        () => {
          found = results.findIndex((result, index) => index >= cursor && match(result));
          return found >= 0;
        },
        timeoutMs,
        'matching result',
      );
      const seen = results.slice(cursor, found + 1);
      cursor = found + 1;
      return seen;
    },
    async waitForEnd(timeoutMs = 10_000) {
      await until(() => ended, timeoutMs, 'end');
    },
    async close() {
      await stop();
    },
  };
}

export interface SubscribeOptions {
  token?: string;
  /** Extra connection_init payload (the gateway credential, as the gateway sends it). */
  connectionParams?: Record<string, string>;
}

/** A subscription straight to a subgraph over graphql-ws, as the gateway makes it (`http://.../graphql` is dialled as ws://). */
export function subscribeOverSocket<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, options: SubscribeOptions = {}): LiveStream<T> {
  const client = createSocketClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.connectionParams },
  });
  const stream = liveStream<T>(() => client.dispose());
  client.subscribe<T>(
    { query, variables },
    {
      next: (result: ExecutionResult<T>) => stream.push({ data: result.data, errors: result.errors?.map((e) => (typeof e.toJSON === 'function' ? e.toJSON() : e)) }),
      error: (error: unknown) => {
        // an `error` message is an array of GraphQL errors; a closed socket is a CloseEvent
        const errors = Array.isArray(error)
          ? (error as GraphQLFormattedError[])
          : [{ message: `socket closed: ${(error as { code?: number; reason?: string }).code ?? ''} ${(error as { reason?: string }).reason ?? String(error)}`, extensions: { code: 'SOCKET_CLOSED' } }];
        stream.push({ errors });
        stream.end();
      },
      complete: () => stream.end(),
    },
  );
  return stream;
}

/**
 * A subscription through the gateway as a browser makes it: a POST with
 * `Accept: text/event-stream` and the usual Authorization header (GraphQL over SSE,
 * distinct-connections mode). A refusal before the stream starts is one result with errors.
 */
export function subscribeOverSse<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string } = {}): LiveStream<T> {
  const abort = new AbortController();
  const stream = liveStream<T>(() => abort.abort());
  void (async () => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('text/event-stream')) {
        stream.push((await response.json()) as LiveResult<T>);
        return;
      }
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
            .join('\n');
          if (event === 'complete') return;
          if (data) stream.push(JSON.parse(data) as LiveResult<T>);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) stream.push({ errors: [{ message: `SSE failed: ${error instanceof Error ? error.message : String(error)}` }] });
    } finally {
      stream.end();
    }
  })();
  return stream;
}

/**
 * Acts until every stream has received something (a subscription is live only once the server
 * has set it up, which the protocol does not announce): each round acts, then waits `waitMs`.
 */
export async function whenLive(streams: readonly LiveStream<unknown>[] | readonly LiveStream[], act: () => Promise<unknown>, options: { tries?: number; waitMs?: number } = {}): Promise<void> {
  const tries = options.tries ?? 20;
  const waitMs = options.waitMs ?? 500;
  const before = streams.map((stream) => stream.results.length);
  for (let attempt = 0; attempt < tries; attempt++) {
    await act();
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (streams.every((stream, index) => stream.results.length > before[index]! || stream.ended)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`live streams got nothing after ${tries} tries: ${JSON.stringify(streams.map((stream) => stream.results))}`);
}
