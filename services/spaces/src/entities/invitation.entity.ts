import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** S4: an invitation of an email address into a guest space. Only a hash of the token is kept. */
@ObjectType({ description: 'An invitation into a guest space (S4): single use, expires.' })
@Entity({ name: 'invitations' })
@Index('uq_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('ix_invitations_space', ['spaceId'])
export class Invitation {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  spaceId: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** SHA-256 (hex) of the single-use token; the token itself exists only in the mail. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 36 })
  invitedBy: string;

  @Field(() => Date)
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
