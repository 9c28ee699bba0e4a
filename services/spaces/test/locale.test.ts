import { DEMO, signInAs, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

const SET_LOCALE = `mutation($locale: Locale) { setMyLocale(locale: $locale) { token user { id locale } } }`;
const AUDIT = `{ auditLog(first: 1) { edges { node { action } } } }`;

/** The `lng` claim of a token (I1), read without verifying: the subgraph verified it already. */
function languageClaim(token: string): unknown {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { lng?: unknown }).lng;
}

describe.each(testDialects())('I1: a person reads refusals in their own language, else their tenant\'s, on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it("I1: a sign-in carries the tenant's language when the user chose none, and the user's own once chosen, whatever Accept-Language says", async () => {
    const client = stack.client;
    const japanese = await signInAs(client, 'member');
    expect(languageClaim(japanese)).toBe('ja');
    // a member may not read the audit log (A1): the refusal in the token's language, not the header's
    const refusedJa = await client.request(AUDIT, {}, { token: japanese, headers: { 'accept-language': 'en' } });
    expect(refusedJa.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', rule: 'A1' } });
    expect(refusedJa.errors?.[0]?.message).toMatch(/監査ログ/);

    const chosen = await client.data<{ setMyLocale: { token: string; user: { id: string; locale: string | null } } }>(SET_LOCALE, { locale: 'EN' }, { token: japanese });
    expect(chosen.setMyLocale.user).toEqual({ id: DEMO.member.id, locale: 'EN' });
    expect(languageClaim(chosen.setMyLocale.token)).toBe('en');
    const refusedEn = await client.request(AUDIT, {}, { token: chosen.setMyLocale.token, headers: { 'accept-language': 'ja' } });
    expect(refusedEn.errors?.[0]?.message).toMatch(/^Only the organisation's administrators/);
    expect(refusedEn.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'A1' });
    // the choice is the user's: a new sign-in carries it too
    expect(languageClaim(await signInAs(client, 'member'))).toBe('en');

    // null goes back to the tenant's
    const reset = await client.data<{ setMyLocale: { token: string; user: { locale: string | null } } }>(SET_LOCALE, { locale: null }, { token: chosen.setMyLocale.token });
    expect(reset.setMyLocale.user.locale).toBeNull();
    expect(languageClaim(reset.setMyLocale.token)).toBe('ja');
  });

  it("I1: only the user themself sees their language choice; signing in is needed to choose", async () => {
    const client = stack.client;
    const member = await signInAs(client, 'member');
    await client.data(SET_LOCALE, { locale: 'EN' }, { token: member });
    const admin = await signInAs(client, 'admin');
    const seen = await client.data<{ _entities: Array<{ locale: string | null } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { locale } } }`,
      { r: [{ __typename: 'User', id: DEMO.member.id }] },
      { token: admin },
    );
    expect(seen._entities[0]?.locale).toBeNull();
    const anonymous = await client.request(SET_LOCALE, { locale: 'EN' }, { headers: { 'accept-language': 'en' } });
    expect(anonymous.errors?.[0]).toMatchObject({ message: 'Sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } });
    const anonymousJa = await client.request(SET_LOCALE, { locale: 'EN' });
    expect(anonymousJa.errors?.[0]?.message).toBe('この操作にはサインインが必要です。');
    await client.data(SET_LOCALE, { locale: null }, { token: member });
  });
});
