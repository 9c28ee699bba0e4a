import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensingSubgraph } from '../src/index.js';

const PRICE_BOOK = `query($d: Date) { priceBook(asOf: $d) { id } }`;
const QUOTE = `query($input: QuoteGuestLicensesInput!) { quoteGuestLicenses(input: $input) { subtotal } }`;
/** Year 0 and 9999 are valid ISO dates, but term ends and renewals a year on leave 'YYYY-MM-DD'; Date.UTC reads year 0 as 1900. */
const OUT_OF_RANGE = ['0000-01-01', '1969-12-31', '3000-01-01', '9999-12-31', '10000-01-01', '2027-02-30', '2027-13-01', '2027-1-1'];

describe.each(testDialects())('licensing date inputs (L1, L5-L7) on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect });
    ({ admin } = await stack.auth.demoTokens());
  });
  afterAll(() => stack?.close());

  it.each(OUT_OF_RANGE)('L1: priceBook(asOf: %s) is BAD_USER_INPUT with the accepted range, never an internal error', async (d) => {
    const response = await stack.client.request(PRICE_BOOK, { d }, { token: admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/1970-01-01 to 2999-12-31/);
  });

  it.each(OUT_OF_RANGE)('L5-L7: quoteGuestLicenses(orderDate: %s) is BAD_USER_INPUT, never an internal error', async (orderDate) => {
    const response = await stack.client.request(QUOTE, { input: { quantity: 1, orderDate } }, { token: admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('L1: dates at both ends of the range are answered', async () => {
    for (const d of ['1970-01-01', '2999-12-31', '2028-02-29']) expect((await stack.client.request(PRICE_BOOK, { d }, { token: admin })).errors, d).toBeUndefined();
  });
});
