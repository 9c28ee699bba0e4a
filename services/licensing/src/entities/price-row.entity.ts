import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../scalars/date.scalar.js';

/** L1: one price, as data: product, course, cycle, unit, amount, effective dates, eligibility. */
@ObjectType({ description: 'A price row (L1): yen, tax excluded, with effective dates and eligibility.' })
@Entity({ name: 'price_rows' })
export class PriceRow {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'GUEST_LICENSE, CARD_DIGITISATION_PACK...' })
  @Column({ type: 'varchar', length: 40 })
  product: string;

  @Field(() => String, { nullable: true, description: 'LIGHT or STANDARD for guest licences.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  course: 'LIGHT' | 'STANDARD' | null;

  @Field(() => String, { nullable: true, description: 'MONTHLY or ANNUAL, where the price depends on it.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  billingCycle: 'MONTHLY' | 'ANNUAL' | null;

  @Field(() => String, { description: 'What one amount buys: GUEST_MONTH, GUEST_YEAR, PACK_1000_SIDES.' })
  @Column({ type: 'varchar', length: 30 })
  unit: string;

  @Field(() => Int, { description: 'Yen, tax excluded.' })
  @Column({ type: 'int' })
  amount: number;

  @Field(() => DateScalar)
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only for customers who bought the base product on or before this date (the legacy price); null: everyone.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  legacyCutoff: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
