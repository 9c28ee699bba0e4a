import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { GatewayHandle } from '@kyodo/gateway';
import { silentLogger, type SubgraphDefinition, type SubgraphHandle } from '@kyodo/subgraph-kit';
import { DEMO_SPACES } from '@kyodo/spaces';
import {
  createClient,
  createTestAuth,
  createTestDatabase,
  DEMO,
  errorCodes,
  freePort,
  signInAs,
  subscribeOverSocket,
  subscribeOverSse,
  whenLive,
  type GraphQLClient,
  type LiveStream,
  type TestAuth,
  type TestDatabase,
} from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, type Balancer } from './balancer.js';
import { SUPERGRAPH_PATH } from './full-stack.js';

/**
 * Issue 19, "done when": a removed member's token, stream and integration token are refused
 * within 1 s on a stack of two replicas per subgraph (MariaDB, Redis). Two replicas of each of the
 * four subgraphs, each pair on one MariaDB database, Redis as the live broker, the test's
 * round-robin balancer in front of each pair, the gateway (following spaces' access feed, as in
 * production) in front of the balancers; every subgraph follows spaces' access feed through spaces'
 * balancer, so each poll may land on either spaces replica. The removal goes through the gateway,
 * so it is committed on whichever spaces replica the balancer picks: the other one and every other
 * subgraph learn it only from the shared table or the feed.
 *
 * Measured from the moment the removal is SENT (the checks run while it is in flight): the
 * member's session token on a query through the gateway to each subgraph and straight to each of
 * the eight replicas, and their integration token through the gateway and on both cards replicas,
 * must be refused within 1 s and stay refused; their live streams (one over SSE through the
 * gateway, one over WebSocket on each spaces replica), fed a comment every ~50 ms, must deliver
 * nothing posted 1 s or more after the removal and end refused. The figures are printed. MariaDB and Redis only: the
 * point is several replicas on one database; in-process replicas keep it to a few seconds.
 */
const MYSQL = process.env.MYSQL_URL;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis server answers PING at `url` (within 1 s). */
async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port || 6379), hostname || '127.0.0.1');
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => finish(chunk.toString().startsWith('+PONG')));
  });
}

const missing = !MYSQL ? 'needs MariaDB (set MYSQL_URL=mysql://root@127.0.0.1:3306)' : !(await redisAnswers(REDIS_URL)) ? `needs Redis at ${REDIS_URL} (set REDIS_URL)` : undefined;
if (missing) console.log(`revocation-replicas.test.ts: skipped, ${missing}`);

const ISSUE = `mutation($input: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $input) { token } }`;
const REMOVE = `mutation($id: ID!) { removeMember(userId: $id) }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const COMMENT_ADDED = 'subscription($threadId: ID!) { commentAdded(threadId: $threadId) { id } }';
/** Through the gateway: one query whose fields only that subgraph resolves. */
const THROUGH_GATEWAY: Record<string, string> = {
  spaces: `{ viewer { id } }`,
  licensing: `{ viewer { tenant { contract { course } } } }`,
  cards: `{ cards(first: 1) { edges { node { id } } } }`,
  support: `{ viewer { isSupportRegistrant } }`,
};
/** Straight to a replica: a root field of its own. */
const ON_REPLICA: Record<string, string> = {
  spaces: `{ viewer { id } }`,
  licensing: `{ priceBook { id } }`,
  cards: `{ cards(first: 1) { edges { node { id } } } }`,
  support: `{ myTickets(first: 1) { edges { node { id } } } }`,
};
const NAMES = ['spaces', 'licensing', 'cards', 'support'] as const;
type Name = (typeof NAMES)[number];

describe.skipIf(missing !== undefined)('T5: revocation across two replicas of every subgraph behind the gateway (MariaDB, Redis)', () => {
  let auth: TestAuth;
  let gateway: GatewayHandle;
  let gatewayUrl: string;
  let client: GraphQLClient;
  const databases: TestDatabase[] = [];
  const handles: SubgraphHandle[] = [];
  const balancers = {} as Record<Name, Balancer>;
  /** Each subgraph's two replicas' URLs, A (seeded) then B. */
  const replicaUrls = {} as Record<Name, [string, string]>;

  beforeAll(async () => {
    // loaded here, so that a run without MariaDB or Redis skips at once
    const [{ spacesSubgraph }, { licensingSubgraph }, { cardsSubgraph }, { supportSubgraph }, { createGateway }] = await Promise.all([
      import('@kyodo/spaces'),
      import('@kyodo/licensing'),
      import('@kyodo/cards'),
      import('@kyodo/support'),
      import('@kyodo/gateway'),
    ]);
    const definitions: Record<Name, SubgraphDefinition> = { spaces: spacesSubgraph, licensing: licensingSubgraph, cards: cardsSubgraph, support: supportSubgraph };
    auth = await createTestAuth();
    const ports = {} as Record<Name, [number, number]>;
    for (const name of NAMES) {
      ports[name] = [await freePort(), await freePort()];
      balancers[name] = await startBalancer(ports[name]);
    }
    const start = async (name: Name, database: TestDatabase, port: number, seed: boolean) => {
      const handle = await definitions[name].create({
        databaseUrl: database.url,
        verifier: auth.verifier,
        issuer: auth.issuer,
        gatewaySecret: auth.gatewaySecret,
        logger: silentLogger,
        // every peer, spaces' access feed included, through its balancer: either replica answers
        peers: { urlOf: (peer) => balancers[peer as Name]?.url },
        env: { REDIS_URL },
      });
      handles.push(handle);
      if (seed) await handle.seedDemo();
      return handle.listen(port);
    };
    for (const name of NAMES) {
      const database = await createTestDatabase(`revoke-${name}`, 'mariadb');
      databases.push(database);
      // one after the other: A migrates and seeds, B finds the schema done
      const a = await start(name, database, ports[name][0], true);
      const b = await start(name, database, ports[name][1], false);
      replicaUrls[name] = [a, b];
    }
    const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const subgraphUrls = Object.fromEntries(NAMES.map((name) => [name, balancers[name].url]));
    gateway = await createGateway({ supergraphSdl, subgraphUrls, verifier: auth.verifier, gatewaySecret: auth.gatewaySecret, accessFeed: {} });
    gatewayUrl = await gateway.listen(0);
    client = createClient(gatewayUrl);
  }, 180_000);
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(handles.map((handle) => handle.close()));
    await Promise.all(Object.values(balancers).map((balancer) => balancer.close()));
    await Promise.all(databases.map((database) => database.drop()));
  });

  it("a removed member's token on every subgraph and replica, their open streams and their integration token are refused within 1 s of the removal", async () => {
    const admin = await signInAs(client, 'admin');
    const member = await signInAs(client, 'member');
    const crm = (await client.data<{ issueIntegrationToken: { token: string } }>(ISSUE, { input: { name: 'CRM', actAsUserId: DEMO.member.id } }, { token: admin })).issueIntegrationToken.token;
    const checks: Array<[string, GraphQLClient, string, string]> = [];
    for (const name of NAMES) checks.push([`gateway → ${name}, session`, client, THROUGH_GATEWAY[name]!, member]);
    checks.push(['gateway → cards, integration token', client, THROUGH_GATEWAY.cards!, crm]);
    for (const name of NAMES) {
      for (const [n, url] of replicaUrls[name].entries()) {
        const replica = `${name} ${'AB'[n]}`;
        checks.push([`${replica}, session`, createClient(url), ON_REPLICA[name]!, member]);
        if (name === 'cards') checks.push([`${replica}, integration token`, createClient(url), ON_REPLICA.cards!, crm]);
      }
    }
    // before: every check answers, on every replica (each round robin reaches both over a few calls)
    for (let round = 0; round < 2; round++) {
      for (const [label, target, query, token] of checks) expect(errorCodes(await target.request(query, {}, { token })), label).toEqual([]);
    }

    // the member's streams: over SSE through the gateway (which subscribes on one spaces replica
    // through the balancer), and over WebSocket on each spaces replica; Redis carries each comment to both
    const threadId = (await client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId: DEMO_SPACES.partner.id, title: 'replicas' } }, { token: admin })).createThread.id;
    const comment = async (text: string) => (await client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { threadId, text } }, { token: admin })).addComment.id;
    type Event = { commentAdded: { id: string } | null };
    const streams: Array<[string, LiveStream<Event>]> = [
      ['SSE through the gateway', subscribeOverSse<Event>(gatewayUrl, COMMENT_ADDED, { threadId }, { token: member })],
      ...replicaUrls.spaces.map((url, n): [string, LiveStream<Event>] => [`WebSocket on spaces ${'AB'[n]}`, subscribeOverSocket<Event>(url, COMMENT_ADDED, { threadId }, { token: member })]),
    ];
    try {
      await whenLive(
        streams.map(([, stream]) => stream),
        () => comment('warming up'),
      );

      // the removal, through the gateway; the checks and a comment every ~50 ms run while it is in flight
      const sentAt = performance.now();
      const since = () => Math.round(performance.now() - sentAt);
      let removalAnsweredAfter: number | undefined;
      const removal = client.data(REMOVE, { id: DEMO.member.id }, { token: admin }).then((answer) => {
        removalAnsweredAfter = since();
        return answer;
      });
      const refusedAfter: Record<string, number> = {};
      const streamEndedAfter: Record<string, number> = {};
      /** Answers other than "allowed" or UNAUTHENTICATED, and answers allowed again after a refusal. */
      const wrong: string[] = [];
      /** Each comment posted meanwhile, with when it was sent (ms after the removal was sent). */
      const comments: Array<{ id: string; sentAfter: number; answeredAfter: number }> = [];
      const streamRefused = (stream: LiveStream<Event>) => stream.ended || stream.results.some((r) => errorCodes({ errors: r.errors }).length > 0);
      const done = () => Object.keys(refusedAfter).length === checks.length && Object.keys(streamEndedAfter).length === streams.length;
      const commenting = (async () => {
        while (!done() && since() < 3000) {
          const sentAfter = since();
          const id = await comment(`after the removal was sent, ${sentAfter} ms`);
          comments.push({ id, sentAfter, answeredAfter: since() });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      // every check is asked once more after the last one was refused: a refusal must stay
      for (let last = false; since() < 3000; ) {
        await Promise.all(
          checks.map(async ([label, target, query, token]) => {
            const codes = errorCodes(await target.request(query, {}, { token }));
            if (codes.length > 0 && codes.every((code) => code === 'UNAUTHENTICATED')) refusedAfter[label] ??= since();
            else if (codes.length > 0) wrong.push(`${label}: ${codes.join(', ')} after ${since()} ms`);
            else if (refusedAfter[label] !== undefined) wrong.push(`${label}: allowed again after ${since()} ms (refused after ${refusedAfter[label]} ms)`);
          }),
        );
        for (const [label, stream] of streams) if (streamRefused(stream)) streamEndedAfter[label] ??= since();
        if (last) break;
        last = done();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await removal).toEqual({ removeMember: true });
      await commenting;
      console.log('revocation-replicas: removal answered after (ms)', removalAnsweredAfter, '; refused after (ms, from the removal sent)', refusedAfter, '; streams refused after (ms)', streamEndedAfter, '; comments sent→answered (ms)', comments.map((c) => `${c.sentAfter}→${c.answeredAfter}`).join(' '));

      expect(wrong).toEqual([]);
      for (const [label] of checks) {
        expect(refusedAfter[label], label).toBeDefined();
        expect(refusedAfter[label], label).toBeLessThan(1000);
      }
      // a stream is refused at its next event: when that comes depends on when comments are posted
      // (under load an addComment takes hundreds of ms), so what is bounded is what it delivers:
      // nothing posted 1 s or more after the removal was sent, and it ends refused
      const lastDelivered: Record<string, number | null> = {};
      for (const [label, stream] of streams) {
        const delivered = new Set(stream.results.map((r) => r.data?.commentAdded?.id).filter(Boolean));
        lastDelivered[label] = comments.filter((c) => delivered.has(c.id)).at(-1)?.sentAfter ?? null;
      }
      console.log('revocation-replicas: the last comment each stream delivered was sent after (ms; null: none after the removal)', lastDelivered);
      for (const [label, stream] of streams) {
        expect(streamEndedAfter[label], label).toBeDefined();
        expect(lastDelivered[label] ?? 0, label).toBeLessThan(1000);
        const delivered = new Set(stream.results.map((r) => r.data?.commentAdded?.id).filter(Boolean));
        expect(
          comments.filter((c) => c.sentAfter >= 1000 && delivered.has(c.id)),
          label,
        ).toEqual([]);
        await stream.waitForEnd(5000);
        expect(
          stream.results.flatMap((r) => errorCodes({ errors: r.errors })),
          label,
        ).toEqual(['UNAUTHENTICATED']);
      }
    } finally {
      await Promise.all(streams.map(([, stream]) => stream.close()));
    }
  });
});
