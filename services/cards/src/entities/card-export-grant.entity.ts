import { Entity, PrimaryColumn } from 'typeorm';

/** C3/C5: export (download) is its own permission, granted per user by a tenant administrator. */
@Entity({ name: 'card_export_grants' })
export class CardExportGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;
}
