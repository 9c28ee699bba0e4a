import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id name company addresses notes } }`;
const UPDATE = `mutation($input: UpdateCardInput!) { updateCard(input: $input) { id name } }`;
const COUNT = `{ cards(first: 100) { edges { node { id } } } }`;

describe.each(testDialects())('card text inputs refuse control characters (C1) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let member: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    ({ member } = await stack.auth.demoTokens());
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });
  const count = async () => (await stack.client.data<{ cards: { edges: unknown[] } }>(COUNT, {}, { token: member })).cards.edges.length;

  it.each([
    ['name', { name: 'Taro\u0000Yamada' }],
    ['name', { name: 'Taro\nYamada' }],
    ['company', { name: 'Taro', company: 'ACME\u001b[31m' }],
    ['addresses', { name: 'Taro', addresses: ['Tokyo', 'Osaka\u0085'] }],
  ])('C1: a card whose %s holds a control character is BAD_USER_INPUT naming it; nothing is stored', async (field, input) => {
    const before = await count();
    const response = await stack.client.request(CREATE, { input }, { token: member });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field });
    expect(await count()).toBe(before);
  });

  it('C1: notes keep line breaks and tabs; a rename is checked like a new card; names are NFC', async () => {
    const card = (await stack.client.data<{ createCard: { id: string; name: string; notes: string } }>(CREATE, { input: { name: 'ヨシタ\u3099', notes: 'met at expo\n\tbooth 3' } }, { token: member })).createCard;
    expect(card).toMatchObject({ name: 'ヨシダ', notes: 'met at expo\n\tbooth 3' });
    expect(errorCodes(await stack.client.request(UPDATE, { input: { id: card.id, name: 'x\u0000' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
  });
});
