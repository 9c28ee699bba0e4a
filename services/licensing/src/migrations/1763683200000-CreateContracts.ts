import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateContracts1763683200000 implements MigrationInterface {
  name = 'CreateContracts1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'contracts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36', isUnique: true },
          { name: 'course', type: 'varchar', length: '10' },
          { name: 'billingCycle', type: 'varchar', length: '10' },
          { name: 'startsOn', type: 'varchar', length: '10' },
          { name: 'createdAt', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contracts');
  }
}
