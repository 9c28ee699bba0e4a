import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * P3: the support desk's register of licence certificates: a tenant's 6-digit customer
 * number and the product IDs it is licensed for. One row per licensed product.
 */
@Entity({ name: 'support_licences' })
export class SupportLicence {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  productId: string;

  @Column({ type: 'varchar', length: 6 })
  customerNumber: string;
}
