import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * C3: the membership outbox cards follows. Every member already in a group gets a row, so a
 * follower starting from 0 copies the memberships that existed before the outbox did.
 */
export class CreateMembershipChanges1765152000000 implements MigrationInterface {
  name = 'CreateMembershipChanges1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'membership_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO membership_changes (tenantId, userId) SELECT DISTINCT u.tenantId, u.id FROM group_members gm INNER JOIN users u ON u.id = gm.userId ORDER BY u.id',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('membership_changes');
  }
}
