import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const date = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '10', isNullable });

/** L11-L15: the card service's named-user contracts and digitisation pack orders. */
export class CreateServiceContracts1764115200000 implements MigrationInterface {
  name = 'CreateServiceContracts1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'service_contracts',
        columns: [
          id,
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'product', type: 'varchar', length: '20' },
          { name: 'deployment', type: 'varchar', length: '20' },
          { name: 'seats', type: 'integer' },
          date('papersReceivedOn'),
          date('deliveredOn'),
          date('billingStartsOn'),
          date('terminationNoticeOn', true),
          { name: 'includedSides', type: 'integer' },
          { name: 'purchasedSides', type: 'integer', default: 0 },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_service_contracts_tenant', columnNames: ['tenantId'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'digitisation_pack_orders',
        columns: [
          id,
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'idempotencyKey', type: 'varchar', length: '100' },
          { name: 'packs', type: 'integer' },
          { name: 'sides', type: 'integer' },
          date('orderDate'),
          { name: 'orderedBy', type: 'varchar', length: '36' },
          { name: 'invoiceId', type: 'varchar', length: '36', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_digitisation_pack_orders_key', columnNames: ['tenantId', 'idempotencyKey'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digitisation_pack_orders');
    await queryRunner.dropTable('service_contracts');
  }
}
