import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CARD_FIELDS = `id name nameReading company department title addresses phones email url notes language exchangedOn state scannedSides visibleToGroupIds owner { id } createdAt`;
const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { ${CARD_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCardInput!) { updateCard(input: $input) { id name company visibleToGroupIds } }`;
const DELETE = `mutation($id: ID!) { deleteCard(id: $id) }`;
const CARD = `query($id: ID!) { card(id: $id) { id name } }`;
const LIST = `query($first: Int, $after: String, $search: String) { cards(first: $first, after: $after, search: $search) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Card { id name } } }`;

type Page = { cards: { edges: Array<{ cursor: string; node: { id: string; name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const OTHER_TENANT = '00000000-0000-4000-8000-00000000b001';
const GROUP_SECRET = '00000000-0000-4000-8000-0000000bb001';
const GROUP_OTHER = '00000000-0000-4000-8000-0000000bb002';
const INSIDER = '00000000-0000-4000-8000-0000000bc001';
const OUTSIDER = '00000000-0000-4000-8000-0000000bc002';

describe.each(testDialects())('cards (C1, C3, search, pages) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let statements: string[] = [];
  const t: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect, onQuery: (_s, sql) => statements.push(sql) });
    peers = await startFakePeers(stack);
    Object.assign(t, await stack.auth.demoTokens());
    t.insider = await stack.auth.tokenFor({ id: INSIDER });
    t.outsider = await stack.auth.tokenFor({ id: OUTSIDER });
    t.foreign = await stack.auth.tokenFor({ id: '00000000-0000-4000-8000-00000000b011', tenantId: OTHER_TENANT, roles: ['ADMIN'] });
    peers.groupsByToken.set(t.insider, [GROUP_SECRET]);
    peers.groupsByToken.set(t.outsider, [GROUP_OTHER]);
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  const create = async (input: Record<string, unknown>, token = t.admin!) =>
    (await stack.client.data<{ createCard: Record<string, unknown> & { id: string } }>(CREATE, { input }, { token })).createCard;
  const list = async (token: string, variables: Record<string, unknown> = {}) => (await stack.client.data<Page>(LIST, { first: 100, ...variables }, { token })).cards;

  it('C1: a card keeps every field; language, exchange date and owner come back; state VERIFIED when typed in', async () => {
    const card = await create({
      name: '佐藤 花子',
      nameReading: 'サトウ ハナコ',
      company: '株式会社カード',
      department: '営業部',
      title: '部長',
      addresses: ['東京都千代田区1-1-1'],
      phones: ['03-1234-5678', '+81 90 1234 5678'],
      email: 'Hanako.Sato@Card.Example',
      url: 'https://card.example/',
      notes: '展示会で',
      language: 'JA',
      exchangedOn: '2025-11-20',
    });
    expect(card).toMatchObject({
      name: '佐藤 花子',
      nameReading: 'サトウ ハナコ',
      department: '営業部',
      addresses: ['東京都千代田区1-1-1'],
      phones: ['03-1234-5678', '+81 90 1234 5678'],
      email: 'hanako.sato@card.example',
      language: 'JA',
      exchangedOn: '2025-11-20',
      state: 'VERIFIED',
      scannedSides: 0,
      visibleToGroupIds: [],
      owner: { id: DEMO.admin.id },
    });
  });

  it('C1: bad fields are refused with BAD_USER_INPUT naming the field; nothing is written', async () => {
    const before = (await list(t.admin!)).edges.length;
    for (const [input, field] of [
      [{ name: '  ' }, 'name'],
      [{ name: 'A', email: 'not-an-email' }, 'email'],
      [{ name: 'A', exchangedOn: '2025-02-30' }, 'exchangedOn'],
      [{ name: 'A', url: 'javascript:alert(1)' }, 'url'],
      [{ name: 'A', phones: ['call me'] }, 'phones'],
    ] as const) {
      const r = await stack.client.request(CREATE, { input }, { token: t.admin });
      expect(errorCodes(r), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect((await list(t.admin!)).edges.length).toBe(before);
  });

  it('C3/S3: guests see no cards and may not add one', async () => {
    expect((await list(t.guest!)).edges).toEqual([]);
    expect((await stack.client.data<{ card: null }>(CARD, { id: '00000000-0000-4000-8000-000000000201' }, { token: t.guest })).card).toBeNull();
    expect(errorCodes(await stack.client.request(CREATE, { input: { name: 'X' } }, { token: t.guest }))).toEqual(['FORBIDDEN']);
    const entities = await stack.client.data<{ _entities: unknown[] }>(ENTITIES, { r: [{ __typename: 'Card', id: '00000000-0000-4000-8000-000000000201' }] }, { token: t.guest });
    expect(entities._entities).toEqual([null]);
  });

  it("T1: another tenant's admin sees none of the demo tenant's cards, by list, id or _entities", async () => {
    expect((await list(t.foreign!)).edges).toEqual([]);
    expect((await stack.client.data<{ card: null }>(CARD, { id: '00000000-0000-4000-8000-000000000201' }, { token: t.foreign })).card).toBeNull();
    const r = await stack.client.request(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000201', name: 'Hijack' } }, { token: t.foreign });
    expect(errorCodes(r)).toEqual(['NOT_FOUND']);
  });

  it('C3: a card limited to a group is seen and changed from inside it; from outside it is NOT_FOUND on every path', async () => {
    const secret = await create({ name: '機密 一郎', company: '極秘プロジェクト', email: 'ichiro@secret.example', visibleToGroupIds: [GROUP_SECRET] }, t.insider);
    expect(secret.visibleToGroupIds).toEqual([GROUP_SECRET]);
    // inside: list, search, id, _entities, update
    expect((await list(t.insider!)).edges.map((e) => e.node.id)).toContain(secret.id);
    expect((await list(t.insider!, { search: '機密' })).edges.map((e) => e.node.id)).toEqual([secret.id]);
    expect((await stack.client.data<{ card: { id: string } }>(CARD, { id: secret.id }, { token: t.insider })).card.id).toBe(secret.id);
    await stack.client.data(UPDATE, { input: { id: secret.id, notes: '更新' } }, { token: t.insider });
    // outside (another group), a plain member in no group, and the admin in no group: nothing
    for (const token of [t.outsider!, t.member!, t.admin!]) {
      expect((await list(token)).edges.map((e) => e.node.id)).not.toContain(secret.id);
      expect((await list(token, { search: '機密' })).edges).toEqual([]);
      expect((await list(token, { search: 'ichiro@secret' })).edges).toEqual([]);
      expect((await stack.client.data<{ card: null }>(CARD, { id: secret.id }, { token })).card).toBeNull();
      const entities = await stack.client.data<{ _entities: unknown[] }>(ENTITIES, { r: [{ __typename: 'Card', id: secret.id }] }, { token });
      expect(entities._entities).toEqual([null]);
      const update = await stack.client.request(UPDATE, { input: { id: secret.id, name: 'Changed' } }, { token });
      expect(errorCodes(update)).toEqual(['NOT_FOUND']);
      expect(update.errors?.[0]?.message).toBe('The card with this id was not found.');
      expect(errorCodes(await stack.client.request(DELETE, { id: secret.id }, { token }))).toEqual(['NOT_FOUND']);
    }
    // limiting to groups the author is in none of would lose the card: refused
    const lockedOut = await stack.client.request(CREATE, { input: { name: 'X', visibleToGroupIds: [GROUP_OTHER] } }, { token: t.insider });
    expect(errorCodes(lockedOut)).toEqual(['BAD_USER_INPUT']);
    // opening the card to the tenant makes it visible to everyone there
    await stack.client.data(UPDATE, { input: { id: secret.id, visibleToGroupIds: [] } }, { token: t.insider });
    expect((await stack.client.data<{ card: { id: string } }>(CARD, { id: secret.id }, { token: t.outsider })).card.id).toBe(secret.id);
    expect((await stack.client.data<{ deleteCard: string }>(DELETE, { id: secret.id }, { token: t.outsider })).deleteCard).toBe(secret.id);
    expect((await stack.client.data<{ card: null }>(CARD, { id: secret.id }, { token: t.insider })).card).toBeNull();
  });

  it('C3: spaces unreachable -> SERVICE_UNAVAILABLE for a member, never a guess about groups', async () => {
    peers.setReachable('spaces', false);
    try {
      expect(errorCodes(await stack.client.request(LIST, {}, { token: t.member }))).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      peers.setReachable('spaces', true);
    }
  });

  it('search: Japanese name, reading in hiragana or katakana, full-width letters, company, email; % and _ are literal', async () => {
    const yamada = '00000000-0000-4000-8000-000000000201';
    const ids = async (search: string) => (await list(t.member!, { search })).edges.map((e) => e.node.id);
    expect(await ids('山田')).toEqual([yamada]);
    expect(await ids('山田太郎')).toEqual([yamada]);
    expect(await ids('やまだ')).toEqual([yamada]);
    expect(await ids('ﾔﾏﾀﾞ')).toEqual([yamada]);
    expect(await ids('サンプル')).toEqual([yamada]);
    expect(await ids('ＴＡＲＯ.ＹＡＭＡＤＡ')).toEqual([yamada]);
    const pct = await create({ name: '100% Cotton', company: 'under_score Inc.' });
    const hashimoto = await create({ name: '橋本 健', nameReading: 'ハシモト ケン' });
    const bashimoto = await create({ name: '馬染 健', nameReading: 'バシモト ケン' });
    expect(await ids('%')).toEqual([pct.id]);
    expect(await ids('0% c')).toEqual([pct.id]);
    expect(await ids('r_s')).toEqual([pct.id]);
    expect(await ids('はしもと')).toEqual([hashimoto.id]);
    expect(await ids('ばしもと')).toEqual([bashimoto.id]);
    expect(await ids('存在しない')).toEqual([]);
  });

  it('pages: opaque cursors walk every visible card once, newest first; first is capped; a foreign cursor is refused', async () => {
    for (let i = 0; i < 25; i++) await create({ name: `Page ${i}` }, t.member);
    const all = (await list(t.member!)).edges.map((e) => e.node.id);
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['cards'] = (await stack.client.data<Page>(LIST, { first: 7, after }, { token: t.member })).cards;
      walked.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
    expect(errorCodes(await stack.client.request(LIST, { first: 101 }, { token: t.member }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(LIST, { first: 0 }, { token: t.member }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(LIST, { after: 'not-a-cursor' }, { token: t.member }))).toEqual(['BAD_USER_INPUT']);
  });

  it('no N+1: a page of 20 cards with groups and owners costs the statements of a page of 1, and spaces is asked once', async () => {
    for (let i = 0; i < 20; i++) await create({ name: `Grouped ${i}`, visibleToGroupIds: [GROUP_SECRET] }, t.insider);
    const q = `query($first: Int) { cards(first: $first) { edges { node { id visibleToGroupIds owner { id } } } } }`;
    const run = async (first: number) => {
      statements = [];
      const before = peers.calls.spaces;
      const data = await stack.client.data<{ cards: { edges: Array<{ node: { visibleToGroupIds: string[] } }> } }>(q, { first }, { token: t.insider });
      return { data, statements: [...statements], spacesCalls: peers.calls.spaces - before };
    };
    const one = await run(1);
    const twenty = await run(20);
    expect(twenty.data.cards.edges.every((e) => e.node.visibleToGroupIds[0] === GROUP_SECRET)).toBe(true);
    expect(twenty.statements.length, twenty.statements.join('\n')).toBe(one.statements.length);
    expect(twenty.spacesCalls).toBe(1);
  });
});
