import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum Course {
  LIGHT = 'LIGHT',
  STANDARD = 'STANDARD',
}
registerEnumType(Course, { name: 'Course', description: 'The base product course; guest licences follow it (L2).' });

export enum BillingCycle {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(BillingCycle, { name: 'BillingCycle' });

/** L2: the tenant's base contract for its members; guest licences sit on top of it. */
@ObjectType({ description: "The tenant's base contract for its members (L2)." })
@Entity({ name: 'contracts' })
@Index('uq_contracts_tenant', ['tenantId'], { unique: true })
export class Contract {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => Course)
  @Column({ type: 'varchar', length: 10 })
  course: Course;

  @Field(() => BillingCycle)
  @Column({ type: 'varchar', length: 10 })
  billingCycle: BillingCycle;

  @Field(() => String, { description: 'First day of the contract (YYYY-MM-DD, tenant time zone).' })
  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
