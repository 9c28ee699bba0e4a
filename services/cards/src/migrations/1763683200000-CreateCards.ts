import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateCards1763683200000 implements MigrationInterface {
  name = 'CreateCards1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cards',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'ownerId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'company', type: 'varchar', length: '200', isNullable: true },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex('cards', new TableIndex({ name: 'ix_cards_tenant_owner', columnNames: ['tenantId', 'ownerId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cards');
  }
}
