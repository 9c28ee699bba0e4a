import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** L16: each billing run's result, for the operators' list of past runs (billingRuns). Runs before this release were never kept. */
export class CreateBillingRuns1778500000000 implements MigrationInterface {
  name = 'CreateBillingRuns1778500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'billing_runs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'period', type: 'varchar', length: '7' },
          { name: 'ranAt', type: 'varchar', length: '24' },
          { name: 'via', type: 'varchar', length: '10' },
          { name: 'ranBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'issuedCount', type: 'integer' },
          { name: 'issuedTotal', type: 'bigint' },
          { name: 'invoiceIds', type: 'text' },
          { name: 'pendingTenants', type: 'text' },
        ],
        indices: [new TableIndex({ name: 'ix_billing_runs_ran_at', columnNames: ['ranAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('billing_runs');
  }
}
