import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAtColumn } from '@kyodo/subgraph-kit';

/** T4/T5: a tenant's mail language, removed members, and single-use set-password links (hash only). */
export class AddOnboarding1764547200000 implements MigrationInterface {
  name = 'AddOnboarding1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tenants', new TableColumn({ name: 'locale', type: 'varchar', length: '2', default: "'JA'" }));
    await queryRunner.addColumn('users', new TableColumn({ name: 'removedAt', type: 'datetime', isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'password_setups',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'expiresAt', type: 'datetime' },
          { name: 'usedAt', type: 'datetime', isNullable: true },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex('password_setups', new TableIndex({ name: 'uq_password_setups_token_hash', columnNames: ['tokenHash'], isUnique: true }));
    await queryRunner.createIndex('password_setups', new TableIndex({ name: 'ix_password_setups_user', columnNames: ['userId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_setups');
    await queryRunner.dropColumn('users', 'removedAt');
    await queryRunner.dropColumn('tenants', 'locale');
  }
}
