import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * C6: an integration token a tenant administrator issued for another system (CRM, SFA...). Only
 * its id (the token's `jti`) is stored, never the token: it is shown once, when issued.
 */
@ObjectType({ description: 'An integration token (C6): lets another system read cards as one member of the tenant, until revoked or expired.' })
@Entity({ name: 'integration_tokens' })
@Index('ix_integration_tokens_tenant', ['tenantId'])
export class IntegrationToken {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  /** The member whose visibility the token reads with. */
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Comma-separated scopes, e.g. `cards:read`. */
  @Column({ type: 'varchar', length: 200 })
  scopes: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an administrator revoked the token; null while it works.' })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
