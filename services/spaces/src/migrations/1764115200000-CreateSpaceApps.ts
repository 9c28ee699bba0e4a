import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAtColumn } from '@kyodo/subgraph-kit';

export class CreateSpaceApps1764115200000 implements MigrationInterface {
  name = 'CreateSpaceApps1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'space_apps',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'spaceId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'createdBy', type: 'varchar', length: '36' },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex('space_apps', new TableIndex({ name: 'ix_space_apps_space', columnNames: ['spaceId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('space_apps');
  }
}
