import { randomBytes } from 'node:crypto';
import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardImageProblem, detectImageType, MAX_IMAGE_BYTES } from '../src/domain/card-image.js';
import { signFileLink, verifyFileLink } from '../src/domain/file-link.js';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const GIF = Buffer.from('GIF89a................');

describe('C1 images and C3 file links (rules)', () => {
  it('C1: the type comes from the magic bytes: JPEG FF D8 FF, PNG 89 50 4E 47; anything else is refused', () => {
    expect(detectImageType(JPEG)).toBe('image/jpeg');
    expect(detectImageType(PNG)).toBe('image/png');
    expect(detectImageType(GIF)).toBeNull();
    expect(cardImageProblem(GIF.toString('base64'))).toEqual({ problem: { key: 'imageNotJpegOrPng' } });
    expect(cardImageProblem('not base64!')).toEqual({ problem: { key: 'imageNotBase64' } });
    expect(cardImageProblem('')).toEqual({ problem: { key: 'imageEmpty' } });
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(cardImageProblem(big.toString('base64'))).toEqual({ problem: { key: 'imageTooLarge', params: { maxKiB: 700, bytes: big.length } } });
  });
  it('C3: a file link is signed and expires; a changed link or another key is refused', () => {
    const secret = randomBytes(32);
    const now = new Date('2026-01-01T00:00:00Z');
    const token = signFileLink(secret, { key: 't/c/front-x.jpg', kind: 'image', expiresAt: now.getTime() + 1000 });
    expect(verifyFileLink(secret, token, now)).toEqual({ key: 't/c/front-x.jpg', kind: 'image', expiresAt: now.getTime() + 1000 });
    expect(verifyFileLink(secret, token, new Date(now.getTime() + 1000))).toBe('expired');
    expect(verifyFileLink(randomBytes(32), token, now)).toBe('invalid');
    const forged = signFileLink(randomBytes(32), { key: 't/c/other.jpg', kind: 'image', expiresAt: now.getTime() + 1000 }).split('.')[0];
    expect(verifyFileLink(secret, `${forged}.${token.split('.')[1]}`, now)).toBe('invalid');
  });
});

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const SET = `mutation($input: SetCardImageInput!) { setCardImage(input: $input) { id frontImage { contentType sizeBytes url } backImage { contentType sizeBytes url } } }`;
const CARD = `query($id: ID!) { card(id: $id) { id frontImage { contentType sizeBytes url } } }`;
const GROUP = '00000000-0000-4000-8000-0000000ff001';

type Image = { contentType: string; sizeBytes: number; url: string } | null;

describe.each(testDialects())('card images (C1, C3) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let origin: string;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    Object.assign(t, await stack.auth.demoTokens());
    t.insider = await stack.auth.tokenFor({ id: '00000000-0000-4000-8000-0000000ff011' });
    peers.groupsByToken.set(t.insider, [GROUP]);
    origin = new URL(stack.subgraphUrls.cards!).origin;
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it('C1: a front and a back image are stored outside the database and served by a signed link; a new one replaces the old', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Image Person' } }, { token: t.member })).createCard.id;
    const front = (await stack.client.data<{ setCardImage: { frontImage: Image; backImage: Image } }>(SET, { input: { cardId: id, side: 'FRONT', base64: JPEG.toString('base64') } }, { token: t.member })).setCardImage;
    expect(front.frontImage).toMatchObject({ contentType: 'image/jpeg', sizeBytes: JPEG.length });
    expect(front.backImage).toBeNull();
    const both = (await stack.client.data<{ setCardImage: { frontImage: Image; backImage: Image } }>(SET, { input: { cardId: id, side: 'BACK', base64: PNG.toString('base64') } }, { token: t.member })).setCardImage;
    expect(both.backImage).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    const got = await fetch(origin + both.frontImage!.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(Buffer.from(await (await fetch(origin + both.backImage!.url)).arrayBuffer()).equals(PNG)).toBe(true);
    // a link someone edited is refused
    expect((await fetch(`${origin}${both.frontImage!.url}x`)).status).toBe(404);
    // replacing the front removes the old file: its link no longer serves it
    await stack.client.data(SET, { input: { cardId: id, side: 'FRONT', base64: PNG.toString('base64') } }, { token: t.member });
    expect((await fetch(origin + both.frontImage!.url)).status).toBe(404);
  });

  it('C1: other types and oversized images are refused with clear BAD_USER_INPUT messages', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Bad Image' } }, { token: t.member })).createCard.id;
    const gif = await stack.client.request(SET, { input: { cardId: id, side: 'FRONT', base64: GIF.toString('base64') } }, { token: t.member });
    expect(errorCodes(gif)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(gif)).toContain('JPEG or a PNG');
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES - JPEG.length + 1)]);
    const tooBig = await stack.client.request(SET, { input: { cardId: id, side: 'FRONT', base64: big.toString('base64') } }, { token: t.member });
    expect(errorCodes(tooBig)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(tooBig)).toContain('at most 700 KiB');
  });

  it('C3: images of a card limited to a group: outsiders can neither get a link nor set an image; guests neither', async () => {
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Secret Image', visibleToGroupIds: [GROUP] } }, { token: t.insider })).createCard.id;
    await stack.client.data(SET, { input: { cardId: id, side: 'FRONT', base64: JPEG.toString('base64') } }, { token: t.insider });
    const seen = (await stack.client.data<{ card: { frontImage: Image } | null }>(CARD, { id }, { token: t.insider })).card;
    expect(seen?.frontImage?.url).toMatch(/^\/files\//);
    expect((await stack.client.data<{ card: unknown }>(CARD, { id }, { token: t.member })).card).toBeNull();
    expect(errorCodes(await stack.client.request(SET, { input: { cardId: id, side: 'FRONT', base64: PNG.toString('base64') } }, { token: t.member }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(SET, { input: { cardId: id, side: 'FRONT', base64: PNG.toString('base64') } }, { token: t.guest }))).toEqual(['FORBIDDEN']);
  });
});

describe('the files route in production', () => {
  it('C3: like /graphql, /files/ answers only requests carrying the gateway credential', async () => {
    const stack = await startStack({ subgraphs: [cardsSubgraph], production: true });
    try {
      const origin = new URL(stack.subgraphUrls.cards!).origin;
      expect((await fetch(`${origin}/files/anything`)).status).toBe(403);
      expect((await fetch(`${origin}/elsewhere`)).status).toBe(403);
    } finally {
      await stack.close();
    }
  });
});
