import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * L15 outbox: one row per change to a tenant's card digitisation allowance (a pack bought, the
 * card service contract signed, changed or given notice), written in the transaction of the
 * change. Cards follows these rows (digitisation-feed.ts) to keep its copy of the quota.
 */
@Entity({ name: 'digitisation_changes' })
export class DigitisationChange {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;
}
