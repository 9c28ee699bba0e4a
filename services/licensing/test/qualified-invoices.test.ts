import { AuditEntryRecord, createDataSource, ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalsOf, type InvoiceLineData } from '../src/domain/invoices.js';
import { Invoice, InvoiceLine } from '../src/entities/invoice.entity.js';
import { licensingEntities, licensingMigrations, licensingSubgraph } from '../src/index.js';
import { configureInvoicing } from '../src/invoice-settings.js';
import { writeInvoice } from '../src/invoicing.js';

const ISSUER = { INVOICE_ISSUER_NAME: '共同システム株式会社', INVOICE_REGISTRATION_NUMBER: 'T7000012050002' };
const X = '00000000-0000-4000-8000-0000000c0001'; // monthly Light, onboarded with a registered name
const Y = '00000000-0000-4000-8000-0000000c0002'; // another tenant, monthly Standard

const CREATE = `mutation($tenantId: ID!, $input: BaseContractInput!) { createBaseContract(tenantId: $tenantId, input: $input) { memberSeats } }`;
// issue 18 #6: a contract onboarding made is billed only once spaces confirmed its tenant
const CONFIRM = `mutation($tenantId: ID!) { confirmBaseContract(tenantId: $tenantId) { memberSeats } }`;
const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount invoices { id number tenantId } } }`;
const FIELDS = `id number kind issuedOn subtotal tax total recipientName reason issuer { name registrationNumber } taxByRate { rate taxableAmount tax } lines { description periodFrom periodTo amount taxRatePercent } pdfUrl correctsInvoice { number }`;
const SEARCH = `query($filter: InvoiceSearchInput, $first: Int, $after: String) { invoiceSearch(filter: $filter, first: $first, after: $after) { edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const RENAME = `mutation($tenantId: ID!, $name: String!) { setInvoiceRecipientName(tenantId: $tenantId, name: $name) }`;
const CREDIT = `mutation($input: CreditNoteInput!) { issueCreditNote(input: $input) { ${FIELDS} } }`;

interface InvoiceView {
  id: string;
  number: string;
  kind: string;
  issuedOn: string;
  subtotal: number;
  tax: number;
  total: number;
  recipientName: string | null;
  issuer: { name: string; registrationNumber: string } | null;
  taxByRate: Array<{ rate: number; taxableAmount: number; tax: number }>;
  pdfUrl: string | null;
  correctsInvoice: { number: string } | null;
}

describe.each(testDialects())('Q1 qualified invoices on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-02-28T03:00:00Z');
  const statements: string[] = [];
  beforeAll(async () => {
    const spaces = new FakeSpaces({});
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock, env: ISSUER, onQuery: (name, sql) => name === 'licensing' && statements.push(sql) });
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN'>, kind: 'MEMBER' | 'GUEST' = 'MEMBER') => stack.auth.issuer.sign({ userId, tenantId, kind, roles, language: 'en' }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);
  const adminOf = (tenantId: string) => sign(`${tenantId.slice(0, -4)}a${tenantId.slice(-3)}`, tenantId, ['ADMIN']);
  const memberOf = (tenantId: string) => sign(`${tenantId.slice(0, -4)}b${tenantId.slice(-3)}`, tenantId, []);
  const tokyo = (day: string) => clock.set(new Date(`${day}T09:00:00+09:00`));
  const search = async (token: string, filter: Record<string, unknown> = {}, first = 50, after: string | null = null) =>
    (await stack.client.data<{ invoiceSearch: { edges: Array<{ cursor: string; node: InvoiceView }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(SEARCH, { filter, first, after }, { token })).invoiceSearch;
  const dataSource = () => stack.handles.licensing!.dataSource;
  const auditOf = (subject: string) => dataSource().getRepository(AuditEntryRecord).findBy({ subject });
  const fetchFile = (path: string) => fetch(new URL(path, stack.subgraphUrls.licensing));

  it('Q1/A1: onboarding names the recipient; a billing run issues numbered invoices with the issuer and recipient as issued, each audited by the billing system', async () => {
    tokyo('2027-02-28');
    await stack.client.data(CREATE, { tenantId: X, input: { course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-02-01', memberSeats: 5, recipientName: '株式会社サンプル商事' } }, { token: await operator() });
    await stack.client.data(CONFIRM, { tenantId: X }, { token: await operator() });
    await stack.client.data(CREATE, { tenantId: Y, input: { course: 'STANDARD', billingCycle: 'MONTHLY', startsOn: '2027-02-01', memberSeats: 6, recipientName: 'Other Industries K.K.' } }, { token: await operator() });
    await stack.client.data(CONFIRM, { tenantId: Y }, { token: await operator() });
    tokyo('2027-03-01');
    const run = (await stack.client.data<{ runBilling: { issuedCount: number; invoices: Array<{ id: string; number: string; tenantId: string }> } }>(RUN, { period: '2027-03' }, { token: await operator() })).runBilling;
    const forX = run.invoices.find((i) => i.tenantId === X)!;
    expect(forX.number).toMatch(/^KY-2027-\d{6}$/);
    expect(new Set(run.invoices.map((i) => i.number)).size).toBe(run.invoices.length);
    const [found] = (await search(await adminOf(X))).edges.map((e) => e.node);
    // 2027-03 for X: 5 Light seats x 780 = 3,900; tax 390; 4,290
    expect(found).toMatchObject({
      number: forX.number,
      kind: 'INVOICE',
      issuedOn: '2027-03-01',
      subtotal: 3900,
      tax: 390,
      total: 4290,
      recipientName: '株式会社サンプル商事',
      issuer: { name: '共同システム株式会社', registrationNumber: 'T7000012050002' },
      taxByRate: [{ rate: 10, taxableAmount: 3900, tax: 390 }],
      correctsInvoice: null,
    });
    const [entry] = await auditOf(`Invoice:${forX.id}`);
    expect(entry).toMatchObject({ action: 'invoice.issue', actorId: 'system:billing', tenantId: X });
    expect(JSON.parse(entry!.after!)).toMatchObject({ number: forX.number, total: 4290 });
  });

  it("A1: an invoice issued by an administrator's mid-term order is audited with that administrator as the actor", async () => {
    const Z = '00000000-0000-4000-8000-0000000c0003';
    tokyo('2027-03-01');
    await stack.client.data(CREATE, { tenantId: Z, input: { course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2027-03-01', memberSeats: 5, recipientName: '年間契約株式会社' } }, { token: await operator() });
    await stack.client.data(CONFIRM, { tenantId: Z }, { token: await operator() });
    tokyo('2027-03-15');
    await stack.client.data(`mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { total } }`, { input: { quantity: 1, idempotencyKey: 'z-guest' } }, { token: await adminOf(Z) });
    const invoices = await dataSource().getRepository(Invoice).findBy({ tenantId: Z, issuedOn: '2027-03-15' });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ recipientName: '年間契約株式会社', issuerRegistrationNumber: 'T7000012050002' });
    expect(await auditOf(`Invoice:${invoices[0]!.id}`)).toMatchObject([{ action: 'invoice.issue', actorId: `${Z.slice(0, -4)}a${Z.slice(-3)}`, tenantId: Z }]);
  });

  it('Q1: the recipient name is its administrator\'s to change (audited); a member, a vendor operator: FORBIDDEN; another tenant\'s admin: NOT_FOUND; issued invoices keep theirs', async () => {
    const renamed = await stack.client.data<{ setInvoiceRecipientName: string }>(RENAME, { tenantId: X, name: '  株式会社サンプル商事 東京本社 ' }, { token: await adminOf(X) });
    expect(renamed.setInvoiceRecipientName).toBe('株式会社サンプル商事 東京本社');
    const [entry] = await auditOf(`Tenant:${X}`);
    expect(entry).toMatchObject({ action: 'invoiceRecipient.rename', tenantId: X });
    expect(JSON.parse(entry!.before!)).toEqual({ registeredName: '株式会社サンプル商事' });
    expect(errorCodes(await stack.client.request(RENAME, { tenantId: X, name: 'x' }, { token: await memberOf(X) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(RENAME, { tenantId: X, name: 'x' }, { token: await operator() }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(RENAME, { tenantId: X, name: 'x' }, { token: await adminOf(Y) }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(RENAME, { tenantId: X, name: ' ' }, { token: await adminOf(X) }))).toEqual(['BAD_USER_INPUT']);
    // Tenant.invoiceRecipientName: its admins and vendor operators read it; a member and another tenant's admin get null
    const NAME = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { invoiceRecipientName } } }`;
    const nameAs = async (token: string) => (await stack.client.data<{ _entities: Array<{ invoiceRecipientName: string | null }> }>(NAME, { r: [{ __typename: 'Tenant', id: X }] }, { token }))._entities[0]!.invoiceRecipientName;
    expect(await nameAs(await adminOf(X))).toBe('株式会社サンプル商事 東京本社');
    expect(await nameAs(await operator())).toBe('株式会社サンプル商事 東京本社');
    expect(await nameAs(await memberOf(X))).toBeNull();
    expect(await nameAs(await adminOf(Y))).toBeNull();
    // the March invoice keeps the name it was issued with; April's has the new one
    tokyo('2027-04-01');
    await stack.client.data(RUN, { period: '2027-04' }, { token: await operator() });
    const names = (await search(await adminOf(X))).edges.map((e) => [e.node.issuedOn, e.node.recipientName]);
    expect(names).toEqual([
      ['2027-04-01', '株式会社サンプル商事 東京本社'],
      ['2027-03-01', '株式会社サンプル商事'],
    ]);
  });

  it('Q1: an issued invoice keeps its issuer when the configuration changes', async () => {
    const settings = { issuer: { name: '新社名株式会社', registrationNumber: 'T1180301018771' }, clock };
    configureInvoicing(dataSource(), settings);
    try {
      tokyo('2027-05-01');
      await stack.client.data(RUN, { period: '2027-05' }, { token: await operator() });
      const issuers = (await search(await adminOf(X))).edges.map((e) => [e.node.issuedOn, e.node.issuer?.registrationNumber]);
      expect(issuers).toEqual([
        ['2027-05-01', 'T1180301018771'],
        ['2027-04-01', 'T7000012050002'],
        ['2027-03-01', 'T7000012050002'],
      ]);
    } finally {
      configureInvoicing(dataSource(), { issuer: { name: ISSUER.INVOICE_ISSUER_NAME, registrationNumber: ISSUER.INVOICE_REGISTRATION_NUMBER }, clock });
    }
  });

  it('Q1: two replicas writing invoices at the same moment never hand out the same number', { timeout: 60_000 }, async () => {
    const replica = createDataSource({ url: stack.databases.licensing!.url, entities: licensingEntities, migrations: licensingMigrations });
    await replica.initialize();
    try {
      configureInvoicing(replica, { issuer: { name: 'r', registrationNumber: 'T7000012050002' }, clock });
      const lines: InvoiceLineData[] = [{ description: 'x', quantity: 1, unitPrice: 100, periodFrom: null, periodTo: null, amount: 100 }];
      const write = (source: typeof replica) => source.transaction((tx) => writeInvoice(tx, Y, '2027-05-02', lines, totalsOf(lines)));
      // MariaDB (where replicas run): all 24 at once from the two pools; SQLite (one process, one writer
      // at a time): the two connections take turns, sharing the one sequence
      const sources = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? replica : dataSource()));
      const ids: string[] = [];
      if (dialect === 'sqlite') for (const source of sources) ids.push(await write(source));
      else ids.push(...(await Promise.all(sources.map(write))));
      const numbers = (await dataSource().getRepository(Invoice).findBy({ tenantId: Y })).filter((i) => ids.includes(i.id)).map((i) => i.number);
      expect(numbers).toHaveLength(24);
      expect(new Set(numbers).size).toBe(24);
    } finally {
      await replica.destroy();
    }
  });

  it('Q1: a credit note corrects an invoice (own number, negative, naming it, audited); never more than what remains; vendor operators only', async () => {
    const [march] = (await search(await operator(), { tenantId: X, issuedFrom: '2027-03-01', issuedTo: '2027-03-31' })).edges.map((e) => e.node);
    const before = await dataSource().getRepository(Invoice).findOneByOrFail({ id: march!.id });
    const beforeLines = await dataSource().getRepository(InvoiceLine).findBy({ invoiceId: march!.id });
    tokyo('2027-05-10');
    const note = (await stack.client.data<{ issueCreditNote: InvoiceView }>(CREDIT, { input: { invoiceId: march!.id, amount: 780, reason: '1席分の二重請求 one seat billed twice' } }, { token: await operator() })).issueCreditNote;
    // 780 off at 10 %: tax 78; -858
    expect(note).toMatchObject({ kind: 'CREDIT_NOTE', issuedOn: '2027-05-10', subtotal: -780, tax: -78, total: -858, recipientName: '株式会社サンプル商事 東京本社', correctsInvoice: { number: march!.number }, taxByRate: [{ rate: 10, taxableAmount: -780, tax: -78 }] });
    expect(note.number).toMatch(/^KY-2027-\d{6}$/);
    expect(note.number).not.toBe(march!.number);
    expect(await auditOf(`Invoice:${note.id}`)).toMatchObject([{ action: 'invoice.creditNote', actorId: DEMO.operator.id }]);
    // 3,900 - 780 = 3,120 remain: 3,121 is refused, naming what remains
    const tooMuch = await stack.client.request(CREDIT, { input: { invoiceId: march!.id, amount: 3121, reason: 'x' } }, { token: await operator() });
    expect(errorCodes(tooMuch)).toEqual(['BAD_USER_INPUT']);
    expect(tooMuch.errors?.[0]?.message).toMatch(/3,120 yen/);
    await stack.client.data(CREDIT, { input: { invoiceId: march!.id, amount: 3120, reason: '解約 cancelled' } }, { token: await operator() });
    expect(errorCodes(await stack.client.request(CREDIT, { input: { invoiceId: march!.id, amount: 1, reason: 'x' } }, { token: await operator() }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(CREDIT, { input: { invoiceId: note.id, amount: 1, reason: 'x' } }, { token: await operator() }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(CREDIT, { input: { invoiceId: march!.id, amount: 1, reason: 'x' } }, { token: await adminOf(X) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(CREDIT, { input: { invoiceId: march!.id, amount: 1, reason: 'x' } }, { token: await adminOf(Y) }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(CREDIT, { input: { invoiceId: '00000000-0000-4000-8000-00000000dead', amount: 1, reason: 'x' } }, { token: await operator() }))).toEqual(['NOT_FOUND']);
    // the invoice itself never changed
    expect(await dataSource().getRepository(Invoice).findOneByOrFail({ id: march!.id })).toEqual(before);
    expect(await dataSource().getRepository(InvoiceLine).findBy({ invoiceId: march!.id })).toEqual(beforeLines);
  });

  it('Q1: no mutation takes an invoice to change it: the only one naming an invoice issues a credit note; every row stays as issued through every mutation', async () => {
    const schema = stack.handles.licensing!.schema;
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const namingInvoices = mutations.filter((m) => /invoice/i.test(m.name) || m.args.some((a) => /invoice/i.test(a.name) || /Invoice|CreditNote/.test(String(a.type))));
    expect(namingInvoices.map((m) => m.name).sort()).toEqual(['issueCreditNote', 'setInvoiceRecipientName']);
    // and setInvoiceRecipientName changes the recipient table only: every invoice row is what it was
    const rows = async () => ({ invoices: await dataSource().getRepository(Invoice).find({ order: { id: 'ASC' } }), lines: await dataSource().getRepository(InvoiceLine).find({ order: { id: 'ASC' } }) });
    const before = await rows();
    await stack.client.data(RENAME, { tenantId: X, name: 'また別の名前株式会社' }, { token: await adminOf(X) });
    await stack.client.data(RUN, { period: '2027-05' }, { token: await operator() });
    expect(await rows()).toEqual(before);
  });

  it('Q1 search: by issue date, amount and counterparty; operators across tenants, an administrator within theirs; members and guests FORBIDDEN; paginated', async () => {
    const all = (await search(await operator())).edges.map((e) => e.node);
    expect(new Set(all.map((i) => i.recipientName)).size).toBeGreaterThan(2);
    const xOnly = (await search(await adminOf(X))).edges.map((e) => e.node);
    expect(xOnly.length).toBeGreaterThan(0);
    expect(xOnly.every((i) => i.recipientName?.includes('株式会社サンプル商事'))).toBe(true);
    // another tenant's id finds nothing for an administrator
    expect((await search(await adminOf(X), { tenantId: Y })).edges).toEqual([]);
    expect((await search(await operator(), { tenantId: Y })).edges.length).toBeGreaterThan(0);
    for (const token of [await memberOf(X), await sign(DEMO.guest.id, DEMO.tenant.id, [], 'GUEST')]) expect(errorCodes(await stack.client.request(SEARCH, {}, { token }))).toEqual(['FORBIDDEN']);
    // by counterparty name, amount and date
    const byName = (await search(await operator(), { recipientName: 'Other Industries' })).edges.map((e) => e.node);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i) => i.recipientName === 'Other Industries K.K.')).toBe(true);
    const credits = (await search(await operator(), { maxTotal: -1 })).edges.map((e) => e.node);
    expect(credits.map((c) => c.total).sort((a, b) => a - b)).toEqual([-3432, -858]);
    expect((await search(await operator(), { minTotal: 4290, maxTotal: 4290, issuedFrom: '2027-03-01', issuedTo: '2027-03-31' })).edges.map((e) => e.node.recipientName)).toEqual(['株式会社サンプル商事']);
    // pages of 2 walk the same list, newest first, without repeats
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await search(await operator(), {}, 2, after);
      walked.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.map((i) => i.id));
    expect(errorCodes(await stack.client.request(SEARCH, { first: 101 }, { token: await operator() }))).toEqual(['BAD_USER_INPUT']);
  });

  it('Q1 search: no N+1: a page of 2 and a page of 40 with lines, tax per rate and correction cost the same statements', async () => {
    const count = async (first: number) => {
      statements.length = 0;
      const page = await search(await operator(), {}, first);
      return { size: page.edges.length, statements: statements.length };
    };
    // enough invoices for a page of 40 (written as billing does, through invoicing.ts)
    const lines: InvoiceLineData[] = [{ description: 'x', quantity: 1, unitPrice: 100, periodFrom: '2027-05-01', periodTo: '2027-05-31', amount: 100 }];
    for (let i = 0; i < 40; i += 1) await dataSource().transaction((tx) => writeInvoice(tx, Y, '2027-05-03', lines, totalsOf(lines)));
    const small = await count(2);
    const large = await count(40);
    expect(large.size).toBeGreaterThan(20);
    expect(large.statements).toBe(small.statements);
  });

  it('Q1: pdfUrl is a signed, expiring link for the tenant\'s administrators and vendor operators only; the file is a PDF', async () => {
    const [latest] = (await search(await adminOf(X), {}, 1)).edges.map((e) => e.node);
    expect(latest!.pdfUrl).toMatch(/^\/invoice-files\/[\w-]+\.[\w-]+$/);
    const asOperator = (await search(await operator(), { tenantId: X }, 1)).edges[0]!.node;
    expect(asOperator.pdfUrl).toMatch(/^\/invoice-files\//);
    const response = await fetchFile(latest!.pdfUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`${latest!.number}.pdf`);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // tampered: 404; after 10 minutes: 410
    const [body, signature] = latest!.pdfUrl!.slice('/invoice-files/'.length).split('.');
    expect((await fetchFile(`/invoice-files/${body}.${signature!.slice(1)}A`)).status).toBe(404);
    clock.advance(10 * 60 * 1000 + 1);
    expect((await fetchFile(latest!.pdfUrl!)).status).toBe(410);
  });
});

/**
 * The done-when case, computed by hand from DOMAIN.md (L1, T5, T6, L7, L16): a monthly Light
 * tenant with 5 seats from 1 March 2027 changes mid-March (the 15th): +3 seats, +3 guest
 * licences, upgrade to Standard. T6/L7: usable at once, billed from April; L16:
 * the April invoice, dated 2027-04-01, bills what is in force on the 1st at that day's prices:
 *   member seats  8 x 1,500 (Standard, monthly)  = 12,000
 *   guest licences 3 x 1,200 (Standard, monthly) =  3,600
 *   subtotal 15,600; tax 10 % = 1,560 (once, on the rate's total); total 17,160.
 * The invoice comes from the real path: the orders in mid-March, then April's billing run.
 */
describe.each(testDialects())('Q1 the PDF of a monthly invoice after mid-month changes on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2027-03-01T00:00:00Z');
  const T = '00000000-0000-4000-8000-0000000c0100';
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, new FakeSpaces({}).definition()], dialect, clock, env: ISSUER });
  });
  afterAll(() => stack?.close());

  it('Q1: the PDF, read back, shows the issuer and registration number, the issue date, the lines with periods, the total and tax per rate, the recipient and the number', { timeout: 60_000 }, async () => {
    const operator = () => stack.auth.issuer.sign({ userId: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['VENDOR_ADMIN'], language: 'en' }, { now: clock.now() });
    const admin = () => stack.auth.issuer.sign({ userId: '00000000-0000-4000-8000-0000000c01aa', tenantId: T, kind: 'MEMBER', roles: ['ADMIN'], language: 'en' }, { now: clock.now() });
    await stack.client.data(CREATE, { tenantId: T, input: { course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-03-01', memberSeats: 5, recipientName: '株式会社みらい建設' } }, { token: await operator() });
    await stack.client.data(CONFIRM, { tenantId: T }, { token: await operator() });
    // mid-March, the administrator adds 3 seats and 3 guest licences and upgrades to Standard: all
    // usable at once, billed from April's invoice (T6/L7), which is what this PDF is of
    clock.set(new Date('2027-03-15T01:00:00Z'));
    const order = async (mutation: string, input: string, values: Record<string, unknown>) =>
      stack.client.data(`mutation($input: ${input}!) { ${mutation}(input: $input) { __typename } }`, { input: { ...values, idempotencyKey: `pdf-${mutation}` } }, { token: await admin() });
    await order('orderMemberSeats', 'OrderMemberSeatsInput', { quantity: 3 });
    await order('orderGuestLicenses', 'OrderGuestLicensesInput', { quantity: 3 });
    await order('orderCourseChange', 'OrderCourseChangeInput', { course: 'STANDARD' });
    clock.set(new Date('2027-04-01T01:00:00Z'));
    const run = (await stack.client.data<{ runBilling: { invoices: Array<{ id: string; tenantId: string }> } }>(`mutation { runBilling(period: "2027-04") { invoices { id tenantId } } }`, {}, { token: await operator() })).runBilling;
    const issued = run.invoices.filter((invoice) => invoice.tenantId === T);
    expect(issued).toHaveLength(1);
    // by hand (L16/T6, T5 and L1 prices): 8 Standard seats x 1,500 = 12,000; 3 Standard guests x 1,200 = 3,600;
    // 15,600 at 10 %, tax 1,560 (rounded down once), total 17,160
    const found = (await stack.client.data<{ invoiceSearch: { edges: Array<{ node: { id: string; number: string; pdfUrl: string } }> } }>(SEARCH, { filter: { issuedFrom: '2027-04-01' } }, { token: await admin() })).invoiceSearch.edges[0]!.node;
    expect(found.id).toBe(issued[0]!.id);
    const pdf = new Uint8Array(await (await fetch(new URL(found.pdfUrl, stack.subgraphUrls.licensing))).arrayBuffer());
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    // (1) the issuer's name and registration number
    expect(flat).toContain('共同システム株式会社');
    expect(flat).toContain('T7000012050002');
    // (2) the issue date, and the invoice's unique number
    expect(flat).toMatch(/発行日 Issue date: 2027-04-01/);
    expect(flat).toContain(found.number);
    // (3) the lines, each with its period
    expect(flat).toContain('Member seats (STANDARD, monthly), 2027-04');
    expect(flat).toContain('Guest licences (STANDARD, monthly), 2027-04');
    expect(flat.match(/2027-04-01 – 2027-04-30/g)).toHaveLength(2);
    expect(flat).toContain('¥12,000');
    expect(flat).toContain('¥3,600');
    // (4) the total per tax rate, with the rate; (5) the tax per rate
    expect(flat).toMatch(/10%対象 Total at 10%: ¥15,600/);
    expect(flat).toMatch(/消費税 Tax \(10%\): ¥1,560/);
    expect(flat).toMatch(/¥17,160/);
    // (6) the recipient's registered name
    expect(flat).toContain('株式会社みらい建設 御中');
    // Japanese first, English second
    expect(flat.indexOf('適格請求書')).toBeLessThan(flat.indexOf('Qualified invoice'));
  });
});
