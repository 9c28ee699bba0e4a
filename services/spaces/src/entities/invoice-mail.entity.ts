import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Q1: one invoice mail to one administrator, from licensing's issued-invoice feed
 * (invoice-mail-feed.ts). The key (invoice, administrator) makes each mail exist once, whatever
 * the number of replicas or restarts; `sentAt` is set, by a compare-and-set, just before the
 * mail is handed to the mail server, so no two processes send it.
 */
@Entity({ name: 'invoice_mails' })
@Index('ix_invoice_mails_sent', ['sentAt'])
export class InvoiceMail {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  invoiceId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 24 })
  number: string;

  /** INVOICE or CREDIT_NOTE (licensing's InvoiceKind). */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'varchar', length: 10 })
  issuedOn: string;

  /** Integer yen, tax included (negative on a credit note). */
  @Column({ type: 'integer' })
  total: number;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;
}

/** How far spaces has read licensing's issued-invoice feed (one row), stored with each applied page. */
@Entity({ name: 'invoice_mail_cursors' })
export class InvoiceMailCursor {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  feed: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
