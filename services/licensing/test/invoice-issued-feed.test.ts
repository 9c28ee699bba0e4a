import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceIssuedChange } from '../src/entities/invoice-issued-change.entity.js';
import { Invoice } from '../src/entities/invoice.entity.js';
import { licensingSubgraph } from '../src/index.js';
import { writeInvoice } from '../src/invoicing.js';

const RUN = `mutation($period: String!) { runBilling(period: $period) { invoices { id number tenantId issuedOn total } } }`;

interface FeedPage {
  head: number;
  changes: Array<{ seq: number; tenantId: string; invoiceId: string; number: string; kind: string; issuedOn: string; total: number }>;
}

describe.each(testDialects())('the issued-invoice feed spaces mails from (Q1) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-03-01T01:00:00Z'); // 1 March 2027, 10:00 in Tokyo
  const feedUrl = (after = 0) => stack.subgraphUrls.licensing!.replace(/\/graphql$/, `/internal/changes/invoices-issued?after=${after}&first=100`);
  const readFeed = async (after = 0): Promise<FeedPage> => {
    const response = await fetch(feedUrl(after), { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(response.status).toBe(200);
    return (await response.json()) as FeedPage;
  };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, new FakeSpaces({}).definition()], dialect, clock });
  });
  afterAll(() => stack?.close());

  it("Q1: a billing run's invoice is in the feed with its number, date and total, once; a second run adds nothing", async () => {
    expect(await readFeed()).toEqual({ head: 0, settledThrough: 0, changes: [] });
    const operator = await stack.auth.issuer.sign({ userId: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['VENDOR_ADMIN'] }, { now: clock.now() });
    const run = async () => (await stack.client.data<{ runBilling: { invoices: Array<{ id: string; number: string; tenantId: string; issuedOn: string; total: number }> } }>(RUN, { period: '2027-03' }, { token: operator })).runBilling.invoices;
    const invoices = await run();
    expect(invoices.length).toBeGreaterThan(0);
    const page = await readFeed();
    expect(page.head).toBe(invoices.length);
    expect(page.changes.map(({ seq: _, ...row }) => row)).toEqual(invoices.map((i) => ({ tenantId: i.tenantId, invoiceId: i.id, number: i.number, kind: 'INVOICE', issuedOn: i.issuedOn, total: i.total })));
    expect(await run()).toEqual([]);
    expect((await readFeed()).head).toBe(invoices.length);
  });

  it('Q1: the row shares the invoice\'s transaction: an invoice rolled back leaves no row to mail', async () => {
    const ds = stack.handles.licensing!.dataSource;
    const before = await ds.getRepository(InvoiceIssuedChange).count();
    await expect(
      ds.transaction(async (tx) => {
        await writeInvoice(tx, DEMO.tenant.id, '2027-03-01', [], { subtotal: 0, tax: 0, total: 0 });
        throw new Error('the caller fails after writing');
      }),
    ).rejects.toThrow('the caller fails after writing');
    expect(await ds.getRepository(InvoiceIssuedChange).count()).toBe(before);
    expect(await ds.getRepository(Invoice).countBy({ issuedOn: '2027-03-01', total: 0 })).toBe(0);
  });

  it('the feed is internal: a client token, no credential or a wrong one is refused (403)', async () => {
    const { admin } = await stack.auth.demoTokens();
    const attempts: Array<Record<string, string>> = [{ authorization: `Bearer ${admin}` }, {}, { [GATEWAY_CREDENTIAL_HEADER]: 'not-the-secret-0123456789' }];
    for (const headers of attempts) expect((await fetch(feedUrl(), { headers })).status).toBe(403);
  });
});
