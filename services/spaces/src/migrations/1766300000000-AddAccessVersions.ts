import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** T5: each user's access version and its outbox (access-feed.ts): a change of access revokes older tokens everywhere. */
export class AddAccessVersions1766300000000 implements MigrationInterface {
  name = 'AddAccessVersions1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'accessVersion', type: 'integer', default: 0 }));
    await queryRunner.createTable(
      new Table({
        name: 'access_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('access_changes');
    await queryRunner.dropColumn('users', 'accessVersion');
  }
}
