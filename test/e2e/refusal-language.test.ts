import { signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const SET_PASSWORD = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { token } }`;
const SET_LOCALE = `mutation($locale: Locale) { setMyLocale(locale: $locale) { token } }`;
const AUDIT = `{ auditLog(first: 1) { edges { node { action } } } }`;

interface Answer {
  errors?: Array<{ message: string; extensions?: { code?: string; rule?: string; field?: string } }>;
  data?: Record<string, { token: string } | null> | null;
}

describe.each(testDialects())('I1: refusals through the gateway in the person\'s language on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
  });
  afterAll(() => stack?.close());

  /** What `curl -H 'accept-language: …' -H 'authorization: …'` sends: a plain POST, nothing else. */
  async function curl(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(stack.gatewayUrl!, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as Answer;
  }

  it('I1: anonymous with Accept-Language ja gets the Japanese refusal with its rule; en gets English; no header gets Japanese', async () => {
    const input = { input: { token: 'not-a-link-we-sent', password: 'a-long-enough-password' } };
    const ja = await curl(SET_PASSWORD, input, { 'accept-language': 'ja' });
    expect(ja.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'T4', field: 'token' });
    expect(ja.errors?.[0]?.message).toBe('このパスワード設定リンクは無効です。メールのリンクを最後まで開いたか確認してください。');
    const en = await curl(SET_PASSWORD, input, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'T4', field: 'token' });
    expect(en.errors?.[0]?.message).toBe('This set-password link is not valid. Check that you opened the whole link from the mail.');
    expect((await curl(SET_PASSWORD, input, {})).errors?.[0]?.message).toBe(ja.errors?.[0]?.message);
  });

  it("I1: a user reads their tenant's language whatever the header says, and their own once they choose English", async () => {
    const japanese = await signInAs(stack.client, 'member');
    // the demo tenant's locale is Japanese: the header does not override the person's language
    const tenants = await curl(AUDIT, {}, { authorization: `Bearer ${japanese}`, 'accept-language': 'en' });
    expect(tenants.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'A1' });
    expect(tenants.errors?.[0]?.message).toMatch(/^監査ログを読めるのは/);

    const chosen = await curl(SET_LOCALE, { locale: 'EN' }, { authorization: `Bearer ${japanese}` });
    const english = chosen.data?.setMyLocale?.token;
    expect(english).toBeTruthy();
    try {
      const refused = await curl(AUDIT, {}, { authorization: `Bearer ${english}`, 'accept-language': 'ja' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'A1' });
      expect(refused.errors?.[0]?.message).toMatch(/^Only the organisation's administrators/);
      // a refusal another subgraph writes (licensing here, relayed by the gateway) follows the same token
      const licensing = await curl(`mutation { orderMemberSeats(input: { quantity: 1, idempotencyKey: "i1-e2e" }) { id } }`, {}, { authorization: `Bearer ${english}`, 'accept-language': 'ja' });
      expect(licensing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(licensing.errors?.[0]?.message).toMatch(/^[\x20-\x7e]+$/);
    } finally {
      await curl(SET_LOCALE, { locale: null }, { authorization: `Bearer ${english}` });
    }
  });
});
