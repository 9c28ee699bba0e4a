import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** T5/T6: an order changing the member seats; the idempotency key is unique per tenant (as guest licence orders). */
@ObjectType({ description: 'A member seat order (T5/T6): what changed, from when, and what it cost.' })
@Entity({ name: 'member_seat_orders' })
@Index('uq_member_seat_orders_key', ['tenantId', 'idempotencyKey'], { unique: true })
export class MemberSeatOrder {
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

  @Field(() => Int, { description: 'Member seats held after this order.' })
  @Column({ type: 'int' })
  seatsAfter: number;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  orderDate: string;

  @Field(() => DateScalar, { description: 'From when the change is billed.' })
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Field(() => DateScalar, { description: 'From when the seats in force change (T6: increases at once, monthly decreases on the 1st of next month, annual ones at the renewal).' })
  @Column({ type: 'varchar', length: 10 })
  seatsFrom: string;

  @Field(() => Int, { nullable: true, description: 'Whole months charged (annual, L6 arithmetic); 0 for the renewal; null on monthly.' })
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

  @Column({ type: 'varchar', length: 36 })
  orderedBy: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  invoiceId: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
