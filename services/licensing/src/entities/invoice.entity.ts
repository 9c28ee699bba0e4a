import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** A bill: lines, subtotal, consumption tax 10 % rounded down per invoice, total (integer yen). */
@ObjectType({ description: 'A bill: lines, subtotal, consumption tax (10 %, rounded down per invoice), total; integer yen.' })
@Entity({ name: 'invoices' })
@Index('ix_invoices_tenant', ['tenantId'])
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
