import { checkCatalogues, ThrownRefusal, withLanguage } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRule } from '../src/access.js';
import { quoteGuestOrder } from '../src/domain/guest-orders.js';
import { licensingSubgraph } from '../src/index.js';
import { LICENSING_REFUSAL_DEFINITIONS, licensingRefusals } from '../src/refusals/refusals.js';
import { PRICE_ROWS } from './price-rows.fixture.js';

const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount } }`;
const QUOTE = `query($input: QuoteGuestLicensesInput!) { quoteGuestLicenses(input: $input) { total } }`;

describe('I1: the licensing refusal catalogue', () => {
  it('has Japanese and English text for every refusal, with the same placeholders', () => {
    expect(checkCatalogues(licensingRefusals)).toEqual([]);
  });

  it('names a DOMAIN.md rule id wherever it names one at all (L1..L16, T4..T6, Q1)', () => {
    for (const [key, definition] of Object.entries(LICENSING_REFUSAL_DEFINITIONS)) {
      if ('rule' in definition) expect(definition.rule, key).toMatch(/^(L([1-9]|1[0-6])|T[4-6]|Q1)$/);
    }
  });

  it('a domain rule refuses with a key and parameters; the text is written in the language of the request', () => {
    const contract = { course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2025-11-01', endsOn: '2026-10-31', seller: 'ONLINE_STORE', basePurchasedOn: '2025-11-01', cancelledOn: null, guestLicenses: 0 } as const;
    const rule = () => quoteGuestOrder(contract, { quantity: 1, orderDate: '2026-10-15' }, PRICE_ROWS);
    expect(rule).toThrow(ThrownRefusal);
    expect(rule).toThrow(/Less than one whole month/); // the thrown refusal's own message: English, for logs
    const ja = (() => {
      try {
        applyRule(rule);
      } catch (error) {
        return error as { message: string; extensions: Record<string, unknown> };
      }
    })();
    expect(ja?.message).toBe('基本契約の残り期間が 1 か月未満のため（2026-10-31 終了）、今はゲストライセンスを購入できません（L6）。更新時に注文してください。');
    expect(ja?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'L6', field: 'orderDate' });
    expect(() => withLanguage('en', () => applyRule(rule))).toThrow('Less than one whole month is left of the base contract (it ends on 2026-10-31), so guests cannot be bought now (L6); order them with the renewal.');
  });
});

describe.each(testDialects())('I1: licensing refusals through a request on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  const operator = (language: 'ja' | 'en' | null) => stack.auth.tokenFor({ id: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, roles: ['VENDOR_ADMIN'], language });
  const admin = (language: 'ja' | 'en' | null) => stack.auth.tokenFor({ id: DEMO.admin.id, roles: ['ADMIN'], language });

  it('L16: a malformed billing period is refused in Japanese for a Japanese token, in English for an English one, with its rule and field', async () => {
    const ja = await stack.client.request(RUN, { period: '2027-13' }, { token: await operator('ja') });
    expect(errorCodes(ja)).toEqual(['BAD_USER_INPUT']);
    expect(ja.errors![0]!.message).toBe('請求期間は YYYY-MM 形式の月で指定してください（例: 2027-01）。「2027-13」は請求期間ではありません。');
    expect(ja.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'L16', field: 'period' });

    const en = await stack.client.request(RUN, { period: '2027-13' }, { token: await operator('en') });
    expect(en.errors![0]!.message).toBe('A billing period is a month written YYYY-MM (e.g. 2027-01); "2027-13" is not one.');
    expect(en.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'L16', field: 'period' });
  });

  it('L16: who may run billing is refused in the token language; without one, in the Accept-Language one', async () => {
    const ja = await stack.client.request(RUN, { period: '2026-01' }, { token: await admin('ja') });
    expect(errorCodes(ja)).toEqual(['FORBIDDEN']);
    expect(ja.errors![0]!.message).toBe('請求処理を実行できるのはベンダーのオペレーター（VENDOR_ADMIN）だけです。');
    expect(ja.errors![0]!.extensions?.rule).toBe('L16');
    const en = await stack.client.request(RUN, { period: '2026-01' }, { token: await admin(null), headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.errors![0]!.message).toBe('Only a vendor operator (VENDOR_ADMIN) may run billing.');
  });

  it('L7: a domain refusal (an order of 0 guest licences) reaches the client in the request language, naming its field', async () => {
    const ja = await stack.client.request(QUOTE, { input: { quantity: 0 } }, { token: await admin('ja') });
    expect(errorCodes(ja)).toEqual(['BAD_USER_INPUT']);
    expect(ja.errors![0]!.message).toBe(licensingRefusals.message('guestQuantityZero', 'ja'));
    expect(ja.errors![0]!.extensions).toMatchObject({ rule: 'L7', field: 'quantity' });
    const en = await stack.client.request(QUOTE, { input: { quantity: 0 } }, { token: await admin('en') });
    expect(en.errors![0]!.message).toBe('Enter how many guest licences to add (a positive number) or remove (a negative number); 0 changes nothing.');
  });
});
