import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** C3/L15: cards' copies of spaces' group memberships and licensing's digitisation allowances, and where each feed is. */
export class CreatePeerCopies1765152000000 implements MigrationInterface {
  name = 'CreatePeerCopies1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'peer_feed_cursors',
        columns: [
          { name: 'feed', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'peer_group_memberships',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'groupIds', type: 'text' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'peer_card_digitisation',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'includedSides', type: 'integer' },
          { name: 'purchasedSides', type: 'integer' },
          { name: 'endsOn', type: 'varchar', length: '10', isNullable: true },
        ],
      }),
    );
    // one row per feed from the start: applying a page only updates it
    await queryRunner.query("INSERT INTO peer_feed_cursors (feed, position) VALUES ('memberships', 0), ('digitisation', 0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['peer_card_digitisation', 'peer_group_memberships', 'peer_feed_cursors']) await queryRunner.dropTable(table);
  }
}
