import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateTenantsAndUsers1763683200000 implements MigrationInterface {
  name = 'CreateTenantsAndUsers1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tenants',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subdomain', type: 'varchar', length: '63' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'requireTotp', type: 'boolean', default: 0 },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_tenants_subdomain', columnNames: ['subdomain'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'isAdmin', type: 'boolean', default: 0 },
          { name: 'passwordHash', type: 'varchar', length: '200' },
          { name: 'totpSecret', type: 'varchar', length: '64', isNullable: true },
          { name: 'totpEnabled', type: 'boolean', default: 0 },
          { name: 'failedSignIns', type: 'integer', default: 0 },
          { name: 'lockedUntil', type: 'datetime', isNullable: true },
          { name: 'firstSignInAt', type: 'datetime', isNullable: true },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex('users', new TableIndex({ name: 'uq_users_tenant_email', columnNames: ['tenantId', 'email'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('tenants');
  }
}
