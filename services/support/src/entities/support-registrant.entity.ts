import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** P1: a user the tenant admin has named as allowed to contact support. */
@Entity({ name: 'support_registrants' })
export class SupportRegistrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  registeredBy: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
