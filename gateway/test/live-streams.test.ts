import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type TokenIssuer } from '@kyodo/auth';
import { silentLogger } from '@kyodo/subgraph-kit';
import { subscribeOverSse, type LiveStream } from '@kyodo/testkit';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { composeSupergraphFromSdl, createGateway, type GatewayHandle } from '../src/index.js';
import { TEST_GATEWAY_SECRET } from './support/tiny-gateway.js';

/**
 * Issue 19: the gateway refused no subscription stream, so one user could hold 1,000 (+65 MB).
 * A tiny subgraph serves `ticks` over graphql-ws as the real ones do (one tick, then open until
 * ended), and counts the subscriptions that reach it: a refused stream must never get there.
 */
const LIVE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { hello: String }
  type Subscription { ticks: Int! }
`;
const TICKS = 'subscription { ticks }';
const CAP = 3;

interface LiveSubgraph {
  url: string;
  /** Subscriptions the subgraph started, and those still open. */
  started(): number;
  open(): number;
  /** Completes every open stream from the subgraph's side (as a revocation does). */
  endAll(): void;
  close(): Promise<void>;
}

async function startLiveSubgraph(): Promise<LiveSubgraph> {
  let started = 0;
  const ends = new Set<() => void>();
  const ticks = (): AsyncIterableIterator<{ ticks: number }> => {
    started += 1;
    let sent = false;
    let ended = false;
    let wake: ((step: IteratorResult<{ ticks: number }>) => void) | undefined;
    const end = () => {
      if (ended) return;
      ended = true;
      ends.delete(end);
      wake?.({ done: true, value: undefined });
    };
    ends.add(end);
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        if (ended) return Promise.resolve({ done: true, value: undefined });
        if (!sent) {
          sent = true;
          return Promise.resolve({ done: false, value: { ticks: 1 } });
        }
        return new Promise((resolve) => {
          wake = resolve;
        });
      },
      return() {
        end();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  };
  const schema = buildSubgraphSchema({
    typeDefs: parse(LIVE_SDL),
    resolvers: { Query: { hello: () => 'hi' }, Subscription: { ticks: { subscribe: ticks } } } as never,
  });
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{}');
  });
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  const cleanup = useServer({ schema }, sockets);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    started: () => started,
    open: () => ends.size,
    endAll: () => [...ends].forEach((end) => end()),
    async close() {
      await cleanup.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const codes = (stream: LiveStream) => stream.results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.code));
const ticked = (stream: LiveStream) => stream.waitFor((result) => (result.data as { ticks?: number } | null | undefined)?.ticks === 1);

describe('LIVE_STREAMS_PER_USER: open subscription streams per user (issue 19)', () => {
  let subgraph: LiveSubgraph;
  let gateway: GatewayHandle;
  let url: string;
  let issuer: TokenIssuer;
  const tokenOf = (userId: string) => issuer.sign({ userId, tenantId: 't1', kind: 'MEMBER', roles: [] });
  const streams: LiveStream[] = [];
  const subscribe = (token?: string) => {
    const stream = subscribeOverSse(url, TICKS, {}, { token });
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    subgraph = await startLiveSubgraph();
    const keys = await generateSigningKeys();
    issuer = createTokenIssuer(keys);
    gateway = await createGateway({
      supergraphSdl: composeSupergraphFromSdl([{ name: 'live', url: subgraph.url, sdl: LIVE_SDL }]),
      verifier: createTokenVerifier(keys),
      gatewaySecret: TEST_GATEWAY_SECRET,
      logger: silentLogger,
      liveStreamsPerUser: CAP,
    });
    url = await gateway.listen(0);
  });

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await gateway?.close();
    await subgraph?.close();
  });

  it('refuses the stream beyond the cap with TOO_MANY_REQUESTS before the subgraph hears of it; another user is unaffected; closing one frees its place', async () => {
    const aiko = await tokenOf('u-aiko');
    const open = Array.from({ length: CAP }, () => subscribe(aiko));
    for (const stream of open) await ticked(stream);
    expect(gateway.liveStreams.open('u-aiko')).toBe(CAP);
    expect(subgraph.started()).toBe(CAP);

    const refused = subscribe(aiko);
    await refused.waitForEnd();
    expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
    // I1: a token without `lng` and no Accept-Language: Japanese
    expect(refused.results[0]!.errors![0]!.message).toBe('同時に開けるライブ更新は 1 人 3 本までです。使っていない画面やタブを閉じてから、もう一度お試しください。');
    expect(subgraph.started()).toBe(CAP);
    // the refused stream took no place
    expect(gateway.liveStreams.open('u-aiko')).toBe(CAP);

    const bunta = subscribe(await tokenOf('u-bunta'));
    await ticked(bunta);
    expect(gateway.liveStreams.open('u-bunta')).toBe(1);

    // the client goes away: its place is free for the next stream
    await open[0]!.close();
    await eventually(() => expect(gateway.liveStreams.open('u-aiko')).toBe(CAP - 1));
    const again = subscribe(aiko);
    await ticked(again);
    expect(gateway.liveStreams.open('u-aiko')).toBe(CAP);
  });

  it('an anonymous caller cannot subscribe (UNAUTHENTICATED), and nothing reaches the subgraph', async () => {
    const before = subgraph.started();
    const anonymous = subscribe();
    await anonymous.waitForEnd();
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(subgraph.started()).toBe(before);
  });

  it('streams the subgraph ends free their places; after every stream is closed none is counted (no leak)', async () => {
    expect(gateway.liveStreams.open()).toBeGreaterThan(0);
    subgraph.endAll();
    await eventually(() => expect(gateway.liveStreams.open()).toBe(0));
    const aiko = await tokenOf('u-aiko');
    const reopened = Array.from({ length: CAP }, () => subscribe(aiko));
    for (const stream of reopened) await ticked(stream);
    expect(gateway.liveStreams.open('u-aiko')).toBe(CAP);
    await Promise.all(streams.map((stream) => stream.close()));
    await eventually(() => expect(gateway.liveStreams.open()).toBe(0));
    await eventually(() => expect(subgraph.open()).toBe(0));
  });
});
