import { createAuditTable, createdAtColumn, dropAuditTable } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** T5/T6: member seat orders (idempotent per tenant and key); A1: licensing's audit entries. */
export class AddSeatOrdersAndAudit1764547200000 implements MigrationInterface {
  name = 'AddSeatOrdersAndAudit1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'member_seat_orders',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'idempotencyKey', type: 'varchar', length: '100' },
          { name: 'quantity', type: 'integer' },
          { name: 'seatsAfter', type: 'integer' },
          { name: 'orderDate', type: 'varchar', length: '10' },
          { name: 'effectiveFrom', type: 'varchar', length: '10' },
          { name: 'seatsFrom', type: 'varchar', length: '10' },
          { name: 'months', type: 'integer', isNullable: true },
          { name: 'unitPrice', type: 'integer' },
          { name: 'subtotal', type: 'integer' },
          { name: 'tax', type: 'integer' },
          { name: 'total', type: 'integer' },
          { name: 'orderedBy', type: 'varchar', length: '36' },
          { name: 'invoiceId', type: 'varchar', length: '36', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_member_seat_orders_key', columnNames: ['tenantId', 'idempotencyKey'], isUnique: true })],
      }),
    );
    await createAuditTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
    await queryRunner.dropTable('member_seat_orders');
  }
}
