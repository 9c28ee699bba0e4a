import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * L8/S9 outbox: one row per change to when a tenant's base contract stops giving access
 * (cancelled, a termination notice received, a term ended), written in the transaction of the
 * change. Spaces follows these rows (contract-feed.ts) to keep its copy of the end dates.
 */
@Entity({ name: 'contract_changes' })
export class ContractChange {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  tenantId: string;
}
