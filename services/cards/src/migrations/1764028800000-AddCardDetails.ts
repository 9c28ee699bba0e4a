import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { searchTextOf } from '../domain/card-fields.js';

/** C1 fields, C2 state and scanned sides, C3 group limits, L15 usage, search and same-person columns. */
export class AddCardDetails1764028800000 implements MigrationInterface {
  name = 'AddCardDetails1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('cards', [
      new TableColumn({ name: 'nameReading', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'department', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'title', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'addresses', type: 'text', isNullable: true }),
      new TableColumn({ name: 'phones', type: 'text', isNullable: true }),
      new TableColumn({ name: 'url', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'notes', type: 'text', isNullable: true }),
      new TableColumn({ name: 'language', type: 'varchar', length: '2', default: "'ja'" }),
      new TableColumn({ name: 'exchangedOn', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'frontImageKey', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'backImageKey', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'state', type: 'varchar', length: '10', default: "'VERIFIED'" }),
      new TableColumn({ name: 'scannedSides', type: 'integer', default: 0 }),
      new TableColumn({ name: 'groupLimited', type: 'boolean', default: 0 }),
      new TableColumn({ name: 'personId', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'searchText', type: 'text', isNullable: true }),
    ]);
    await queryRunner.createIndex('cards', new TableIndex({ name: 'ix_cards_tenant_created', columnNames: ['tenantId', 'createdAt', 'id'] }));
    await queryRunner.createIndex('cards', new TableIndex({ name: 'ix_cards_tenant_person', columnNames: ['tenantId', 'personId'] }));
    // cards from before: searchable, and each its own person
    const rows: Array<{ id: string; name: string; company: string | null; email: string | null }> = await queryRunner.query('SELECT id, name, company, email FROM cards');
    for (const row of rows) {
      await queryRunner.query('UPDATE cards SET searchText = ?, personId = ? WHERE id = ?', [searchTextOf({ ...row, nameReading: null }), row.id, row.id]);
    }
    await queryRunner.createTable(
      new Table({
        name: 'card_groups',
        columns: [
          { name: 'cardId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'groupId', type: 'varchar', length: '36', isPrimary: true },
        ],
      }),
    );
    await queryRunner.createIndex('card_groups', new TableIndex({ name: 'ix_card_groups_group', columnNames: ['groupId'] }));
    await queryRunner.createTable(
      new Table({
        name: 'card_quota_usage',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'used', type: 'integer', default: 0 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('card_quota_usage');
    await queryRunner.dropTable('card_groups');
    await queryRunner.dropIndex('cards', 'ix_cards_tenant_person');
    await queryRunner.dropIndex('cards', 'ix_cards_tenant_created');
    for (const column of ['searchText', 'personId', 'groupLimited', 'scannedSides', 'state', 'backImageKey', 'frontImageKey', 'exchangedOn', 'language', 'notes', 'url', 'phones', 'addresses', 'title', 'department', 'nameReading']) {
      await queryRunner.dropColumn('cards', column);
    }
  }
}
