import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Q1: the invoice mails spaces sends administrators from licensing's issued-invoice feed, and the
 * feed's cursor. The cursor starts at 0: the feed holds only invoices issued after licensing's
 * outbox migration, none of which was mailed yet.
 */
export class CreateInvoiceMails1769400000001 implements MigrationInterface {
  name = 'CreateInvoiceMails1769400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'invoice_mails',
        columns: [
          { name: 'invoiceId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'number', type: 'varchar', length: '24' },
          { name: 'kind', type: 'varchar', length: '12' },
          { name: 'issuedOn', type: 'varchar', length: '10' },
          { name: 'total', type: 'integer' },
          { name: 'sentAt', type: 'datetime', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('invoice_mails', new TableIndex({ name: 'ix_invoice_mails_sent', columnNames: ['sentAt'] }));
    await queryRunner.createTable(
      new Table({
        name: 'invoice_mail_cursors',
        columns: [
          { name: 'feed', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query("INSERT INTO invoice_mail_cursors (feed, position) VALUES ('invoices-issued', 0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('invoice_mail_cursors');
    await queryRunner.dropIndex('invoice_mails', 'ix_invoice_mails_sent');
    await queryRunner.dropTable('invoice_mails');
  }
}
