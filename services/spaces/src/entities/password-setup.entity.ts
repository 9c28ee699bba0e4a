import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** T4: a single-use link to set a member's password (first administrator, added members). Only the token's hash is kept. */
@Entity({ name: 'password_setups' })
@Index('uq_password_setups_token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_setups_user', ['userId'])
export class PasswordSetup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** SHA-256 (hex) of the token; the token itself exists only in the mail. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
