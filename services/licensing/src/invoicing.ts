import { randomUUID } from 'node:crypto';
import { recordAudit, rowLockOf } from '@kyodo/subgraph-kit';
import type { Viewer } from '@kyodo/auth';
import type { EntityManager } from 'typeorm';
import { creditNoteOf, invoiceNumberOf, TAX_RATE_PERCENT, type InvoiceLineData, type InvoiceTotals } from './domain/invoices.js';
import { InvoiceIssuedChange } from './entities/invoice-issued-change.entity.js';
import { Invoice, InvoiceKind, InvoiceLine, InvoiceNumberEntry, InvoiceRecipient } from './entities/invoice.entity.js';
import { invoicingSettingsFor } from './invoice-settings.js';
import { billingKeyOf, cancellationCredit, cancellationCreditReason } from './domain/recurring-billing.js';
import type { LocalDate } from './domain/calendar-dates.js';

/** A1: who issued an invoice nobody asked for by hand (a billing run, a renewal on the way). */
export const BILLING_SYSTEM_ACTOR: Pick<Viewer, 'userId' | 'tenantId'> = { userId: 'system:billing', tenantId: 'system' };

export interface WriteInvoiceOptions {
  /** A1: who issued it (the viewer of a mutation); the billing system when absent. */
  actor?: Pick<Viewer, 'userId' | 'tenantId'>;
  kind?: InvoiceKind;
  /** Q1: the invoice a credit note corrects. */
  correctsInvoiceId?: string | null;
  reason?: string | null;
}

/**
 * The one writer of invoices and their lines, in the caller's transaction; returns the id.
 * `renewalKey` (contract id and term start, L14) is unique: a renewed term is billed at most
 * once; `billingKey` (tenant and period, L16) likewise for a billing run's invoice.
 *
 * Q1: it takes the invoice's unique number (invoice_numbers: the database's auto-increment, so
 * two replicas never get the same one), snapshots the issuer (configuration) and the
 * recipient's registered name as they are now, stores each line's tax rate, and records the
 * issue in the audit log (A1) and in the issued-invoice outbox spaces mails administrators
 * from (invoice-issued-feed.ts) in the same transaction. Rows are only inserted: nothing in
 * Kyodo updates or deletes an issued invoice or its lines.
 */
export async function writeInvoice(
  manager: EntityManager,
  tenantId: string,
  issuedOn: string,
  lines: readonly InvoiceLineData[],
  totals: InvoiceTotals,
  renewalKey: string | null = null,
  billingKey: string | null = null,
  options: WriteInvoiceOptions = {},
): Promise<string> {
  const id = randomUUID();
  const { issuer, clock } = invoicingSettingsFor(manager.connection);
  const numbered = await manager.insert(InvoiceNumberEntry, { invoiceId: id });
  const sequence = Number((numbered.identifiers[0] as { seq: number }).seq);
  const number = invoiceNumberOf(issuedOn, sequence);
  const recipient = await manager.findOneBy(InvoiceRecipient, { tenantId });
  const kind = options.kind ?? InvoiceKind.INVOICE;
  await manager.insert(Invoice, {
    id,
    tenantId,
    issuedOn,
    subtotal: totals.subtotal,
    tax: totals.tax,
    total: totals.total,
    renewalKey,
    billingKey,
    number,
    kind,
    correctsInvoiceId: options.correctsInvoiceId ?? null,
    reason: options.reason ?? null,
    issuerName: issuer.name,
    issuerRegistrationNumber: issuer.registrationNumber,
    recipientName: recipient?.registeredName ?? null,
  });
  if (lines.length > 0) {
    await manager.insert(
      InvoiceLine,
      lines.map((line, position) => ({
        id: randomUUID(),
        invoiceId: id,
        position,
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        periodFrom: line.periodFrom,
        periodTo: line.periodTo,
        amount: line.amount,
        taxRatePercent: line.taxRatePercent ?? TAX_RATE_PERCENT,
      })),
    );
  }
  // Q1: the invoice mail; spaces reads it from the feed later, so billing never waits on spaces or a mail server
  await manager.insert(InvoiceIssuedChange, { tenantId, invoiceId: id, number, kind, issuedOn, total: totals.total });
  await recordAudit(manager, {
    at: clock.now(),
    actor: options.actor ?? BILLING_SYSTEM_ACTOR,
    tenantId,
    action: kind === InvoiceKind.CREDIT_NOTE ? 'invoice.creditNote' : 'invoice.issue',
    subject: `Invoice:${id}`,
    after: { number, kind, issuedOn, ...totals, correctsInvoiceId: options.correctsInvoiceId ?? null, billingKey, renewalKey },
  });
  return id;
}

/**
 * Q1: corrects an issued invoice with a credit note, in the caller's transaction, which must
 * hold the invoice row locked (`rowLockOf`) so two corrections cannot both take the same
 * remainder. What earlier credit notes took off counts (`creditNoteOf` refuses more than is
 * left). Issued on `issuedOn`, audited as `actor` (A1); returns the credit note's id.
 */
export async function writeCreditNote(
  manager: EntityManager,
  invoice: Invoice,
  request: { amount: number; reason: string; taxRatePercent?: number | null },
  issuedOn: string,
  actor?: Pick<Viewer, 'userId' | 'tenantId'>,
): Promise<string> {
  const lines = await manager.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
  const note = creditNoteOf(invoice, lines, await creditedSoFar(manager, invoice.id), request);
  return writeInvoice(manager, invoice.tenantId, issuedOn, note.lines, note.totals, null, null, {
    ...(actor ? { actor } : {}),
    kind: InvoiceKind.CREDIT_NOTE,
    correctsInvoiceId: invoice.id,
    reason: request.reason.trim(),
  });
}

/**
 * L8/L16/Q1: a base contract's cancellation taking effect on `cancelledOn` credits in full the
 * period invoice dated that day (`cancellationCredit`: the run of a 1st or a term start came
 * before the cancellation that day; runs never date an invoice ahead of the clock, so no later one
 * exists). In the caller's transaction, which holds the contract row locked, so a billing run
 * writing that invoice at the same moment has either finished (and is credited here) or waits
 * and then sees the contract cancelled. Returns the credit notes' ids.
 */
export async function creditPeriodsCancelled(manager: EntityManager, tenantId: string, cancelledOn: LocalDate, actor: Pick<Viewer, 'userId' | 'tenantId'>): Promise<string[]> {
  const invoice = await manager.findOne(Invoice, { where: { billingKey: billingKeyOf(tenantId, cancelledOn.slice(0, 7)), kind: InvoiceKind.INVOICE }, ...rowLockOf(manager) });
  if (!invoice) return [];
  const amount = cancellationCredit(invoice, await creditedSoFar(manager, invoice.id), cancelledOn);
  if (amount === 0) return [];
  return [await writeCreditNote(manager, invoice, { amount, reason: cancellationCreditReason(cancelledOn) }, cancelledOn, actor)];
}

/** Q1: yen before tax that credit notes have taken off an invoice so far (a positive number). */
export async function creditedSoFar(manager: EntityManager, invoiceId: string): Promise<number> {
  const notes = await manager.findBy(Invoice, { correctsInvoiceId: invoiceId, kind: InvoiceKind.CREDIT_NOTE });
  return notes.reduce((sum, note) => sum - note.subtotal, 0);
}

/** The unique key of the invoice for a renewed term of a base contract (L14). */
export const renewalKeyOf = (contractId: string, termStartsOn: string) => `${contractId}/${termStartsOn}`;
