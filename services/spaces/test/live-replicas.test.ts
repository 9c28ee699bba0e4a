import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type SubgraphHandle } from '@kyodo/subgraph-kit';
import { createClient, createTestAuth, createTestDatabase, subscribeOverSocket, testDialects, whenLive, type LiveResult, type LiveStream, type TestDatabase } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something answers on Redis's port (a TCP connect within a second). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const redisUp = await reachable(REDIS_URL);
if (!redisUp) console.warn(`live-replicas: skipped, no Redis at ${REDIS_URL} (set REDIS_URL to run it)`);

type Added = { commentAdded: { id: string; body: string } };

/**
 * Two replicas of spaces on one database, sharing nothing in memory: a comment added through
 * replica B reaches a subscriber connected to replica A only through the broker (Redis pub/sub).
 */
describe.skipIf(!redisUp).each(testDialects())('commentAdded across two replicas of spaces (Redis pub/sub) on %s', (dialect) => {
  let db: TestDatabase;
  let dataDir: string;
  const replicas: SubgraphHandle[] = [];
  const urls: string[] = [];
  let stream: LiveStream<Added> | undefined;

  beforeAll(async () => {
    const auth = await createTestAuth();
    db = await createTestDatabase('spaces-replicas', dialect);
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-replicas-'));
    for (const name of ['A', 'B']) {
      const handle = await spacesSubgraph.create({
        databaseUrl: db.url,
        verifier: auth.verifier,
        issuer: auth.issuer,
        gatewaySecret: auth.gatewaySecret,
        logger: silentLogger,
        dataDir,
        env: { REDIS_URL },
        // the second replica finds the schema migrated by the first, as in a rolling deployment
        migrate: name === 'A',
      });
      replicas.push(handle);
      if (name === 'A') await handle.seedDemo();
      urls.push(await handle.listen(0));
    }
    Object.assign(tokens, await auth.demoTokens());
  });
  const tokens: { member?: string } = {};
  afterAll(async () => {
    await stream?.close();
    for (const replica of replicas) await replica.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('subscribe on replica A, comment on replica B: the comment arrives', async () => {
    const onB = createClient(urls[1]!, { token: tokens.member });
    const spaceId = (await onB.data<{ createSpace: { id: string } }>('mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }', { i: { name: 'Replicated', isGuestSpace: false } })).createSpace.id;
    const threadId = (await onB.data<{ createThread: { id: string } }>('mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }', { i: { spaceId, title: 'Across replicas' } })).createThread.id;
    const comment = async (text: string) => (await onB.data<{ addComment: { id: string } }>('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { threadId, text } })).addComment.id;

    stream = subscribeOverSocket<Added>(urls[0]!, 'subscription($t: ID!) { commentAdded(threadId: $t) { id body } }', { t: threadId }, { token: tokens.member });
    await whenLive([stream], () => comment('warming up'));
    const id = await comment('B から A へ');
    const seen = await stream.waitFor((result: LiveResult<Added>) => result.data?.commentAdded?.id === id);
    expect(seen.at(-1)).toEqual({ data: { commentAdded: { id, body: 'B から A へ' } } });
  });
});
