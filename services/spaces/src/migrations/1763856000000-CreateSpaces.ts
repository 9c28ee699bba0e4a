import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The spaces domain: tenant settings (guest policy S7, mail format S8, guest-space creators),
 * the profile cover image, spaces with their guest permissions (S6) and members, threads,
 * comments, groups and invitations (S4).
 */
export class CreateSpaces1763856000000 implements MigrationInterface {
  name = 'CreateSpaces1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('tenants', [
      new TableColumn({ name: 'guestPolicy', type: 'varchar', length: '20', default: "'KINTONE'" }),
      new TableColumn({ name: 'mailFormat', type: 'varchar', length: '10', default: "'HTML'" }),
      new TableColumn({ name: 'guestSpaceCreators', type: 'varchar', length: '10', default: "'MEMBERS'" }),
    ]);
    await queryRunner.addColumn('users', new TableColumn({ name: 'coverImageUrl', type: 'varchar', length: '500', isNullable: true }));
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const ref = (name: string, isPrimary = false) => ({ name, type: 'varchar', length: '36', isPrimary });
    const flag = (name: string, on: boolean) => ({ name, type: 'boolean', default: on ? 1 : 0 });
    await queryRunner.createTable(
      new Table({
        name: 'spaces',
        columns: [
          id,
          ref('tenantId'),
          { name: 'name', type: 'varchar', length: '200' },
          flag('isGuestSpace', false),
          flag('isPrivate', false),
          { name: 'body', type: 'text' },
          ref('createdBy'),
          flag('guestCanAddThreads', true),
          flag('guestCanEditThreads', false),
          flag('guestCanDeleteThreads', false),
          flag('guestCanAddComments', true),
          flag('guestCanDeleteComments', false),
          flag('guestCanAddAttachments', false),
          flag('guestCanDeleteAttachments', false),
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'ix_spaces_tenant', columnNames: ['tenantId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'space_members',
        columns: [ref('spaceId', true), ref('userId', true), flag('isSpaceAdmin', false), createdAtColumn(queryRunner)],
        indices: [new TableIndex({ name: 'ix_space_members_user', columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'threads',
        columns: [
          id,
          ref('spaceId'),
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          ref('authorId'),
          createdAtColumn(queryRunner),
          { name: 'updatedAt', type: 'datetime', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_threads_space', columnNames: ['spaceId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [id, ref('threadId'), { name: 'text', type: 'text' }, ref('authorId'), createdAtColumn(queryRunner)],
        indices: [new TableIndex({ name: 'ix_comments_thread', columnNames: ['threadId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'groups',
        columns: [id, ref('tenantId'), { name: 'name', type: 'varchar', length: '200' }, createdAtColumn(queryRunner)],
        indices: [new TableIndex({ name: 'uq_groups_tenant_name', columnNames: ['tenantId', 'name'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'group_members',
        columns: [ref('groupId', true), ref('userId', true)],
        indices: [new TableIndex({ name: 'ix_group_members_user', columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          id,
          ref('tenantId'),
          ref('spaceId'),
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          ref('invitedBy'),
          { name: 'expiresAt', type: 'datetime' },
          { name: 'acceptedAt', type: 'datetime', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_invitations_token_hash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'ix_invitations_space', columnNames: ['spaceId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['invitations', 'group_members', 'groups', 'comments', 'threads', 'space_members', 'spaces']) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('users', 'coverImageUrl');
    await queryRunner.dropColumns('tenants', ['guestSpaceCreators', 'mailFormat', 'guestPolicy']);
  }
}
