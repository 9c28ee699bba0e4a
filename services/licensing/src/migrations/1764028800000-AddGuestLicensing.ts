import { createdAtColumn } from '@kyodo/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * L1: the price rows this migration seeds, frozen here: a shipped migration never reads code
 * that can change later (a new price is a new row, added by a new migration). Current prices are
 * the vendor's. The legacy rows (base product bought on or before 2014-04-12) are PLAUSIBLE, NOT
 * the vendor's: the source only says the price differs; we assume Light 500/month, 5,880/year and
 * Standard 1,000/month, 11,760/year (the annual price = 12 months less 2 %, the same ratio as the
 * current rows). The card-service row (L11, L15) is a plausible list price as well.
 */
const SEEDED_PRICE_ROWS = [
  { id: '00000000-0000-4000-8000-0000000f0001', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 580, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0002', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 6820, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0003', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 1200, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0004', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 14110, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
  { id: '00000000-0000-4000-8000-0000000f0011', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 500, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0012', product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 5880, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0013', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 1000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0014', product: 'GUEST_LICENSE', course: 'STANDARD', billingCycle: 'ANNUAL', unit: 'GUEST_YEAR', amount: 11760, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: '2014-04-12' },
  { id: '00000000-0000-4000-8000-0000000f0021', product: 'CARD_DIGITISATION_PACK', course: null, billingCycle: null, unit: 'PACK_1000_SIDES', amount: 30000, effectiveFrom: '2011-11-01', effectiveTo: null, legacyCutoff: null },
];

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const date = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '10', isNullable });
const int = (name: string, isNullable = false) => ({ name, type: 'integer', isNullable });

/** L1-L10: contract terms, price rows (seeded), guest licence orders, assignments, invoices. */
export class AddGuestLicensing1764028800000 implements MigrationInterface {
  name = 'AddGuestLicensing1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('contracts', [
      new TableColumn(date('endsOn', true)),
      new TableColumn({ name: 'seller', type: 'varchar', length: '100', default: "'ONLINE_STORE'" }),
      new TableColumn(date('basePurchasedOn', true)),
      new TableColumn({ name: 'memberSeats', type: 'integer', default: 0 }),
      new TableColumn({ name: 'licenseModel', type: 'varchar', length: '20', default: "'GUEST_LICENSES'" }),
      new TableColumn({ name: 'guestLicensesHeld', type: 'integer', default: 0 }),
      new TableColumn({ name: 'guestLicensesAssigned', type: 'integer', default: 0 }),
      new TableColumn(date('cancelledOn', true)),
      new TableColumn({ name: 'timeZone', type: 'varchar', length: '40', default: "'Asia/Tokyo'" }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'price_rows',
        columns: [
          id,
          { name: 'product', type: 'varchar', length: '40' },
          { name: 'course', type: 'varchar', length: '10', isNullable: true },
          { name: 'billingCycle', type: 'varchar', length: '10', isNullable: true },
          { name: 'unit', type: 'varchar', length: '30' },
          int('amount'),
          date('effectiveFrom'),
          date('effectiveTo', true),
          date('legacyCutoff', true),
          createdAtColumn(queryRunner),
        ],
      }),
    );
    // L1: prices are data, seeded here; a price change is a new row with effective dates
    await queryRunner.manager.createQueryBuilder().insert().into('price_rows').values(SEEDED_PRICE_ROWS.map((row) => ({ ...row }))).execute();
    await queryRunner.createTable(
      new Table({
        name: 'guest_license_orders',
        columns: [
          id,
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'idempotencyKey', type: 'varchar', length: '100' },
          int('quantity'),
          int('guestLicensesAfter'),
          date('orderDate'),
          date('effectiveFrom'),
          date('licensesFrom'),
          date('endsOn', true),
          int('months', true),
          int('unitPrice'),
          int('subtotal'),
          int('tax'),
          int('total'),
          { name: 'seller', type: 'varchar', length: '100' },
          { name: 'orderedBy', type: 'varchar', length: '36' },
          { name: 'invoiceId', type: 'varchar', length: '36', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_guest_license_orders_key', columnNames: ['tenantId', 'idempotencyKey'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'guest_license_assignments',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'assignedBy', type: 'varchar', length: '36' },
          createdAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoices',
        columns: [id, { name: 'tenantId', type: 'varchar', length: '36' }, date('issuedOn'), int('subtotal'), int('tax'), int('total'), createdAtColumn(queryRunner)],
        indices: [new TableIndex({ name: 'ix_invoices_tenant', columnNames: ['tenantId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoice_lines',
        columns: [
          id,
          { name: 'invoiceId', type: 'varchar', length: '36' },
          int('position'),
          { name: 'description', type: 'varchar', length: '300' },
          int('quantity'),
          int('unitPrice'),
          date('periodFrom', true),
          date('periodTo', true),
          int('amount'),
        ],
        indices: [new TableIndex({ name: 'ix_invoice_lines_invoice', columnNames: ['invoiceId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('invoice_lines');
    await queryRunner.dropTable('invoices');
    await queryRunner.dropTable('guest_license_assignments');
    await queryRunner.dropTable('guest_license_orders');
    await queryRunner.dropTable('price_rows');
    for (const column of ['timeZone', 'cancelledOn', 'guestLicensesAssigned', 'guestLicensesHeld', 'licenseModel', 'memberSeats', 'basePurchasedOn', 'seller', 'endsOn']) {
      await queryRunner.dropColumn('contracts', column);
    }
  }
}
