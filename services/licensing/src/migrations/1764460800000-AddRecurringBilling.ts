import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * T5 member seat prices (the vendor's kintone prices per user, tax excluded), frozen here like
 * the guest rows of AddGuestLicensing: a new price is a new row in a new migration.
 */
const MEMBER_SEAT_ROWS = [
  { id: '00000000-0000-4000-8000-0000000f0031', product: 'MEMBER_SEAT', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'USER_MONTH', amount: 780, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0032', product: 'MEMBER_SEAT', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 9170, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0033', product: 'MEMBER_SEAT', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'USER_MONTH', amount: 1500, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0034', product: 'MEMBER_SEAT', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 17640, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
];

/** L16: a period's invoice carries a unique billing key (tenant and period): a billing run, on any replica, issues it once. */
export class AddRecurringBilling1764460800000 implements MigrationInterface {
  name = 'AddRecurringBilling1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('invoices', new TableColumn({ name: 'billingKey', type: 'varchar', length: '60', isNullable: true }));
    await queryRunner.createIndex('invoices', new TableIndex({ name: 'uq_invoices_billing', columnNames: ['billingKey'], isUnique: true }));
    await queryRunner.manager.createQueryBuilder().insert().into('price_rows').values(MEMBER_SEAT_ROWS.map((row) => ({ ...row }))).execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.createQueryBuilder().delete().from('price_rows').whereInIds(MEMBER_SEAT_ROWS.map((row) => row.id)).execute();
    await queryRunner.dropIndex('invoices', 'uq_invoices_billing');
    await queryRunner.dropColumn('invoices', 'billingKey');
  }
}
