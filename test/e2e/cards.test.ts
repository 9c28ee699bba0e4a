import { randomUUID } from 'node:crypto';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';
import {
  CardsAddGroupMemberDocument,
  CardsCardDocument,
  CardsCardImageDocument,
  CardsCreateCardDocument,
  CardsCreateGroupDocument,
  CardsExportDocument,
  CardsListDocument,
  CardsOrderDigitisationPackDocument,
  CardsQuotaDocument,
  CardsRecordScanDocument,
  CardsRemoveGroupMemberDocument,
  CardsSetCardImageDocument,
  CardsSetExportPermissionDocument,
} from './gql/graphql.js';
import { typedClient } from './typed-client.js';

// the refused requests stay raw strings on purpose; what must succeed goes through the typed client
const UPDATE = `mutation($input: UpdateCardInput!) { updateCard(input: $input) { id } }`;
const SCAN = `mutation($input: RecordScanInput!) { recordScan(input: $input) { id state scannedSides } }`;
const EXPORT = `{ exportCards { cardCount csv } }`;

// cards reads groups and quotas from copies at most CARDS_PEER_MAX_STALENESS_MS (2 x the sync interval) behind
// spaces and licensing; a change is in effect in cards once that bound has passed
const PEER_SYNC_MS = 100;
const afterTheBound = () => new Promise((done) => setTimeout(done, 2 * PEER_SYNC_MS + 100));

describe.each(testDialects())('cards through the gateway on %s (C1-C3, L15)', (dialect) => {
  let stack: Stack;
  let admin: string;
  let member: string;
  let guest: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect, env: { CARDS_PEER_SYNC_MS: String(PEER_SYNC_MS) } });
    [admin, member, guest] = await Promise.all([signInAs(stack.client, 'admin'), signInAs(stack.client, 'member'), signInAs(stack.client, 'guest')]);
  });
  afterAll(() => stack?.close());

  const ids = async (token: string, search?: string) => (await typedClient(stack, token).data(CardsListDocument, { search })).cards!.edges.map((e) => e.node.id);
  const quota = async () => (await typedClient(stack, admin).data(CardsQuotaDocument)).viewer!.tenant.cardQuota;

  it('C3: a card limited to a group: its member finds it; a member outside it cannot by list, search, id or export, nor change it; a guest sees no cards', async () => {
    const group = (await typedClient(stack, admin).data(CardsCreateGroupDocument, { input: { name: '機密プロジェクト' } })).createGroup;
    await typedClient(stack, admin).data(CardsAddGroupMemberDocument, { input: { groupId: group.id, userId: DEMO.admin.id } });
    await afterTheBound();
    const card = (
      await typedClient(stack, admin).data(CardsCreateCardDocument, {
        input: { name: '極秘 花子', nameReading: 'ゴクヒ ハナコ', company: '株式会社ひみつ', email: 'hanako@himitsu.example', visibleToGroupIds: [group.id] },
      })
    ).createCard;
    // the owner comes from spaces through the gateway
    expect(card.owner).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    expect(await ids(admin)).toContain(card.id);
    expect(await ids(admin, 'ごくひ')).toEqual([card.id]);

    expect(await ids(member)).not.toContain(card.id);
    expect(await ids(member, 'ごくひ')).toEqual([]);
    expect(await ids(member, 'himitsu')).toEqual([]);
    expect((await typedClient(stack, member).data(CardsCardDocument, { id: card.id })).card).toBeNull();
    expect(errorCodes(await stack.client.request(UPDATE, { input: { id: card.id, name: 'x' } }, { token: member }))).toEqual(['NOT_FOUND']);
    // export (C5) is its own permission; granted, the member's export still leaves the card out, the admin's has it
    expect(errorCodes(await stack.client.request(EXPORT, {}, { token: member }))).toEqual(['FORBIDDEN']);
    for (const userId of [DEMO.member.id, DEMO.admin.id]) await typedClient(stack, admin).data(CardsSetExportPermissionDocument, { input: { userId, allowed: true } });
    const exported = async (token: string) => (await typedClient(stack, token).data(CardsExportDocument)).exportCards.csv;
    expect(await exported(member)).not.toContain(card.id);
    expect(await exported(member)).not.toContain('極秘');
    expect(await exported(member)).toContain('山田 太郎');
    expect(await exported(admin)).toContain(card.id);
    // tenant-wide cards are there for the member
    expect(await ids(member, '山田')).toEqual(['00000000-0000-4000-8000-000000000201']);

    expect(await ids(guest)).toEqual([]);
    expect(errorCodes(await stack.client.request(EXPORT, {}, { token: guest }))).toEqual(['FORBIDDEN']);
    expect((await typedClient(stack, guest).data(CardsCardDocument, { id: '00000000-0000-4000-8000-000000000201' })).card).toBeNull();
  });

  it('C1/C3: an image uploaded through the gateway downloads through the gateway by its signed link; a member outside the group gets no link', async () => {
    // the smallest valid PNG: signature, IHDR, IDAT, IEND
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const group = (await typedClient(stack, admin).data(CardsCreateGroupDocument, { input: { name: 'Images' } })).createGroup;
    await typedClient(stack, admin).data(CardsAddGroupMemberDocument, { input: { groupId: group.id, userId: DEMO.admin.id } });
    await afterTheBound();
    const card = (await typedClient(stack, admin).data(CardsCreateCardDocument, { input: { name: 'Picture Person', visibleToGroupIds: [group.id] } })).createCard;
    const set = await typedClient(stack, admin).data(CardsSetCardImageDocument, { input: { cardId: card.id, side: 'FRONT', base64: png.toString('base64') } });
    const frontImage = set.setCardImage.frontImage!;
    const download = await fetch(new URL(frontImage.url, stack.gatewayUrl));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(frontImage.contentType);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    // a forged link is refused by the cards service, through the gateway
    const forged = await fetch(new URL(frontImage.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), stack.gatewayUrl));
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect((await typedClient(stack, member).data(CardsCardImageDocument, { id: card.id })).card).toBeNull();
  });

  it('L15: scan to the quota edge and be refused with the numbers; buy a pack in licensing and scan again', async () => {
    const card = (await typedClient(stack, member).data(CardsCreateCardDocument, { input: { name: 'Scan Edge' } })).createCard;
    expect(await quota()).toEqual({ included: 1000, purchased: 0, used: 0, remaining: 1000 });
    // 998 sides already used (a fast way to reach the edge): set in the cards database
    await stack.handles.cards!.dataSource.query('INSERT INTO card_quota_usage (tenantId, used) VALUES (?, ?)', [DEMO.tenant.id, 998]);
    const toEdge = await typedClient(stack, member).data(CardsRecordScanDocument, { input: { cardId: card.id, sides: 2 } });
    expect(toEdge.recordScan).toEqual({ id: card.id, state: 'SCANNED', scannedSides: 2 });
    expect(await quota()).toEqual({ included: 1000, purchased: 0, used: 1000, remaining: 0 });

    const refused = await stack.client.request(SCAN, { input: { cardId: card.id, sides: 1 } }, { token: member });
    expect(errorCodes(refused)).toEqual(['QUOTA_EXCEEDED']);
    // I1: the demo tenant's people read Japanese (its locale), with the rule beside the code
    expect(refused.errors?.[0]?.message).toContain('テナントの 1000 面（契約分 1000 面 + 購入分 0 面）のうち残りは 0 面です');
    expect(refused.errors?.[0]?.extensions?.rule).toBe('L15');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ included: 1000, purchased: 0, used: 1000, requested: 1 });

    await typedClient(stack, admin).data(CardsOrderDigitisationPackDocument, { input: { packs: 1, idempotencyKey: randomUUID() } });
    await afterTheBound();
    const after = await typedClient(stack, member).data(CardsRecordScanDocument, { input: { cardId: card.id, sides: 2 } });
    expect(after.recordScan.scannedSides).toBe(4);
    expect(await quota()).toEqual({ included: 1000, purchased: 1000, used: 1002, remaining: 998 });
  });

  it('C3: a member removed from a group stops seeing its cards in cards within the bound, and saw them before', async () => {
    const group = (await typedClient(stack, admin).data(CardsCreateGroupDocument, { input: { name: '退出テスト' } })).createGroup;
    await typedClient(stack, admin).data(CardsAddGroupMemberDocument, { input: { groupId: group.id, userId: DEMO.member.id } });
    await typedClient(stack, admin).data(CardsAddGroupMemberDocument, { input: { groupId: group.id, userId: DEMO.admin.id } });
    const card = (await typedClient(stack, admin).data(CardsCreateCardDocument, { input: { name: '退出 次郎', visibleToGroupIds: [group.id] } })).createCard;
    await afterTheBound();
    expect(await ids(member)).toContain(card.id);
    await typedClient(stack, admin).data(CardsRemoveGroupMemberDocument, { input: { groupId: group.id, userId: DEMO.member.id } });
    await afterTheBound();
    expect(await ids(member)).not.toContain(card.id);
    expect((await typedClient(stack, member).data(CardsCardDocument, { id: card.id })).card).toBeNull();
    expect(errorCodes(await stack.client.request(UPDATE, { input: { id: card.id, name: 'x' } }, { token: member }))).toEqual(['NOT_FOUND']);
    expect(await ids(admin)).toContain(card.id);
  });
});
