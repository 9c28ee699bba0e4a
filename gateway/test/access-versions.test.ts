import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, TEST_GATEWAY_SECRET, type TinyGateway } from './support/tiny-gateway.js';

/**
 * T5 at the gateway (issue 19: "checked by the gateway and every subgraph on every request"): a
 * token signed before its user's access changed is refused by the gateway itself, before planning,
 * from its copy of spaces' access feed; no subgraph hears of the request. A stand-in spaces serves
 * the feed (`/internal/changes/access`), as the real one does.
 */
interface FakeFeed {
  url: string;
  /** Raises a user's access version, as spaces' revokeAccess does. */
  revoke(userId: string, version: number): void;
  setBroken(broken: boolean): void;
  headersSeen(): IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function startFakeAccessFeed(): Promise<FakeFeed> {
  const rows: { seq: number; userId: string; version: number }[] = [];
  const seen: IncomingHttpHeaders[] = [];
  let broken = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://spaces');
    seen.push(req.headers);
    if (broken || url.pathname !== '/internal/changes/access') {
      res.writeHead(broken ? 500 : 404).end();
      return;
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ head: rows.length, changes: rows.filter((row) => row.seq > after) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    revoke: (userId, version) => rows.push({ seq: rows.length + 1, userId, version }),
    setBroken: (value) => {
      broken = value;
    },
    headersSeen: () => seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const ME = { query: '{ me { name } }' };

describe('T5: the gateway refuses a token older than its user\'s access version (issue 19)', () => {
  let feed: FakeFeed;
  let gw: TinyGateway;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    feed = await startFakeAccessFeed();
    gw = await startTinyGateway({
      accessFeed: { directory: { urlOf: (name) => (name === 'spaces' ? feed.url : undefined) }, settings: { syncMs: 30, maxStalenessMs: 300 } },
    });
  });
  afterAll(async () => {
    await gw?.close();
    await feed?.close();
  });

  it('a removed member\'s token is refused with 401 UNAUTHENTICATED (T5) and no subgraph receives the request; a new token, and other users, go on', async () => {
    const old = await gw.tokenFor({ userId: 'p1', accessVersion: 0 });
    const other = await gw.tokenFor({ userId: 'p2' });
    expect((await gw.post(ME, bearer(old))).body.data).toEqual({ me: { name: 'Aiko' } });

    feed.revoke('p1', 1);
    // the copy follows the feed within its bound (settings: 300 ms)
    await expect.poll(async () => (await gw.post(ME, bearer(old))).status, { timeout: 3000, interval: 50 }).toBe(401);
    const before = gw.stack.requests.length;
    const refused = await gw.post(ME, bearer(old));
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([['UNAUTHENTICATED', 'T5']]);
    // I1: a token without `lng` and no Accept-Language: Japanese
    expect(refused.body.errors?.[0]?.message).toMatch(/^このサインインは、アクセス権が変わったため無効になりました/);
    expect(gw.stack.requests.length).toBe(before);

    const fresh = await gw.tokenFor({ userId: 'p1', accessVersion: 1 });
    expect((await gw.post(ME, bearer(fresh))).status).toBe(200);
    expect((await gw.post(ME, bearer(other))).status).toBe(200);
    // the feed is internal: read with the gateway credential
    expect(feed.headersSeen().every((headers) => headers[GATEWAY_CREDENTIAL_HEADER] === TEST_GATEWAY_SECRET)).toBe(true);
  });

  it("learns from a subgraph's T5 refusal: the next request with that token is refused by the gateway itself, before any subgraph, while its own copy has not caught up", async () => {
    const token = await gw.tokenFor({ userId: 'p3', accessVersion: 0 });
    expect((await gw.post(ME, bearer(token))).status).toBe(200);
    // a subgraph whose copy of the feed is ahead refuses the token (as a replica that committed the removal does)
    const bySubgraph = await gw.post({ query: '{ revoked }' }, bearer(token));
    expect(bySubgraph.body.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([['UNAUTHENTICATED', 'T5']]);
    const before = gw.stack.requests.length;
    for (let i = 0; i < 3; i++) {
      const refused = await gw.post(ME, bearer(token));
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([['UNAUTHENTICATED', 'T5']]);
    }
    expect(gw.stack.requests.length).toBe(before);
    // the feed never said so, and later polls lower nothing; another user, and a newer token, go on
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await gw.post(ME, bearer(token))).status).toBe(401);
    expect((await gw.post(ME, bearer(await gw.tokenFor({ userId: 'p3', accessVersion: 1 })))).status).toBe(200);
    expect((await gw.post(ME, bearer(await gw.tokenFor({ userId: 'p2' })))).status).toBe(200);
  });

  it('fails closed: with the feed unreadable past the bound, signed-in requests get 503 SERVICE_UNAVAILABLE before any subgraph; anonymous ones go on', async () => {
    feed.setBroken(true);
    try {
      const token = await gw.tokenFor({ userId: 'p2' });
      await expect.poll(async () => (await gw.post(ME, bearer(token))).status, { timeout: 3000, interval: 50 }).toBe(503);
      const before = gw.stack.requests.length;
      const refused = await gw.post(ME, bearer(token));
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(gw.stack.requests.length).toBe(before);
      expect((await gw.post(ME)).body.data).toEqual({ me: null });
    } finally {
      feed.setBroken(false);
    }
    const token = await gw.tokenFor({ userId: 'p2' });
    await expect.poll(async () => (await gw.post(ME, bearer(token))).status, { timeout: 3000, interval: 50 }).toBe(200);
  });
});
