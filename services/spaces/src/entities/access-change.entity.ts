import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * T5 outbox: one row each time a user's access version is raised (removal, re-addition, role or
 * password change, suspension), written in the transaction of the change. Every subgraph follows
 * these rows (access-feed.ts, subgraph-kit access-guard.ts) to refuse the user's older tokens.
 */
@Entity({ name: 'access_changes' })
export class AccessChange {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;
}
