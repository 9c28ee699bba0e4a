import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Q1 outbox: one row per invoice or credit note issued, written by `writeInvoice` in the
 * transaction that issues it. Spaces follows these rows (invoice-issued-feed.ts) to mail the
 * tenant's administrators. An issued invoice never changes, so the row carries its facts
 * themselves (number, date, total) rather than a key to read current state from.
 */
@Entity({ name: 'invoice_issued_changes' })
export class InvoiceIssuedChange {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  invoiceId: string;

  @Column({ type: 'varchar', length: 24 })
  number: string;

  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'varchar', length: 10 })
  issuedOn: string;

  @Column({ type: 'integer' })
  total: number;
}
