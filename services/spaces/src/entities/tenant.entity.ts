import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** T1: one organisation, with its own sub-domain. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organisation: its own sub-domain, users, groups and spaces (T1).' })
@Entity({ name: 'tenants' })
@Index('uq_tenants_subdomain', ['subdomain'], { unique: true })
export class Tenant {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'The sub-domain that names the tenant at sign-in, e.g. "acme".' })
  @Column({ type: 'varchar', length: 63 })
  subdomain: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'boolean', default: false })
  requireTotp: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
