import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** C3/C5: who may export cards. */
export class CreateCardExportGrants1764201600000 implements MigrationInterface {
  name = 'CreateCardExportGrants1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'card_export_grants',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('card_export_grants');
  }
}
