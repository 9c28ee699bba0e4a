import { ManualClock, silentLogger, type BackgroundRuntime, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { DEMO, decodeQuotedPrintable, freePort, loadRegisteredSubgraphs, startSmtpSink, startStack, testDialects, type SmtpSink, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceMail } from '../src/entities/invoice-mail.entity.js';
import { Tenant } from '../src/entities/tenant.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';
import { invoiceMailer, startInvoiceMail } from '../src/invoice-mail-feed.js';

const CREDIT = `mutation($input: CreditNoteInput!) { issueCreditNote(input: $input) { id number total } }`;
const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount invoices { id number tenantId issuedOn total } } }`;

const OTHER = '00000000-0000-4000-8000-00000000e001';
const people = {
  secondAdmin: { id: '00000000-0000-4000-8000-00000000e011', email: 'keiri@demo.example', name: '経理 花子' },
  removedAdmin: { id: '00000000-0000-4000-8000-00000000e012', email: 'former@demo.example', name: '元管理者' },
  otherAdmin: { id: '00000000-0000-4000-8000-00000000e013', email: 'admin@other.example', name: 'Olivia Other' },
  otherMember: { id: '00000000-0000-4000-8000-00000000e014', email: 'member@other.example', name: 'Max Member' },
};

interface Invoice {
  id: string;
  number: string;
  tenantId: string;
  issuedOn: string;
  total: number;
}

/** The bytes of one encoded word (RFC 2047): a multi-byte character may be split across two words, so words are joined as bytes. */
function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  const q = text.replace(/_/g, ' ');
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '=' && /^[0-9A-F]{2}$/i.test(q.slice(i + 1, i + 3))) {
      bytes.push(parseInt(q.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(q.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** A mail as the administrator reads it: the subject's encoded words and the quoted-printable bodies decoded. */
function readable(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = [...header.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)];
  const subject = words.length ? Buffer.concat(words.map((w) => wordBytes(w[1]!, w[2]!))).toString('utf8') : header;
  return `Subject: ${subject}\n${decodeQuotedPrintable(raw)}`;
}

describe.each(testDialects())('Q1: the invoice mail, from licensing issuing to each administrator, on %s', (dialect) => {
  let stack: Stack;
  let sink: SmtpSink;
  const clock = new ManualClock('2027-03-01T01:00:00Z'); // 1 March 2027, 10:00 in Tokyo
  let runtime: BackgroundRuntime;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const licensing = (await loadRegisteredSubgraphs()).find((s) => s.name === 'licensing')!;
    // the background passes wait an hour here: the test runs the passes itself, as replicas would
    stack = await startStack({ subgraphs: [spacesSubgraph, licensing], dialect, clock, smtpUrl: sink.url, env: { BILLING_SCHEDULE: 'off', INVOICE_MAIL_EVERY_MS: '3600000' } });
    const spaces = stack.handles.spaces!.dataSource;
    await spaces.getRepository(Tenant).insert({ id: OTHER, subdomain: 'other', name: 'Other Co.', requireTotp: false, locale: 'EN' as Tenant['locale'] });
    const user = (p: { id: string; email: string; name: string }, tenantId: string, isAdmin: boolean, removedAt: Date | null = null) => ({ ...p, tenantId, kind: 'MEMBER' as const, isAdmin, passwordHash: 'x', removedAt });
    await spaces.getRepository(User).insert([
      user(people.secondAdmin, DEMO.tenant.id, true),
      user(people.removedAdmin, DEMO.tenant.id, true, new Date('2027-01-10T00:00:00Z')),
      user(people.otherAdmin, OTHER, true),
      user(people.otherMember, OTHER, false),
    ]);
    // the other tenant's own monthly contract, so the run issues it an invoice too
    await stack.handles.licensing!.dataSource
      .getRepository('Contract')
      .insert({ id: '00000000-0000-4000-8000-00000000e101', tenantId: OTHER, course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-01-01', endsOn: null, memberSeats: 5 });
    const deps: SubgraphDeps = {
      databaseUrl: '',
      verifier: stack.auth.verifier,
      gatewaySecret: stack.auth.gatewaySecret,
      peers: { urlOf: (name) => stack.subgraphUrls[name] },
      smtpUrl: sink.url,
      dataDir: stack.dataDir,
      logger: silentLogger,
      env: {},
    };
    runtime = { dataSource: spaces, clock, logger: silentLogger, deps };
  });
  afterAll(async () => {
    await stack?.close();
    await sink?.close();
  });

  const operator = () => stack.auth.issuer.sign({ userId: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['VENDOR_ADMIN'] }, { now: clock.now() });
  const runBilling = async (period: string): Promise<Invoice[]> =>
    (await stack.clientFor('licensing').data<{ runBilling: { invoices: Invoice[] } }>(RUN, { period }, { token: await operator() })).runBilling.invoices;
  const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));

  it("Q1: a billing run's invoices reach each active administrator once, Japanese first, with the web app's invoice page and no PDF link; two replicas, run twice, send nothing more", { timeout: 60_000 }, async () => {
    const invoices = await runBilling('2027-03');
    const demoInvoice = invoices.find((i) => i.tenantId === DEMO.tenant.id)!;
    const otherInvoice = invoices.find((i) => i.tenantId === OTHER)!;
    expect(demoInvoice).toBeDefined();
    expect(otherInvoice).toBeDefined();
    // licensing sent nothing itself: the mail waits for spaces' pass (no peer call on the billing path)
    expect(sink.messages).toEqual([]);

    // two replicas at once, each with its own lease owner: one follows the feed, the other skips or finds nothing
    const replicas = [invoiceMailer(runtime), invoiceMailer(runtime)];
    const first = await Promise.all(replicas.map((r) => r.runOnce()));
    expect(first.reduce((n, r) => n + r.sent, 0)).toBe(3);
    // again, on both, and a restarted process (a new mailer on the stored cursor): nothing more
    const again = await Promise.all([...replicas, invoiceMailer(runtime)].map((r) => r.runOnce()));
    expect(again.reduce((n, r) => n + r.sent, 0)).toBe(0);

    expect(sink.messages.map((m) => m.to).flat().sort()).toEqual([DEMO.admin.email, people.secondAdmin.email, people.otherAdmin.email].sort());
    for (const nobody of [DEMO.member.email, DEMO.guest.email, people.removedAdmin.email, people.otherMember.email, DEMO.operator.email]) expect(mailsTo(nobody)).toEqual([]);

    const link = `http://localhost:4000/app/licences?invoice=${demoInvoice.id}`;
    for (const address of [DEMO.admin.email, people.secondAdmin.email]) {
      const [mail] = mailsTo(address);
      const text = readable(mail!.raw);
      expect(text).toContain(`【Kyodo】請求書 ${demoInvoice.number} を発行しました`);
      expect(text).toContain(`番号: ${demoInvoice.number}`);
      expect(text).toContain('発行日: 2027-03-01');
      expect(text).toContain(`ご請求金額（税込）: ${demoInvoice.total.toLocaleString('ja-JP')}円`);
      expect(text).toContain(link);
      // Japanese first, the English after it
      expect(text.indexOf('請求書を発行しました')).toBeLessThan(text.indexOf('----- English -----'));
      expect(text.indexOf('----- English -----')).toBeLessThan(text.indexOf('Amount due (tax included)'));
      // a mail is read days later: never the PDF's signed link (minutes), only the page that makes a fresh one
      expect(text).not.toMatch(/invoice-files|\.pdf/i);
      expect(text).toContain('PDF のリンクはページを開くたびに新しく発行されます');
    }
    expect(readable(mailsTo(DEMO.admin.email)[0]!.raw)).toContain(`${DEMO.admin.name} 様`);
    // the other tenant is set to English: its administrator gets its own invoice, in English alone
    const other = readable(mailsTo(people.otherAdmin.email)[0]!.raw);
    expect(other).toContain(`Invoice ${otherInvoice.number} issued to Other Co.`);
    expect(other).toContain(`http://localhost:4000/app/licences?invoice=${otherInvoice.id}`);
    expect(other).not.toContain(demoInvoice.number);
    expect(other).not.toContain('請求書');
    expect(await stack.handles.spaces!.dataSource.getRepository(InvoiceMail).countBy({ invoiceId: demoInvoice.id })).toBe(2);
  });

  it('Q1: a second run of the same period issues nothing and mails nothing; the next period is mailed by the background job', { timeout: 60_000 }, async () => {
    const before = sink.messages.length;
    expect(await runBilling('2027-03')).toEqual([]);
    expect((await invoiceMailer(runtime).runOnce()).sent).toBe(0);
    expect(sink.messages.length).toBe(before);

    clock.set(new Date('2027-04-01T01:00:00Z'));
    const april = await runBilling('2027-04');
    expect(april.length).toBeGreaterThanOrEqual(2);
    // two administrators of the demo tenant, one of the other
    const expected = april.reduce((n, invoice) => n + (invoice.tenantId === OTHER ? 1 : 2), 0);
    // the timer the subgraph starts (here every 50 ms, two of them as two replicas would)
    const stops = [startInvoiceMail({ ...runtime, deps: { ...runtime.deps, env: { INVOICE_MAIL_EVERY_MS: '50' } } }), startInvoiceMail({ ...runtime, deps: { ...runtime.deps, env: { INVOICE_MAIL_EVERY_MS: '50' } } })];
    try {
      const deadline = Date.now() + 10_000;
      while (sink.messages.length < before + expected && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      // a few more passes on both: still one mail each
      await new Promise((done) => setTimeout(done, 300));
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
    const added = sink.messages.slice(before);
    expect(added).toHaveLength(expected);
    expect(new Set(added.map((m) => m.to).flat())).toEqual(new Set([DEMO.admin.email, people.secondAdmin.email, people.otherAdmin.email]));
    for (const invoice of april) expect(added.filter((m) => readable(m.raw).includes(invoice.number))).toHaveLength(invoice.tenantId === OTHER ? 1 : 2);
  });

  it('Q1: while the mail server is down nothing is lost: the pass fails, the mails stay pending, and the next pass sends each once; a credit note is mailed as one', { timeout: 60_000 }, async () => {
    clock.set(new Date('2027-05-10T01:00:00Z'));
    const [march] = (await stack.clientFor('licensing').data<{ invoiceSearch: { edges: Array<{ node: Invoice }> } }>(
      `query { invoiceSearch(filter: { issuedFrom: "2027-03-01", issuedTo: "2027-03-01", tenantId: "${DEMO.tenant.id}" }) { edges { node { id number tenantId issuedOn total } } } }`,
      {},
      { token: await operator() },
    )).invoiceSearch.edges.map((e) => e.node);
    const note = (await stack.clientFor('licensing').data<{ issueCreditNote: { id: string; number: string; total: number } }>(CREDIT, { input: { invoiceId: march!.id, amount: 1000, reason: '1席分の二重請求 one seat billed twice' } }, { token: await operator() })).issueCreditNote;
    const before = sink.messages.length;
    const down = invoiceMailer({ ...runtime, deps: { ...runtime.deps, smtpUrl: `smtp://127.0.0.1:${await freePort()}` } });
    // a job serves no request: its refusals are in Japanese, the default (I1)
    await expect(down.runOnce()).rejects.toMatchObject({ message: expect.stringMatching(/メールサーバーに接続できない/), extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(sink.messages.length).toBe(before);
    const pending = await stack.handles.spaces!.dataSource.getRepository(InvoiceMail).findBy({ invoiceId: note.id });
    expect(pending.map((m) => m.sentAt)).toEqual([null, null]);

    expect((await invoiceMailer(runtime).runOnce()).sent).toBe(2);
    expect((await invoiceMailer(runtime).runOnce()).sent).toBe(0);
    const added = sink.messages.slice(before);
    expect(added.map((m) => m.to).flat().sort()).toEqual([DEMO.admin.email, people.secondAdmin.email].sort());
    for (const mail of added) {
      const text = readable(mail.raw);
      expect(text).toContain(`【Kyodo】適格返還請求書（請求の訂正） ${note.number} を発行しました`);
      expect(text).toContain(`訂正額（税込）: ${note.total.toLocaleString('ja-JP')}円`);
      expect(text).toContain(`http://localhost:4000/app/licences?invoice=${note.id}`);
    }
  });
});
