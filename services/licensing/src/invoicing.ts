import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { InvoiceLineData, InvoiceTotals } from './domain/invoices.js';
import { Invoice, InvoiceLine } from './entities/invoice.entity.js';

/**
 * Writes an invoice and its lines in the caller's transaction; returns its id. `renewalKey`
 * (contract id and term start, L14) is unique: a renewed term is billed at most once;
 * `billingKey` (tenant and period, L16) likewise for a billing run's invoice.
 */
export async function writeInvoice(
  manager: EntityManager,
  tenantId: string,
  issuedOn: string,
  lines: readonly InvoiceLineData[],
  totals: InvoiceTotals,
  renewalKey: string | null = null,
  billingKey: string | null = null,
): Promise<string> {
  const id = randomUUID();
  await manager.insert(Invoice, { id, tenantId, issuedOn, ...totals, renewalKey, billingKey });
  if (lines.length > 0) await manager.insert(InvoiceLine, lines.map((line, position) => ({ id: randomUUID(), invoiceId: id, position, ...line })));
  return id;
}

/** The unique key of the invoice for a renewed term of a base contract (L14). */
export const renewalKeyOf = (contractId: string, termStartsOn: string) => `${contractId}/${termStartsOn}`;
