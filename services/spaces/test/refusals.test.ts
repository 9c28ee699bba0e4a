import { checkCatalogues, type Language } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSubgraph, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';
import { SPACES_REFUSAL_DEFINITIONS, spacesRefusals } from '../src/refusals/refusals.js';

describe('I1: the spaces refusal catalogues', () => {
  it('I1: every refusal has Japanese and English text with the same placeholders, and nothing undefined', () => {
    expect(checkCatalogues(spacesRefusals)).toEqual([]);
  });

  it('I1: a rule named in the text is the rule the refusal carries', () => {
    for (const [key, definition] of Object.entries(SPACES_REFUSAL_DEFINITIONS)) {
      for (const language of ['ja', 'en'] as const) {
        const named = [...spacesRefusals.catalogues[language][key as keyof typeof SPACES_REFUSAL_DEFINITIONS].matchAll(/\(([A-Z]\d+)\)/g)].map((m) => m[1]);
        for (const rule of named) expect({ key, language, rule }).toEqual({ key, language, rule: 'rule' in definition ? definition.rule : undefined });
      }
    }
  });
});

const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;

describe.each(testDialects())('I1: a refusal in the language of the request, on %s', (dialect) => {
  let stack: Stack;
  // licensing (a fake of it) sells the demo tenant a single seat, which its members already fill
  const licensing = new FakeSubgraph({
    name: 'licensing',
    resolvers: {
      Tenant: {
        __resolveReference: ({ id }: { id: string }) => ({ id, contract: { memberSeats: 1, status: 'ACTIVE', memberSeatLimit: { seats: 1, from: '2026-11-21' } } }),
      },
    },
  });
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    stack.subgraphUrls.licensing = await licensing.listen();
  });
  afterAll(async () => {
    await stack?.close();
    await licensing.close();
  });

  const addMember = async (language: Language | null, headers: Record<string, string> = {}) => {
    const token = await stack.auth.tokenFor({ id: DEMO.admin.id, tenantId: DEMO.tenant.id, roles: ['ADMIN'], language });
    return stack.client.request(ADD_MEMBER, { input: { email: 'one-too-many@demo.example', name: 'One Too Many' } }, { token, headers });
  };

  it('T5: beyond the member seats, addMember is refused with QUOTA_EXCEEDED and rule T5, in Japanese for a Japanese token', async () => {
    const refused = await addMember('ja');
    expect(errorCodes(refused)).toEqual(['QUOTA_EXCEEDED']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', rule: 'T5', memberSeats: 1 });
    const active = refused.errors?.[0]?.extensions?.activeMembers as number;
    expect(active).toBeGreaterThanOrEqual(1);
    expect(refused.errors?.[0]?.message).toBe(`契約の席数（1 席）がすべて使われているため（有効なメンバー ${active} 人）、メンバーを追加できません。メンバーを削除するか、席数を増やしてください (T5)。`);
  });

  it('T5: the same refusal in English for an English token, the same code and rule', async () => {
    const refused = await addMember('en');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', rule: 'T5', memberSeats: 1 });
    const active = refused.errors?.[0]?.extensions?.activeMembers as number;
    expect(refused.errors?.[0]?.message).toBe(`All 1 member seats of the contract are taken (${active} active members): remove a member or buy more seats first (T5).`);
  });

  it("I1: the token's language wins over Accept-Language; without one, Accept-Language decides, else Japanese", async () => {
    expect((await addMember('ja', { 'accept-language': 'en' })).errors?.[0]?.message).toMatch(/^契約の席数/);
    expect((await addMember(null, { 'accept-language': 'en-GB,ja;q=0.5' })).errors?.[0]?.message).toMatch(/^All 1 member seats/);
    expect((await addMember(null)).errors?.[0]?.message).toMatch(/^契約の席数/);
  });

  it('I1: an input refusal names its field and rule in both languages (T4: an anonymous request with an unknown set-password link)', async () => {
    const SET = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { token } }`;
    const ja = await stack.client.request(SET, { input: { token: 'no-such-link', password: 'a-long-passphrase-here' } });
    expect(ja.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'T4', field: 'token', reason: 'UNKNOWN' });
    expect(ja.errors?.[0]?.message).toBe('このパスワード設定リンクは無効です。メールのリンクを最後まで開いたか確認してください。');
    const en = await stack.client.request(SET, { input: { token: 'no-such-link', password: 'a-long-passphrase-here' } }, { headers: { 'accept-language': 'en' } });
    expect(en.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'T4', field: 'token', reason: 'UNKNOWN' });
    expect(en.errors?.[0]?.message).toBe('This set-password link is not valid. Check that you opened the whole link from the mail.');
  });
});
