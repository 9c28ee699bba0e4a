import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * L8/S9: spaces' copy of when each tenant's contract stops giving access (from licensing's
 * contract feed), the cursor of that feed, and when the end was recorded in the audit log (A1).
 */
export class AddContractCopy1767300000002 implements MigrationInterface {
  name = 'AddContractCopy1767300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tenants', new TableColumn({ name: 'contractEndsAt', type: 'datetime', isNullable: true }));
    await queryRunner.addColumn('tenants', new TableColumn({ name: 'contractEndRecordedAt', type: 'datetime', isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'peer_feed_cursors',
        columns: [
          { name: 'feed', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query("INSERT INTO peer_feed_cursors (feed, position) VALUES ('contracts', 0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('peer_feed_cursors');
    await queryRunner.dropColumn('tenants', 'contractEndRecordedAt');
    await queryRunner.dropColumn('tenants', 'contractEndsAt');
  }
}
