import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateSupportRegistrants1763683200000 implements MigrationInterface {
  name = 'CreateSupportRegistrants1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'support_registrants',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'registeredBy', type: 'varchar', length: '36' },
          createdAtColumn(queryRunner),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('support_registrants');
  }
}
