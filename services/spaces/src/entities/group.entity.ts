import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** T1: a department or team of a tenant's members (cards limit visibility to groups). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A group (department or team) of members (T1).' })
@Entity({ name: 'groups' })
@Index('uq_groups_tenant_name', ['tenantId', 'name'], { unique: true })
export class Group {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
