import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const PERSON = `query($id: ID!) { card(id: $id) { id person { id current { id } history { id } } } }`;
const MERGE = `mutation($ids: [ID!]!) { mergeCards(input: { cardIds: $ids }) { id current { id } history { id } } }`;
const SPLIT = `mutation($id: ID!) { splitCard(id: $id) { id } }`;
const GROUP = '00000000-0000-4000-8000-0000000dd001';

type Person = { id: string; current: { id: string }; history: Array<{ id: string }> };

describe.each(testDialects())('same person (C1) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let member: string;
  let insider: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    ({ member } = await stack.auth.demoTokens());
    insider = await stack.auth.tokenFor({ id: '00000000-0000-4000-8000-0000000dd011' });
    peers.groupsByToken.set(insider, [GROUP]);
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  const create = async (input: Record<string, unknown>, token = member) => (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input }, { token })).createCard.id;
  const person = async (id: string, token = member) => (await stack.client.data<{ card: { person: Person } }>(PERSON, { id }, { token })).card.person;
  const shape = (p: Person) => [p.current.id, ...p.history.map((h) => h.id)];

  it('same email, or same name and company: one person, newest card current, older ones history', async () => {
    const first = await create({ name: '鈴木 一郎', company: '旧社', email: 'suzuki@old.example' });
    const second = await create({ name: '鈴木 一郎', company: '新社', email: 'suzuki@old.example' });
    const third = await create({ name: '鈴木 一郎', company: '新社', email: 'ichiro@new.example' });
    const other = await create({ name: '鈴木 一郎', company: '別社' });
    expect(shape(await person(first))).toEqual([third, second, first]);
    expect(shape(await person(other))).toEqual([other]);
  });

  it('merge by hand, split again; a hidden card never shows in a person it belongs to (C3)', async () => {
    const a = await create({ name: 'Alice A', company: 'A Co' });
    const b = await create({ name: 'Alice B', company: 'B Co' });
    const merged = (await stack.client.data<{ mergeCards: Person }>(MERGE, { ids: [a, b] }, { token: member })).mergeCards;
    expect(shape(merged)).toEqual([b, a]);
    const hidden = await create({ name: 'Alice A', company: 'A Co', visibleToGroupIds: [GROUP] }, insider);
    expect(shape(await person(a, insider))).toEqual([hidden, b, a]);
    expect(shape(await person(a, member))).toEqual([b, a]);
    expect(errorCodes(await stack.client.request(MERGE, { ids: [a, hidden] }, { token: member }))).toEqual(['NOT_FOUND']);
    await stack.client.data(SPLIT, { id: a }, { token: member });
    expect(shape(await person(a))).toEqual([a]);
    expect(shape(await person(b, insider))).toEqual([hidden, b]);
    expect(errorCodes(await stack.client.request(MERGE, { ids: [a] }, { token: member }))).toEqual(['BAD_USER_INPUT']);
  });
});
