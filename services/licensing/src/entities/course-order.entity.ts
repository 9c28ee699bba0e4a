import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';
import { Course } from './contract.entity.js';

/** T6: an order changing the base contract's course; the idempotency key is unique per tenant (as seat orders). */
@ObjectType({ description: 'A course change order (T6): from and to which course, from when, and what it cost.' })
@Entity({ name: 'course_orders' })
@Index('uq_course_orders_key', ['tenantId', 'idempotencyKey'], { unique: true })
export class CourseOrder {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Field(() => Course)
  @Column({ type: 'varchar', length: 10 })
  courseBefore: Course;

  @Field(() => Course)
  @Column({ type: 'varchar', length: 10 })
  course: Course;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  orderDate: string;

  @Field(() => DateScalar, { description: 'From when the new course is billed.' })
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Field(() => DateScalar, { description: 'From when the new course is in force (T6: an upgrade at once, a monthly downgrade on the 1st of next month, an annual one at the renewal).' })
  @Column({ type: 'varchar', length: 10 })
  courseFrom: string;

  @Field(() => Int, { description: 'Member seats the annual upgrade charged; 0 otherwise.' })
  @Column({ type: 'int' })
  seats: number;

  @Field(() => Int, { nullable: true, description: 'Whole months charged (annual upgrade, L6 arithmetic); 0 for the renewal; null on monthly.' })
  @Column({ type: 'int', nullable: true })
  months: number | null;

  @Field(() => Int, { description: 'Per seat and month (annual upgrade: Standard monthly - Light monthly); 0 otherwise.' })
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
