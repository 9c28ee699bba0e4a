import { Column, Entity, PrimaryColumn } from 'typeorm';

/** L15: card sides a tenant has had digitised. Raised only by one conditional UPDATE, so racing scans never overrun. */
@Entity({ name: 'card_quota_usage' })
export class CardQuotaUsage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ type: 'int', default: 0 })
  used: number;
}
