import { randomUUID } from 'node:crypto';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardGroup } from '../src/entities/card-group.entity.js';
import { CardQuotaUsage } from '../src/entities/card-quota-usage.entity.js';
import { Card } from '../src/entities/card.entity.js';
import { PeerFeedCursor } from '../src/entities/peer-copy.entity.js';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const LIST = `{ cards(first: 100) { edges { node { id } } } }`;
const CARD = `query($id: ID!) { card(id: $id) { id } }`;
const SCAN = `mutation($input: RecordScanInput!) { recordScan(input: $input) { id scannedSides } }`;

// short in tests; the defaults are 1 s and 2 s. The bound is the staleness: a change that
// committed at t is in effect for every request that starts after t + MAX_STALENESS_MS.
const SYNC_MS = 50;
const MAX_STALENESS_MS = 1500; // generous: the test machine stalls for hundreds of ms under load
const afterTheBound = () => new Promise((done) => setTimeout(done, MAX_STALENESS_MS + 100));

/** An owner's outbox as its feed serves it: each row the current state of its key, seq from 1. */
function fakeFeed<T extends object>() {
  const rows: Array<T & { seq: number }> = [];
  return {
    push: (row: T) => void rows.push({ ...row, seq: rows.length + 1 }),
    serve: (after: number, first: number) => ({ head: rows.length, changes: rows.filter((r) => r.seq > after).slice(0, first) }),
  };
}

describe.each(testDialects())('cards reads and scans from its copies of spaces and licensing (C3, L15) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let insider: string;
  let admin: string;
  const INSIDER = '00000000-0000-4000-8000-00000000e001';
  const GROUP = '00000000-0000-4000-8000-00000000e0a1';
  const limited = randomUUID();
  const open = randomUUID();
  const memberships = fakeFeed<{ tenantId: string; userId: string; groupIds: string[] }>();
  const digitisation = fakeFeed<{ tenantId: string; includedSides: number; purchasedSides: number; endsOn: string | null }>();
  const ids = async (token: string) => (await stack.client.data<{ cards: { edges: Array<{ node: { id: string } }> } }>(LIST, {}, { token })).cards.edges.map((e) => e.node.id);
  const usage = async () => (await stack.handles.cards!.dataSource.getRepository(CardQuotaUsage).findOneBy({ tenantId: DEMO.tenant.id }))?.used ?? 0;
  // the first page applied moves both cursors; the poll that applied it marks the copy fresh right after
  const synced = async () => (await stack.handles.cards!.dataSource.getRepository(PeerFeedCursor).find()).every((c) => c.position > 0);
  const calls = () => ({ spaces: peers.calls.spaces, licensing: peers.calls.licensing });

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect, env: { CARDS_PEER_SYNC_MS: String(SYNC_MS), CARDS_PEER_MAX_STALENESS_MS: String(MAX_STALENESS_MS) } });
    peers = await startFakePeers(stack);
    insider = await stack.auth.tokenFor({ id: INSIDER });
    ({ admin } = await stack.auth.demoTokens());
    const cards = stack.handles.cards!.dataSource;
    await cards.getRepository(Card).insert([
      { id: limited, tenantId: DEMO.tenant.id, ownerId: DEMO.admin.id, name: 'Limited', personId: null, groupLimited: true },
      { id: open, tenantId: DEMO.tenant.id, ownerId: DEMO.admin.id, name: 'Open', personId: null },
    ]);
    await cards.getRepository(CardGroup).insert({ cardId: limited, groupId: GROUP });
    // what the peers answer when asked (the fallback) agrees with their feeds
    peers.groupsByToken.set(insider, [GROUP]);
    peers.digitisation.includedSides = 10;
    peers.digitisation.purchasedSides = 0;
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it('C3: while the copy is cold, cards asks spaces, and spaces down is SERVICE_UNAVAILABLE (fails closed)', async () => {
    // the fakes serve no feed yet: every poll fails and the copy stays cold
    expect(await synced()).toBe(false);
    peers.setReachable('spaces', false);
    expect(errorCodes(await stack.client.request(LIST, {}, { token: insider }))).toEqual(['SERVICE_UNAVAILABLE']);
    peers.setReachable('spaces', true);
    const before = calls().spaces;
    expect(await ids(insider)).toContain(limited);
    expect(calls().spaces).toBe(before + 1);
  });

  it('L14/L15: while the copy is cold, licensing is asked, and a last term (no renewal) that has passed stops scans as the copy would', async () => {
    const before = await usage();
    peers.serviceTerm = { endsOn: '2020-03-31', renews: false };
    const refused = await stack.client.request(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider });
    expect(errorCodes(refused)).toEqual(['QUOTA_EXCEEDED']);
    expect(refused.errors?.[0]?.message).toMatch(/ended on 2020-03-31/);
    // a term that renews is not an end
    peers.serviceTerm = { endsOn: '2020-03-31', renews: true };
    await stack.client.data(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider });
    expect(await usage()).toBe(before + 1);
    peers.serviceTerm = null;
    await stack.handles.cards!.dataSource.getRepository(CardQuotaUsage).save({ tenantId: DEMO.tenant.id, used: before });
  });

  it('C3/L15: once the copy is warm, a page, a card and a scan ask neither spaces nor licensing', async () => {
    memberships.push({ tenantId: DEMO.tenant.id, userId: INSIDER, groupIds: [GROUP] });
    digitisation.push({ tenantId: DEMO.tenant.id, includedSides: 10, purchasedSides: 0, endsOn: null });
    peers.spaces.feeds.set('memberships', memberships.serve);
    peers.licensing.feeds.set('digitisation', digitisation.serve);
    await expect.poll(synced, { timeout: 5000 }).toBe(true);
    await new Promise((done) => setTimeout(done, 4 * SYNC_MS));
    const before = calls();
    expect(await ids(insider)).toEqual(expect.arrayContaining([limited, open]));
    expect(await ids(admin)).not.toContain(limited);
    expect((await stack.client.data<{ card: { id: string } | null }>(CARD, { id: limited }, { token: insider })).card).toEqual({ id: limited });
    await stack.client.data(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider });
    expect(await usage()).toBe(1);
    expect(calls()).toEqual(before);
  });

  it('C3: a member removed from the group sees the limited card before, and not after the bound (list and id), still without asking spaces', async () => {
    expect(await ids(insider)).toContain(limited);
    const before = calls();
    memberships.push({ tenantId: DEMO.tenant.id, userId: INSIDER, groupIds: [] });
    peers.groupsByToken.set(insider, []);
    await afterTheBound();
    const after = await ids(insider);
    expect(after).toContain(open);
    expect(after).not.toContain(limited);
    expect((await stack.client.data<{ card: null }>(CARD, { id: limited }, { token: insider })).card).toBeNull();
    expect(calls()).toEqual(before);
  });

  it('L15: a pack bought raises the quota within the bound; after the contract ends, scans are refused with QUOTA_EXCEEDED', async () => {
    const licensingCalls = calls().licensing;
    await stack.handles.cards!.dataSource.getRepository(CardQuotaUsage).save({ tenantId: DEMO.tenant.id, used: 10 });
    expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider }))).toEqual(['QUOTA_EXCEEDED']);
    digitisation.push({ tenantId: DEMO.tenant.id, includedSides: 10, purchasedSides: 1000, endsOn: null });
    await afterTheBound();
    await stack.client.data(SCAN, { input: { cardId: open, sides: 2 } }, { token: insider });
    expect(await usage()).toBe(12);
    // L14: notice given, the service's last day has passed (the injected clock is today; the day is long gone)
    digitisation.push({ tenantId: DEMO.tenant.id, includedSides: 10, purchasedSides: 1000, endsOn: '2020-03-31' });
    await afterTheBound();
    const refused = await stack.client.request(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider });
    expect(errorCodes(refused)).toEqual(['QUOTA_EXCEEDED']);
    expect(refused.errors?.[0]?.message).toMatch(/ended on 2020-03-31/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ endsOn: '2020-03-31', remaining: 0 });
    expect(await usage()).toBe(12);
    expect(calls().licensing).toBe(licensingCalls);
  });

  it('C3/L15: a peer down for longer than the bound: the copy is stale, cards asks the peer and fails closed (SERVICE_UNAVAILABLE)', async () => {
    peers.setReachable('spaces', false);
    peers.setReachable('licensing', false);
    await afterTheBound();
    expect(errorCodes(await stack.client.request(LIST, {}, { token: insider }))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(errorCodes(await stack.client.request(SCAN, { input: { cardId: open, sides: 1 } }, { token: insider }))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await usage()).toBe(12);
    // back: the next polls warm the copy again and the peers are left alone
    peers.setReachable('spaces', true);
    peers.setReachable('licensing', true);
    await afterTheBound();
    const before = calls();
    expect(await ids(insider)).not.toContain(limited);
    expect(calls()).toEqual(before);
  });
});
