import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAtColumn } from '@kyodo/subgraph-kit';

/** C6: integration tokens, by id (the token's jti) only; the token itself is never stored. */
export class CreateIntegrationTokens1764201600000 implements MigrationInterface {
  name = 'CreateIntegrationTokens1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'integration_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'scopes', type: 'varchar', length: '200' },
          { name: 'createdBy', type: 'varchar', length: '36' },
          createdAtColumn(queryRunner),
          { name: 'expiresAt', type: 'datetime' },
          { name: 'revokedAt', type: 'datetime', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('integration_tokens', new TableIndex({ name: 'ix_integration_tokens_tenant', columnNames: ['tenantId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('integration_tokens');
  }
}
