import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const LIST = `{ cards(first: 100) { edges { node { id name } } } }`;
const CARD = `query($id: ID!) { card(id: $id) { id name } }`;
const SALES = '00000000-0000-4000-8000-0000000cc001';
const LEGAL = '00000000-0000-4000-8000-0000000cc002';

describe.each(testDialects())('C6: an integration token reads cards in the cards subgraph on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let admin: string;
  let crm: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    admin = (await stack.auth.demoTokens()).admin;
    peers.groupsByToken.set(admin, [SALES, LEGAL]);
    // what spaces issues: acting as the demo member (in Sales only), read-only, no roles
    crm = await stack.auth.tokenFor({ id: DEMO.member.id, scopes: ['cards:read'], tokenId: 'crm-token' });
    peers.groupsByToken.set(crm, [SALES]);
    const create = async (input: Record<string, unknown>) => (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input }, { token: admin })).createCard.id;
    ids.open = await create({ name: 'Open Card' });
    ids.sales = await create({ name: 'Sales Card', visibleToGroupIds: [SALES] });
    ids.legal = await create({ name: 'Legal Card', visibleToGroupIds: [LEGAL] });
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it("C6: reads cards with the acting member's visibility (C3): a card limited to a group they are not in is invisible", async () => {
    const names = (await stack.client.data<{ cards: { edges: Array<{ node: { name: string } }> } }>(LIST, {}, { token: crm })).cards.edges.map((e) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(['Open Card', 'Sales Card']));
    expect(names).not.toContain('Legal Card');
    expect(await stack.client.data(CARD, { id: ids.legal }, { token: crm })).toEqual({ card: null });
    expect(await stack.client.data(CARD, { id: ids.sales }, { token: crm })).toEqual({ card: { id: ids.sales, name: 'Sales Card' } });
  });

  it('C6: asks spaces on every request, even when no card is limited, so revocation is checked each time', async () => {
    const before = peers.calls.spaces;
    await stack.client.data(CARD, { id: ids.open }, { token: crm });
    await stack.client.data(CARD, { id: ids.open }, { token: crm });
    expect(peers.calls.spaces).toBe(before + 2);
  });

  it('C6: every mutation is refused before anything is written', async () => {
    for (const [query, variables] of [
      [CREATE, { input: { name: 'From CRM' } }],
      [`mutation($id: ID!) { deleteCard(id: $id) }`, { id: ids.open }],
      [`mutation($id: ID!) { updateCard(input: { id: $id, name: "Changed" }) { id } }`, { id: ids.open }],
    ] as const) {
      const refused = await stack.client.request(query, variables, { token: crm });
      expect(refused.errors?.[0]).toMatchObject({ message: 'An integration token can only read what its scopes allow (cards:read).', extensions: { code: 'FORBIDDEN', rule: 'C6' } });
      expect(refused.status).toBe(200);
    }
    expect(await stack.client.data(CARD, { id: ids.open }, { token: admin })).toEqual({ card: { id: ids.open, name: 'Open Card' } });
  });

  it('C6: after revocation the next read is refused; spaces unreachable refuses it too (fails closed)', async () => {
    peers.setReachable('spaces', false);
    expect(errorCodes(await stack.client.request(LIST, {}, { token: crm }))).toEqual(['SERVICE_UNAVAILABLE']);
    peers.setReachable('spaces', true);
    peers.revoked.add(crm);
    const refused = await stack.client.request(LIST, {}, { token: crm });
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.data ?? null).toBeNull();
    // a normal session of the same member is unaffected
    const member = await stack.auth.tokenFor({ id: DEMO.member.id });
    expect(errorCodes(await stack.client.request(LIST, {}, { token: member }))).toEqual([]);
  });
});
