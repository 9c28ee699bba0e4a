import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18 #6: a base contract made by onboarding is pending until spaces confirms its tenant
 * exists (the contract is made inside spaces' transaction, which can still fail). Billing
 * invoices confirmed contracts only. Contracts already here were made before this step and
 * count as confirmed.
 */
export class AddContractTenantConfirmed1768300000000 implements MigrationInterface {
  name = 'AddContractTenantConfirmed1768300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('contracts', new TableColumn({ name: 'tenantConfirmed', type: 'boolean', default: 1 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('contracts', 'tenantConfirmed');
  }
}
