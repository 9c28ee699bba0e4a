import { CreateDateColumn, Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the tenant's guest licences, assigned by an administrator to a named guest (L3). */
@Entity({ name: 'guest_license_assignments' })
export class GuestLicenseAssignment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  assignedBy: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
