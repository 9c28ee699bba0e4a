import { fetchChangeFeedPage, jobLeaseMsFrom, jobLeases, nextFeedCursor, parseEnv, type BackgroundRuntime, type JobLeases } from '@kyodo/subgraph-kit';
import { In, IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { invoicePageLink, receivesInvoiceMail } from './domain/invoice-mail.js';
import { InvoiceMail, InvoiceMailCursor } from './entities/invoice-mail.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';
import { DEFAULT_PUBLIC_URL, sendMail } from './mail.js';
import { invoiceIssuedMail } from './mail-templates.js';

/**
 * Q1: the invoice mail. Licensing writes an "invoice issued" outbox row in the transaction that
 * issues the invoice and serves it on its internal `invoices-issued` feed (subgraph-kit
 * change-feed.ts); spaces, which knows the administrators and their addresses, follows that feed
 * in the background and mails each active administrator of the tenant. So a billing run never
 * waits on spaces or on a mail server, and a mail server that is down delays mail, never billing.
 *
 * Replicas: the whole pass runs under one job lease (subgraph-kit job-lease.ts), so one replica
 * at a time follows the feed. Each page becomes one `invoice_mails` row per (invoice,
 * administrator) together with the stored cursor, in one transaction that first checks the lease
 * is still ours; a row that exists is never written again, so a page read twice (a restart, a
 * hole in the seqs, another replica after a lease expired) adds nothing. A row is sent after a
 * compare-and-set of its `sentAt` from null: however two processes overlap, only one of them
 * hands a given mail to the mail server. If the mail server refuses, `sentAt` goes back to null
 * and the next pass tries again. The one gap: a process killed between that claim and the mail
 * server's answer loses that mail (at most once, rather than a second copy of an invoice
 * notice); the invoice itself is always in the web app.
 */
export const INVOICE_ISSUED_FEED = 'invoices-issued';
export const INVOICE_MAIL_JOB = 'invoice-mail';

/** How often spaces looks for new invoices: a minute by default (the mail is not urgent). */
export const INVOICE_MAIL_EVERY_MS_DEFAULT = 60_000;

export const invoiceMailEnvSchema = z.object({
  INVOICE_MAIL_EVERY_MS: z.coerce.number().int().min(50).max(86_400_000).optional(),
});

/** At most this many mails per pass: a large billing run is mailed over a few passes, each under the lease. */
const MAILS_PER_PASS = 200;
const PAGE_SIZE = 200;
/** As cards' followers (subgraph-kit nextFeedCursor): longer than any licensing transaction. */
const HOLE_TIMEOUT_MS = 10_000;

interface InvoiceIssuedRow {
  seq: number;
  tenantId: string;
  invoiceId: string;
  number: string;
  kind: string;
  issuedOn: string;
  total: number;
}

export interface InvoiceMailer {
  /** One pass now: follows the feed and sends what is pending. `ran` false: another replica holds the lease. */
  runOnce(): Promise<{ ran: boolean; sent: number }>;
}

/** The feed follower and sender of one process (its own lease owner); the background timer and tests call runOnce. */
export function invoiceMailer(runtime: BackgroundRuntime, options: { leases?: JobLeases } = {}): InvoiceMailer {
  const { dataSource, clock, logger, deps } = runtime;
  const leases = options.leases ?? jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(deps.env) });
  let hole: { since: number; at: number } | null = null;

  /** Reads the feed from the stored cursor to its head, turning each page into mail rows. */
  const follow = async () => {
    const directory = deps.peers;
    if (!directory) return;
    let cursor = (await dataSource.getRepository(InvoiceMailCursor).findOneBy({ feed: INVOICE_ISSUED_FEED }))?.position ?? 0;
    for (;;) {
      const page = await fetchChangeFeedPage<Omit<InvoiceIssuedRow, 'seq'>>({
        directory,
        peer: 'licensing',
        name: INVOICE_ISSUED_FEED,
        after: cursor,
        first: PAGE_SIZE,
        gatewaySecret: deps.gatewaySecret,
      });
      if (cursor > page.head) {
        // licensing's database was recreated: its invoices are new ones, with new ids
        logger.warn('the issued-invoice feed is behind our cursor (licensing database recreated?): following it from the start', { cursor, head: page.head });
        cursor = 0;
        hole = null;
        await storeCursor(dataSource, leases, 0);
        continue;
      }
      const moved = nextFeedCursor(cursor, page.changes.map((c) => c.seq), hole, performance.now(), HOLE_TIMEOUT_MS, page.settledThrough ?? 0);
      hole = moved.hole;
      if (page.changes.length > 0) await recordMails(dataSource, leases, page.changes, moved.cursor);
      if (page.changes.length < PAGE_SIZE || moved.cursor === cursor) return;
      cursor = moved.cursor;
    }
  };

  /** Sends the pending mails, each claimed first so no other process sends it too. */
  const sendPending = async (): Promise<number> => {
    const repository = dataSource.getRepository(InvoiceMail);
    const pending = await repository.find({ where: { sentAt: IsNull() }, order: { issuedOn: 'ASC', number: 'ASC', userId: 'ASC' }, take: MAILS_PER_PASS });
    if (pending.length === 0) return 0;
    const users = new Map((await dataSource.getRepository(User).findBy({ id: In([...new Set(pending.map((m) => m.userId))]) })).map((u) => [u.id, u]));
    const tenants = new Map((await dataSource.getRepository(Tenant).findBy({ id: In([...new Set(pending.map((m) => m.tenantId))]) })).map((t) => [t.id, t]));
    const publicUrl = deps.publicUrl ?? DEFAULT_PUBLIC_URL;
    let sent = 0;
    for (const mail of pending) {
      const now = clock.now();
      const claimed = await repository.createQueryBuilder().update().set({ sentAt: now }).where('invoiceId = :invoiceId AND userId = :userId AND sentAt IS NULL', { invoiceId: mail.invoiceId, userId: mail.userId }).execute();
      if ((claimed.affected ?? 0) !== 1) continue; // another process took it
      const user = users.get(mail.userId);
      const tenant = tenants.get(mail.tenantId);
      // removed (or demoted) since the row was written: the mail is no longer theirs; it stays claimed, unsent
      if (!user || !tenant || user.tenantId !== mail.tenantId || !receivesInvoiceMail(user)) continue;
      const text = invoiceIssuedMail(tenant.locale, {
        name: user.name,
        tenantName: tenant.name,
        number: mail.number,
        issuedOn: mail.issuedOn,
        total: mail.total,
        creditNote: mail.kind === 'CREDIT_NOTE',
        link: invoicePageLink(publicUrl, mail.invoiceId),
      });
      try {
        await sendMail(deps, { to: user.email, format: tenant.mailFormat, ...text }, now, 'mailUnavailableInvoice');
        sent += 1;
      } catch (error) {
        // give it back: the next pass (here or on another replica) sends it
        await repository.update({ invoiceId: mail.invoiceId, userId: mail.userId }, { sentAt: null });
        throw error;
      }
    }
    return sent;
  };

  return {
    async runOnce() {
      const { ran, value } = await leases.run(INVOICE_MAIL_JOB, async () => {
        await follow();
        return sendPending();
      });
      return { ran, sent: value ?? 0 };
    },
  };
}

/** One page: a mail row per active administrator of each invoice's tenant not mailed yet, and the cursor, in one transaction under the lease. */
async function recordMails(dataSource: DataSource, leases: JobLeases, rows: InvoiceIssuedRow[], position: number): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (!(await leases.holds(manager, INVOICE_MAIL_JOB))) throw new Error('the invoice-mail lease was lost mid-pass: another replica follows the feed now');
    const invoiceIds = [...new Set(rows.map((r) => r.invoiceId))];
    const known = new Set((await manager.find(InvoiceMail, { select: { invoiceId: true }, where: { invoiceId: In(invoiceIds) } })).map((m) => m.invoiceId));
    const fresh = rows.filter((r, i) => !known.has(r.invoiceId) && rows.findIndex((o) => o.invoiceId === r.invoiceId) === i);
    if (fresh.length > 0) {
      const admins = await manager.find(User, { where: { tenantId: In([...new Set(fresh.map((r) => r.tenantId))]), isAdmin: true } });
      const mails = fresh.flatMap((row) =>
        admins
          .filter((user) => user.tenantId === row.tenantId && receivesInvoiceMail(user))
          .map((user) => ({ invoiceId: row.invoiceId, userId: user.id, tenantId: row.tenantId, number: row.number, kind: row.kind, issuedOn: row.issuedOn, total: row.total, sentAt: null })),
      );
      if (mails.length > 0) await manager.insert(InvoiceMail, mails);
    }
    await manager.update(InvoiceMailCursor, { feed: INVOICE_ISSUED_FEED }, { position });
  });
}

async function storeCursor(dataSource: DataSource, leases: JobLeases, position: number): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (!(await leases.holds(manager, INVOICE_MAIL_JOB))) throw new Error('the invoice-mail lease was lost mid-pass: another replica follows the feed now');
    await manager.update(InvoiceMailCursor, { feed: INVOICE_ISSUED_FEED }, { position });
  });
}

/** The background job: a pass every INVOICE_MAIL_EVERY_MS on each replica; the lease lets one of them work at a time. */
export function startInvoiceMail(runtime: BackgroundRuntime): () => Promise<void> {
  const { dataSource, logger, deps } = runtime;
  const everyMs = parseEnv(invoiceMailEnvSchema, deps.env ?? {}).INVOICE_MAIL_EVERY_MS ?? INVOICE_MAIL_EVERY_MS_DEFAULT;
  const mailer = invoiceMailer(runtime);
  let running: Promise<unknown> | undefined;
  let failing = false;
  const tick = () => {
    if (running || !dataSource.isInitialized || !deps.peers) return;
    running = mailer
      .runOnce()
      .then(({ sent }) => {
        if (sent > 0) logger.info('invoice mail sent', { sent });
        if (failing) logger.info('invoice mail working again');
        failing = false;
      })
      .catch((error: unknown) => {
        // logged once per outage (licensing or the mail server down), not once a pass
        if (!failing) logger.warn('invoice mail pass failed: retrying on the next pass', { error: error instanceof Error ? error.message : String(error) });
        failing = true;
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
