import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * L15: the digitisation outbox cards follows. Every tenant with a card service contract gets a
 * row, so a follower starting from 0 copies the contracts that existed before the outbox did.
 */
export class CreateDigitisationChanges1765152000000 implements MigrationInterface {
  name = 'CreateDigitisationChanges1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digitisation_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tenantId', type: 'varchar', length: '36' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO digitisation_changes (tenantId) SELECT tenantId FROM service_contracts ORDER BY tenantId');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digitisation_changes');
  }
}
