import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** T6: course change orders (idempotent per tenant and key); contracts.course becomes the course held after them. */
export class CreateCourseOrders1765238400000 implements MigrationInterface {
  name = 'CreateCourseOrders1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'course_orders',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'idempotencyKey', type: 'varchar', length: '100' },
          { name: 'courseBefore', type: 'varchar', length: '10' },
          { name: 'course', type: 'varchar', length: '10' },
          { name: 'orderDate', type: 'varchar', length: '10' },
          { name: 'effectiveFrom', type: 'varchar', length: '10' },
          { name: 'courseFrom', type: 'varchar', length: '10' },
          { name: 'seats', type: 'integer' },
          { name: 'months', type: 'integer', isNullable: true },
          { name: 'unitPrice', type: 'integer' },
          { name: 'subtotal', type: 'integer' },
          { name: 'tax', type: 'integer' },
          { name: 'total', type: 'integer' },
          { name: 'orderedBy', type: 'varchar', length: '36' },
          { name: 'invoiceId', type: 'varchar', length: '36', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_course_orders_key', columnNames: ['tenantId', 'idempotencyKey'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('course_orders');
  }
}
