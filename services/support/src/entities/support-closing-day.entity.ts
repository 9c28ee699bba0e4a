import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** P7: a day the vendor's desk is closed, every year (year null) or once. */
@ObjectType('ClosingDay', { description: "P7/L13: a day the vendor is closed (besides national holidays): every year when year is null, else once." })
@Entity({ name: 'support_closing_days' })
export class SupportClosingDay {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  month: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  day: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  reason: string;
}
