import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * S9 account linking: a guest row may be linked to a member of another tenant; the member
 * tenant's contract end stops the link; thread reads give the linked member unread counts.
 */
export class AddAccountLinks1763942400000 implements MigrationInterface {
  name = 'AddAccountLinks1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'linkedUserId', type: 'varchar', length: '36', isNullable: true }));
    await queryRunner.createIndex('users', new TableIndex({ name: 'ix_users_linked_user', columnNames: ['linkedUserId'] }));
    await queryRunner.addColumn('tenants', new TableColumn({ name: 'contractCancelledAt', type: 'datetime', isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'thread_reads',
        columns: [
          { name: 'threadId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'ix_thread_reads_user', columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('thread_reads');
    await queryRunner.dropColumn('tenants', 'contractCancelledAt');
    await queryRunner.dropIndex('users', 'ix_users_linked_user');
    await queryRunner.dropColumn('users', 'linkedUserId');
  }
}
