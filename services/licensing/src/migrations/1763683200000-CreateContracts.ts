import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateContracts1763683200000 implements MigrationInterface {
  name = 'CreateContracts1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'contracts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'course', type: 'varchar', length: '10' },
          { name: 'billingCycle', type: 'varchar', length: '10' },
          { name: 'startsOn', type: 'varchar', length: '10' },
          createdAtColumn(queryRunner),
        ],
        // one base contract per tenant (L2); a named index, so SQLite and MariaDB describe it alike
        indices: [new TableIndex({ name: 'uq_contracts_tenant', columnNames: ['tenantId'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contracts');
  }
}
