import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Q1: the outbox of issued invoices that spaces follows to mail each tenant's administrators.
 * Not backfilled: invoices issued before this release were never announced by mail, and mailing
 * them all on the first deployment would be noise, not news.
 */
export class CreateInvoiceIssuedChanges1769400000000 implements MigrationInterface {
  name = 'CreateInvoiceIssuedChanges1769400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'invoice_issued_changes',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'invoiceId', type: 'varchar', length: '36' },
          { name: 'number', type: 'varchar', length: '24' },
          { name: 'kind', type: 'varchar', length: '12' },
          { name: 'issuedOn', type: 'varchar', length: '10' },
          { name: 'total', type: 'integer' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('invoice_issued_changes');
  }
}
