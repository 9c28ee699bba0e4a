import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Q1: qualified invoices: a unique number (from invoice_numbers' auto-increment), the kind
 * (invoice or credit note) and the invoice a credit note corrects, the issuer and recipient as
 * issued, each line's tax rate; the recipients' registered names. Invoices issued before this
 * get numbers in issue order; their issuer and recipient stay unknown (null).
 */
export class AddQualifiedInvoices1769300000000 implements MigrationInterface {
  name = 'AddQualifiedInvoices1769300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('invoices', [
      new TableColumn({ name: 'number', type: 'varchar', length: '24', isNullable: true }),
      new TableColumn({ name: 'kind', type: 'varchar', length: '12', default: "'INVOICE'" }),
      new TableColumn({ name: 'correctsInvoiceId', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'reason', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'issuerName', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'issuerRegistrationNumber', type: 'varchar', length: '14', isNullable: true }),
      new TableColumn({ name: 'recipientName', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await queryRunner.addColumn('invoice_lines', new TableColumn({ name: 'taxRatePercent', type: 'integer', default: 10 }));
    await queryRunner.createTable(
      new Table({
        name: 'invoice_numbers',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'invoiceId', type: 'varchar', length: '36' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoice_recipients',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'registeredName', type: 'varchar', length: '200' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
      }),
    );
    // earlier invoices, numbered in issue order (explicit seq values: the auto-increment goes on after them)
    const q = (name: string) => queryRunner.connection.driver.escape(name);
    const earlier = (await queryRunner.query(`SELECT ${q('id')}, ${q('issuedOn')} FROM ${q('invoices')} ORDER BY ${q('issuedOn')}, ${q('createdAt')}, ${q('id')}`)) as { id: string; issuedOn: string }[];
    let seq = 0;
    for (const invoice of earlier) {
      seq += 1;
      await queryRunner.query(`INSERT INTO ${q('invoice_numbers')} (${q('seq')}, ${q('invoiceId')}) VALUES (?, ?)`, [seq, invoice.id]);
      await queryRunner.query(`UPDATE ${q('invoices')} SET ${q('number')} = ? WHERE ${q('id')} = ?`, [`KY-${invoice.issuedOn.slice(0, 4)}-${String(seq).padStart(6, '0')}`, invoice.id]);
    }
    await queryRunner.createIndex('invoices', new TableIndex({ name: 'uq_invoices_number', columnNames: ['number'], isUnique: true }));
    await queryRunner.createIndex('invoices', new TableIndex({ name: 'ix_invoices_issued', columnNames: ['issuedOn', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('invoices', 'ix_invoices_issued');
    await queryRunner.dropIndex('invoices', 'uq_invoices_number');
    await queryRunner.dropTable('invoice_recipients');
    await queryRunner.dropTable('invoice_numbers');
    await queryRunner.dropColumn('invoice_lines', 'taxRatePercent');
    for (const column of ['recipientName', 'issuerRegistrationNumber', 'issuerName', 'reason', 'correctsInvoiceId', 'kind', 'number']) await queryRunner.dropColumn('invoices', column);
  }
}
