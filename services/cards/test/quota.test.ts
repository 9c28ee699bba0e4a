import { randomUUID } from 'node:crypto';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardQuotaUsage } from '../src/entities/card-quota-usage.entity.js';
import { Card } from '../src/entities/card.entity.js';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const SCAN = `mutation($input: RecordScanInput!) { recordScan(input: $input) { id state scannedSides } }`;
const QUOTA = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { cardQuota { included purchased used remaining } } } }`;

describe.each(testDialects())('card digitisation quota (C2, L15) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let admin: string;
  let guest: string;
  const cardIds: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    ({ admin, guest } = await stack.auth.demoTokens());
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), tenantId: DEMO.tenant.id, ownerId: DEMO.admin.id, name: `Scan ${i}`, personId: null }));
    await stack.handles.cards!.dataSource.getRepository(Card).insert(rows);
    cardIds.push(...rows.map((r) => r.id));
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  const usage = async () => (await stack.handles.cards!.dataSource.getRepository(CardQuotaUsage).findOneBy({ tenantId: DEMO.tenant.id }))?.used ?? 0;
  const setUsage = (used: number) => stack.handles.cards!.dataSource.getRepository(CardQuotaUsage).save({ tenantId: DEMO.tenant.id, used });
  // the gateway brings licensing's numbers with the representation (@requires), as the fake's contract says
  const quota = async (token: string) =>
    (
      await stack.client.data<{ _entities: Array<{ cardQuota: Record<string, number> | null }> }>(
        QUOTA,
        { r: [{ __typename: 'Tenant', id: DEMO.tenant.id, cardDigitisation: { ...peers.digitisation } }] },
        { token },
      )
    )._entities[0]!.cardQuota;

  it('L15: each side counts 1; a two-sided scan counts 2; the card shows SCANNED (C2); Tenant.cardQuota adds up', async () => {
    peers.digitisation.includedSides = 1000;
    peers.digitisation.purchasedSides = 0;
    const one = await stack.client.data<{ recordScan: { state: string; scannedSides: number } }>(SCAN, { input: { cardId: cardIds[0], sides: 1 } }, { token: admin });
    expect(one.recordScan).toMatchObject({ state: 'SCANNED', scannedSides: 1 });
    const two = await stack.client.data<{ recordScan: { scannedSides: number } }>(SCAN, { input: { cardId: cardIds[0], sides: 2 } }, { token: admin });
    expect(two.recordScan.scannedSides).toBe(3);
    expect(await quota(admin)).toEqual({ included: 1000, purchased: 0, used: 3, remaining: 997 });
    expect(await quota(guest)).toBeNull();
  });

  it('L15: sides other than 1 or 2 are BAD_USER_INPUT; a card the viewer cannot see is NOT_FOUND; guests are FORBIDDEN', async () => {
    const before = await usage();
    for (const sides of [0, 3, -1]) expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: cardIds[1], sides } }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: randomUUID(), sides: 1 } }, { token: admin }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: cardIds[1], sides: 1 } }, { token: guest }))).toEqual(['FORBIDDEN']);
    expect(await usage()).toBe(before);
  });

  it('L15: a scan that would go over is refused whole with QUOTA_EXCEEDED and the numbers; a bought pack lets it through', async () => {
    peers.digitisation.includedSides = 10;
    peers.digitisation.purchasedSides = 0;
    await setUsage(9);
    const refused = await stack.client.request(SCAN, { input: { cardId: cardIds[2], sides: 2 } }, { token: admin });
    expect(errorCodes(refused)).toEqual(['QUOTA_EXCEEDED']);
    expect(refused.errors?.[0]?.message).toMatch(/needs 2 card side\(s\), but only 1 of the tenant's 10 \(10 included \+ 0 purchased\) remain; 9 are used/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ rule: 'L15', included: 10, purchased: 0, used: 9, limit: 10, requested: 2, remaining: 1 });
    expect(await usage()).toBe(9);
    expect((await stack.handles.cards!.dataSource.getRepository(Card).findOneByOrFail({ id: cardIds[2] })).scannedSides).toBe(0);
    // one side still fits, exactly to the edge
    await stack.client.data(SCAN, { input: { cardId: cardIds[2], sides: 1 } }, { token: admin });
    expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: cardIds[2], sides: 1 } }, { token: admin }))).toEqual(['QUOTA_EXCEEDED']);
    peers.digitisation.purchasedSides = 100;
    await stack.client.data(SCAN, { input: { cardId: cardIds[2], sides: 2 } }, { token: admin });
    expect(await usage()).toBe(12);
  });

  it('L15: 30 scans racing at the edge never overrun: exactly the sides left are counted, the rest refused', async () => {
    peers.digitisation.includedSides = 50;
    peers.digitisation.purchasedSides = 0;
    await setUsage(43); // 7 sides left
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => stack.client.request(SCAN, { input: { cardId: cardIds[10 + i], sides: i % 2 === 0 ? 1 : 2 } }, { token: admin })),
    );
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => errorCodes(r).join() === 'QUOTA_EXCEEDED');
    expect(ok.length + refused.length).toBe(30);
    const counted = ok.reduce((sum, r) => sum + (r.data as { recordScan: { scannedSides: number } }).recordScan.scannedSides, 0);
    expect(await usage()).toBe(43 + counted);
    expect(await usage()).toBeLessThanOrEqual(50);
    expect(await usage()).toBeGreaterThanOrEqual(49); // refused only when nothing (or a lone side for a 2-sided scan) was left
  });

  it('L15: Tenant.cardQuota takes licensing\'s numbers from the representation (@requires), asking no peer; without them SERVICE_UNAVAILABLE, never 0 guessed', async () => {
    peers.digitisation.includedSides = 40;
    peers.digitisation.purchasedSides = 1000;
    const calls = peers.calls.licensing;
    expect(await quota(admin)).toMatchObject({ included: 40, purchased: 1000 });
    expect(peers.calls.licensing).toBe(calls);
    const ask = (tenant: Record<string, unknown>) => stack.client.request(QUOTA, { r: [{ __typename: 'Tenant', id: DEMO.tenant.id, ...tenant }] }, { token: admin });
    expect(errorCodes(await ask({}))).toEqual(['SERVICE_UNAVAILABLE']);
    // null: licensing knows no card contract for the tenant (0 sides, as recordScan counts it)
    expect((await stack.client.data<{ _entities: Array<{ cardQuota: { included: number; purchased: number } }> }>(QUOTA, { r: [{ __typename: 'Tenant', id: DEMO.tenant.id, cardDigitisation: null }] }, { token: admin }))._entities[0]!.cardQuota).toMatchObject({ included: 0, purchased: 0 });
  });

  it('L15: licensing unreachable -> SERVICE_UNAVAILABLE, nothing counted (fails closed)', async () => {
    peers.digitisation.includedSides = 1000;
    const before = await usage();
    peers.setReachable('licensing', false);
    try {
      expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: cardIds[3], sides: 1 } }, { token: admin }))).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      peers.setReachable('licensing', true);
    }
    expect(await usage()).toBe(before);
  });
});
