import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** An order changing the number of guest licences (L5-L7); the idempotency key is unique per tenant. */
@ObjectType('Order', { description: 'A guest licence order: what changed, when, and what it cost (L5-L7).' })
@Entity({ name: 'guest_license_orders' })
@Index('uq_guest_license_orders_key', ['tenantId', 'idempotencyKey'], { unique: true })
export class GuestLicenseOrder {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Field(() => Int, { description: 'The change: positive added, negative removed.' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => Int, { description: 'Guest licences held after this order.' })
  @Column({ type: 'int' })
  guestLicensesAfter: number;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  orderDate: string;

  @Field(() => DateScalar, { description: 'From when the change is billed.' })
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Field(() => DateScalar, { description: 'From when the licence count changes (increases at once; monthly decreases from effectiveFrom).' })
  @Column({ type: 'varchar', length: 10 })
  licensesFrom: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  months: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitPrice: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  subtotal: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  tax: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  total: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  seller: string;

  @Column({ type: 'varchar', length: 36 })
  orderedBy: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  invoiceId: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
