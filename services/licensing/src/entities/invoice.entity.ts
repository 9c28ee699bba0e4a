import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** Q1: an invoice, or a credit note that corrects one (its amounts negative). */
export enum InvoiceKind {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'Q1: INVOICE, or CREDIT_NOTE (a correction naming the invoice it reduces; negative amounts).' });

/**
 * A bill: lines, subtotal, consumption tax rounded down once per rate, total (integer yen), and
 * the Q1 snapshot (number, issuer, recipient) taken when it was issued. Rows are only ever
 * inserted (invoicing.ts): an issued invoice is never changed; a credit note corrects it.
 */
@ObjectType({ description: 'Q1: a qualified invoice (or credit note): number, issuer, recipient, lines with periods, subtotal, tax per rate (rounded down once per rate), total; integer yen. Never changed once issued.' })
@Entity({ name: 'invoices' })
@Index('ix_invoices_tenant', ['tenantId'])
@Index('ix_invoices_issued', ['issuedOn', 'id'])
@Index('uq_invoices_number', ['number'], { unique: true })
@Index('uq_invoices_renewal', ['renewalKey'], { unique: true })
@Index('uq_invoices_billing', ['billingKey'], { unique: true })
export class Invoice {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => ID, { description: 'The tenant invoiced (the counterparty).' })
  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  /** Q1: unique, human-readable (KY-2027-000123); null only on invoices issued before Q1 numbering, which the migration numbered. */
  @Field(() => String, { nullable: true, description: 'Q1: the unique invoice number, e.g. KY-2027-000123.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  number: string | null;

  @Field(() => InvoiceKind)
  @Column({ type: 'varchar', length: 12, default: InvoiceKind.INVOICE })
  kind: InvoiceKind;

  /** Q1: a credit note names the invoice it corrects. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  correctsInvoiceId: string | null;

  @Field(() => String, { nullable: true, description: 'Q1: why a credit note corrects its invoice; null on an invoice.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** Q1 snapshot: the issuer's name as configured when issued (null on invoices issued before Q1). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  issuerName: string | null;

  /** Q1 snapshot: the issuer's registration number (T + 13 digits) as configured when issued. */
  @Column({ type: 'varchar', length: 14, nullable: true })
  issuerRegistrationNumber: string | null;

  @Field(() => String, { nullable: true, description: "Q1: the recipient's registered name as it was when the invoice was issued; null on invoices issued before Q1." })
  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientName: string | null;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  issuedOn: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  subtotal: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  tax: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  total: number;

  /** L14: contract id and term start on the invoice of a renewed annual term (unique: billed once); null on other invoices. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  renewalKey: string | null;

  /** L16: tenant and period on the invoice a billing run issued (unique: a period is billed once); null on other invoices. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  billingKey: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

@ObjectType({ description: 'One line of an invoice.' })
@Entity({ name: 'invoice_lines' })
@Index('ix_invoice_lines_invoice', ['invoiceId'])
export class InvoiceLine {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  invoiceId: string;

  @Column({ type: 'int' })
  position: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitPrice: number;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  periodFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  periodTo: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  amount: number;

  @Field(() => Int, { description: 'Q1: the consumption tax rate of the line, in percent.' })
  @Column({ type: 'int', default: 10 })
  taxRatePercent: number;
}

/**
 * Q1: where invoice numbers come from: each issued invoice inserts one row and takes its
 * auto-increment value, which the database hands out once, whichever replica asks (numbers may
 * skip after a rollback; they never repeat).
 */
@Entity({ name: 'invoice_numbers' })
export class InvoiceNumberEntry {
  @PrimaryGeneratedColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  invoiceId: string;
}

/** Q1: the name a tenant is invoiced under (its registered name), given at onboarding, edited by its administrators. */
@Entity({ name: 'invoice_recipients' })
export class InvoiceRecipient {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 200 })
  registeredName: string;

  @Column({ type: 'varchar', length: 24 })
  updatedAt: string;
}
