import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Card } from '../src/entities/card.entity.js';
import { cardsSubgraph } from '../src/index.js';

/** What a gateway sends cards to add `cardCount` to a User it got from spaces. */
const CARD_COUNT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id cardCount } } }`;
type Entities = { _entities: Array<{ id: string; cardCount: number } | null> };

const OTHER_TENANT = '00000000-0000-4000-8000-00000000a001';
const OTHER_ADMIN = '00000000-0000-4000-8000-00000000a011';
const memberId = (i: number) => `00000000-0000-4000-8000-0000000c10${String(i).padStart(2, '0')}`;
/** Member i owns i % 4 cards: distinct counts per user, so a batch that mixes them up shows. */
const cardsOwnedBy = (i: number) => i % 4;

describe.each(testDialects())('cards User.cardCount on %s', (dialect) => {
  let stack: Stack;
  let statements: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect, onQuery: (_subgraph, sql) => statements.push(sql) });
    const cards: Array<Partial<Card>> = [];
    for (let i = 0; i < 19; i++) {
      for (let c = 0; c < cardsOwnedBy(i); c++) {
        cards.push({ id: `00000000-0000-4000-8000-000000d1${String(i).padStart(2, '0')}0${c}`, tenantId: DEMO.tenant.id, ownerId: memberId(i), name: `Card ${i}.${c}` });
      }
    }
    // another tenant's admin owns a card of their own: never counted for a demo-tenant viewer (T1)
    cards.push({ id: '00000000-0000-4000-8000-000000e00010', tenantId: OTHER_TENANT, ownerId: OTHER_ADMIN, name: 'Foreign admin card' });
    await stack.handles.cards!.dataSource.getRepository(Card).insert(cards);
  });
  afterAll(() => stack?.close());

  const countFor = async (userId: string, token: string | null) => {
    const r = await stack.client.request<Entities>(CARD_COUNT, { r: [{ __typename: 'User', id: userId }] }, { token });
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0]!.cardCount;
  };

  it("C3: the demo admin's cardCount counts the 2 seeded cards, for the admin and for a member of the tenant", async () => {
    const { admin, member } = await stack.auth.demoTokens();
    expect(await countFor(DEMO.admin.id, admin)).toBe(2);
    expect(await countFor(DEMO.admin.id, member)).toBe(2);
    expect(await countFor(DEMO.member.id, admin)).toBe(0);
  });

  it('C3/S3: a guest viewer gets 0, even for the demo admin who has cards', async () => {
    const { guest } = await stack.auth.demoTokens();
    expect(await countFor(DEMO.admin.id, guest)).toBe(0);
  });

  it('an anonymous caller gets 0', async () => {
    expect(await countFor(DEMO.admin.id, null)).toBe(0);
  });

  it("T1: another tenant's viewer asking about the demo admin gets 0, and counts only its own tenant's cards", async () => {
    const otherAdmin = await stack.auth.tokenFor({ id: OTHER_ADMIN, tenantId: OTHER_TENANT, roles: ['ADMIN'] });
    expect(await countFor(DEMO.admin.id, otherAdmin)).toBe(0);
    expect(await countFor(OTHER_ADMIN, otherAdmin)).toBe(1);
    const { admin } = await stack.auth.demoTokens();
    expect(await countFor(OTHER_ADMIN, admin)).toBe(0);
  });

  it('no N+1: cardCount for 20 users costs the same SQL statements as for 1, with the right count for each', async () => {
    const { admin } = await stack.auth.demoTokens();
    const run = async (ids: string[]) => {
      statements = [];
      const data = await stack.client.data<Entities>(CARD_COUNT, { r: ids.map((id) => ({ __typename: 'User', id })) }, { token: admin });
      return { entities: data._entities, statements: [...statements] };
    };
    const one = await run([DEMO.admin.id]);
    expect(one.entities).toEqual([{ id: DEMO.admin.id, cardCount: 2 }]);
    expect(one.statements.length).toBeGreaterThan(0);

    const ids = [DEMO.admin.id, ...Array.from({ length: 19 }, (_, i) => memberId(i))];
    const twenty = await run(ids);
    expect(twenty.entities.map((e) => e?.cardCount)).toEqual([2, ...Array.from({ length: 19 }, (_, i) => cardsOwnedBy(i))]);
    expect(twenty.statements.length, twenty.statements.join('\n')).toBe(one.statements.length);
    expect(twenty.statements.filter((sql) => /FROM [`"]cards[`"]/.test(sql))).toHaveLength(1);
  });
});
