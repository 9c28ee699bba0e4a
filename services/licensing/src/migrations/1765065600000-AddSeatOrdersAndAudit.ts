import { createAuditTable, createdAtColumn, dropAuditTable } from '@kyodo/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * L11/L16: the card service's named-user licence, per user and year, by product. Our assumption
 * (the vendor publishes no list price): Start Pack 14,400 yen, Corporate Licence 12,000 yen; the
 * vendor changes them with addPriceRow. Frozen here like the other seeded rows.
 */
const CARD_SERVICE_ROWS = [
  { id: '00000000-0000-4000-8000-0000000f0041', product: 'CARD_START_PACK', course: null, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 14400, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0042', product: 'CARD_CORPORATE_LICENSE', course: null, billingCycle: 'ANNUAL', unit: 'USER_YEAR', amount: 12000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
];

/** T5/T6: member seat orders (idempotent per tenant and key); A1: licensing's audit entries; L11: card service licence prices. */
export class AddSeatOrdersAndAudit1765065600000 implements MigrationInterface {
  name = 'AddSeatOrdersAndAudit1765065600000';

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
    await queryRunner.manager.createQueryBuilder().insert().into('price_rows').values(CARD_SERVICE_ROWS.map((row) => ({ ...row }))).execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.createQueryBuilder().delete().from('price_rows').whereInIds(CARD_SERVICE_ROWS.map((row) => row.id)).execute();
    await dropAuditTable(queryRunner);
    await queryRunner.dropTable('member_seat_orders');
  }
}
