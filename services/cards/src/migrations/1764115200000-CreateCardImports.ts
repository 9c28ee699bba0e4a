import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** C4: CSV import jobs and their bad rows. */
export class CreateCardImports1764115200000 implements MigrationInterface {
  name = 'CreateCardImports1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'card_import_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'dryRun', type: 'boolean', default: 0 },
          { name: 'encoding', type: 'varchar', length: '10' },
          { name: 'parts', type: 'integer', default: 0 },
          { name: 'bytes', type: 'integer', default: 0 },
          { name: 'totalRows', type: 'integer', default: 0 },
          { name: 'processedRows', type: 'integer', default: 0 },
          { name: 'importedRows', type: 'integer', default: 0 },
          { name: 'errorCount', type: 'integer', default: 0 },
          { name: 'groupIds', type: 'text', isNullable: true },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex('card_import_jobs', new TableIndex({ name: 'ix_card_import_jobs_tenant', columnNames: ['tenantId', 'createdAt'] }));
    await queryRunner.createTable(
      new Table({
        name: 'card_import_errors',
        columns: [
          { name: 'jobId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'line', type: 'integer', isPrimary: true },
          { name: 'field', type: 'varchar', length: '50', isNullable: true },
          { name: 'message', type: 'varchar', length: '1000' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('card_import_errors');
    await queryRunner.dropTable('card_import_jobs');
  }
}
