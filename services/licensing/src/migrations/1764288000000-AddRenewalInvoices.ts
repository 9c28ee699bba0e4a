import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** L14: the invoice of a renewed annual term carries a unique key (contract and term start), so a term is billed once. */
export class AddRenewalInvoices1764288000000 implements MigrationInterface {
  name = 'AddRenewalInvoices1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('invoices', new TableColumn({ name: 'renewalKey', type: 'varchar', length: '60', isNullable: true }));
    await queryRunner.createIndex('invoices', new TableIndex({ name: 'uq_invoices_renewal', columnNames: ['renewalKey'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('invoices', 'uq_invoices_renewal');
    await queryRunner.dropColumn('invoices', 'renewalKey');
  }
}
