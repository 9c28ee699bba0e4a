import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestAuth, DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { silentLogger, type SubgraphDefinition } from '@kyodo/subgraph-kit';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageStoreFor, LocalImageStore } from '../src/image-store.js';
import { cardsSubgraph } from '../src/index.js';
import { S3ImageStore } from '../src/s3-image-store.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const BUCKET = 'kyodo-cards';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000)]);

/** A real S3-compatible server (s3rver checks the signatures) on a free port, its bucket in a temp folder. */
async function startS3(): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'kyodo-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  return {
    env: {
      CARDS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      CARDS_S3_BUCKET: BUCKET,
      CARDS_S3_REGION: 'us-east-1',
      CARDS_S3_ACCESS_KEY_ID: 'S3RVER',
      CARDS_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** cards as `npm start` would run it with these variables set. */
const cardsWithEnv = (env: Record<string, string>): SubgraphDefinition => ({ ...cardsSubgraph, create: (deps) => cardsSubgraph.create({ ...deps, env }) });

describe('C1: the S3-compatible image store', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('C1: puts, gets, lists and deletes an image; a missing key is null, deleting it again no error', async () => {
    const store = imageStoreFor({ dataDir: '/nonexistent', env: s3.env });
    expect(store).toBeInstanceOf(S3ImageStore);
    await store.put('tenant/card/front-a.jpg', JPEG);
    expect((await store.get('tenant/card/front-a.jpg'))?.equals(JPEG)).toBe(true);
    expect(await store.list('tenant/card/')).toEqual(['tenant/card/front-a.jpg']);
    await store.delete('tenant/card/front-a.jpg');
    expect(await store.get('tenant/card/front-a.jpg')).toBeNull();
    await store.delete('tenant/card/front-a.jpg');
    expect(await store.list('tenant/card/')).toEqual([]);
    await expect(store.get('../escape.jpg')).rejects.toThrow('not an image key');
  });

  it('C1: without CARDS_S3_* the local folder is the store; with only some set, start-up stops with the missing ones named', async () => {
    expect(imageStoreFor({ dataDir: '/tmp/x', env: {} })).toBeInstanceOf(LocalImageStore);
    const { CARDS_S3_BUCKET: _bucket, CARDS_S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3.env;
    const auth = await createTestAuth();
    const dataDir = await mkdtemp(join(tmpdir(), 'kyodo-cards-'));
    try {
      const started = cardsWithEnv(partial).create({ databaseUrl: `sqlite:${join(dataDir, 'cards.sqlite')}`, verifier: auth.verifier, dataDir, logger: silentLogger });
      await expect(started).rejects.toThrow(/Invalid environment:\n {2}CARDS_S3_BUCKET: is required when any CARDS_S3_\* variable is set[^\n]*\n {2}CARDS_S3_SECRET_ACCESS_KEY: is required/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const SET = `mutation($input: SetCardImageInput!) { setCardImage(input: $input) { id frontImage { contentType sizeBytes url } } }`;

describe.each(testDialects())('C1: cards with the S3 store configured on %s', (dialect) => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let stack: Stack;
  let peers: FakePeers;
  beforeAll(async () => {
    s3 = await startS3();
    stack = await startStack({ subgraphs: [cardsWithEnv(s3.env)], dialect });
    peers = await startFakePeers(stack);
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
    await s3?.close();
  });

  it('C1: setCardImage stores the image in the bucket (not the data dir) and its signed link serves it', async () => {
    const { member } = await stack.auth.demoTokens();
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'S3 Person' } }, { token: member })).createCard.id;
    const set = (await stack.client.data<{ setCardImage: { frontImage: { contentType: string; sizeBytes: number; url: string } } }>(SET, { input: { cardId: id, side: 'FRONT', base64: JPEG.toString('base64') } }, { token: member })).setCardImage;
    expect(set.frontImage).toMatchObject({ contentType: 'image/jpeg', sizeBytes: JPEG.length });
    const got = await fetch(new URL(stack.subgraphUrls.cards!).origin + set.frontImage.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(await imageStoreFor({ env: s3.env }).list(`${DEMO.tenant.id}/${id}/`)).toHaveLength(1);
    expect(await readdir(stack.dataDir)).not.toContain('card-images');
  });
});
