import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateTenantsAndUsers1763683200000 implements MigrationInterface {
  name = 'CreateTenantsAndUsers1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tenants',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subdomain', type: 'varchar', length: '63', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'requireTotp', type: 'boolean', default: false },
          { name: 'createdAt', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
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
          { name: 'isAdmin', type: 'boolean', default: false },
          { name: 'passwordHash', type: 'varchar', length: '200' },
          { name: 'totpSecret', type: 'varchar', length: '64', isNullable: true },
          { name: 'totpEnabled', type: 'boolean', default: false },
          { name: 'failedSignIns', type: 'int', default: 0 },
          { name: 'lockedUntil', type: 'datetime', isNullable: true },
          { name: 'firstSignInAt', type: 'datetime', isNullable: true },
          { name: 'createdAt', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
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
