import { ManualClock } from '@kyodo/subgraph-kit';
import { errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';
import { LicensingInvoiceSearchDocument, LicensingRunBillingDocument } from './gql/graphql.js';
import { typedClient } from './typed-client.js';

const SEARCH = `query { invoiceSearch { edges { node { number } } } }`;

describe.each(testDialects())('Q1 qualified invoices through the gateway on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-03-01T01:00:00Z'); // 1 March 2027, 10:00 in Tokyo
  beforeAll(async () => {
    stack = await startFullStack({ dialect, clock });
  });
  afterAll(() => stack?.close());

  it("Q1: the demo admin finds the month's invoice with issuer, recipient and tax per rate, and downloads its PDF at the gateway's /invoice-files/; a member is refused", async () => {
    const operator = typedClient(stack, await signInAs(stack.client, 'operator'));
    await operator.data(LicensingRunBillingDocument, { period: '2027-03' });
    const admin = typedClient(stack, await signInAs(stack.client, 'admin'));
    const [invoice] = (await admin.data(LicensingInvoiceSearchDocument, { filter: { issuedFrom: '2027-03-01' } })).invoiceSearch!.edges.map((e) => e.node);
    // demo: monthly Standard, 10 seats: 15,000; tax 1,500 (the development issuer, the seeded registered name)
    expect(invoice).toMatchObject({
      issuedOn: '2027-03-01',
      total: 16500,
      recipientName: 'デモ株式会社 (Demo Co., Ltd.)',
      issuer: { registrationNumber: 'T9999999999999' },
      taxByRate: [{ rate: 10, taxableAmount: 15000, tax: 1500 }],
    });
    const response = await fetch(new URL(invoice!.pdfUrl!, stack.gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const member = await signInAs(stack.client, 'member');
    expect(errorCodes(await stack.client.request(SEARCH, {}, { token: member }))).toEqual(['FORBIDDEN']);
  });
});
