import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Tickets and replies, the product catalogue, licence certificates and closing days. */
export class CreateSupportDesk1763769600000 implements MigrationInterface {
  name = 'CreateSupportDesk1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const optional = (name: string, length: string) => ({ name, type: 'varchar', length, isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'support_tickets',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'category', type: 'varchar', length: '40' },
          { name: 'inScope', type: 'boolean' },
          { name: 'productId', type: 'varchar', length: '40' },
          { name: 'productVersion', type: 'varchar', length: '40' },
          { name: 'subject', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'needsJapanese', type: 'boolean' },
          { name: 'priority', type: 'varchar', length: '10' },
          { name: 'requesterId', type: 'varchar', length: '36' },
          { name: 'submitterId', type: 'varchar', length: '36' },
          optional('assigneeId', '36'),
          optional('envServerOs', '100'),
          optional('envServerOsVersion', '50'),
          optional('envWebServer', '100'),
          optional('envWebServerVersion', '50'),
          optional('envDocumentRoot', '500'),
          optional('envInstallFolder', '500'),
          optional('envProductVersion', '50'),
          { name: 'envRegisteredUsers', type: 'integer', isNullable: true },
          { name: 'attachments', type: 'text' },
          { name: 'dueAt', type: 'datetime' },
          { name: 'firstResponseAt', type: 'datetime', isNullable: true },
          { name: 'solvedAt', type: 'datetime', isNullable: true },
          { name: 'closedAt', type: 'datetime', isNullable: true },
          optional('followUpOfId', '36'),
          { name: 'createdAt', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'idx_support_tickets_tenant_created', columnNames: ['tenantId', 'createdAt'] }),
          new TableIndex({ name: 'idx_support_tickets_status_due', columnNames: ['status', 'dueAt'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'support_ticket_replies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ticketId', type: 'varchar', length: '36' },
          { name: 'position', type: 'integer' },
          optional('authorId', '36'),
          { name: 'body', type: 'text' },
          { name: 'internal', type: 'boolean' },
          { name: 'fromSupport', type: 'boolean' },
          { name: 'createdAt', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_support_ticket_replies_ticket', columnNames: ['ticketId', 'position'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'support_products',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'support_product_versions',
        columns: [
          { name: 'productId', type: 'varchar', length: '40', isPrimary: true },
          { name: 'version', type: 'varchar', length: '40', isPrimary: true },
          optional('endOfSupport', '10'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'support_licences',
        columns: [
          { name: 'tenantId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'productId', type: 'varchar', length: '40', isPrimary: true },
          { name: 'customerNumber', type: 'varchar', length: '6' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'support_closing_days',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'year', type: 'integer', isNullable: true },
          { name: 'month', type: 'integer' },
          { name: 'day', type: 'integer' },
          { name: 'reason', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['support_closing_days', 'support_licences', 'support_product_versions', 'support_products', 'support_ticket_replies', 'support_tickets']) {
      await queryRunner.dropTable(table);
    }
  }
}
