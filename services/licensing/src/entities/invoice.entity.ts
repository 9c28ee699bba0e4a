import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** A bill: lines, subtotal, consumption tax 10 % rounded down per invoice, total (integer yen). */
@ObjectType({ description: 'A bill: lines, subtotal, consumption tax (10 %, rounded down per invoice), total; integer yen.' })
@Entity({ name: 'invoices' })
@Index('ix_invoices_tenant', ['tenantId'])
@Index('uq_invoices_renewal', ['renewalKey'], { unique: true })
@Index('uq_invoices_billing', ['billingKey'], { unique: true })
export class Invoice {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

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
}
