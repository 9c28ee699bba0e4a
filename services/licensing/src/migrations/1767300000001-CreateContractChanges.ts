import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * L8/S9: the contract outbox spaces follows. Every tenant with a base contract gets a row, so a
 * follower starting from 0 copies the contracts (and cancellations) that existed before it.
 */
export class CreateContractChanges1767300000001 implements MigrationInterface {
  name = 'CreateContractChanges1767300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'contract_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tenantId', type: 'varchar', length: '36' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO contract_changes (tenantId) SELECT tenantId FROM contracts ORDER BY tenantId');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contract_changes');
  }
}
