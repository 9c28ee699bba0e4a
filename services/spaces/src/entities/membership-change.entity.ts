import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * C3 outbox: one row per user whose group memberships changed, written in the transaction of the
 * change. Cards follows these rows (membership-feed.ts) to keep its copy of who is in which group.
 */
@Entity({ name: 'membership_changes' })
export class MembershipChange {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;
}
