import { createAuditTable, dropAuditTable } from '@kyodo/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A1: cards' audit entries (export permissions granted and withdrawn). */
export class CreateCardsAudit1767300000004 implements MigrationInterface {
  name = 'CreateCardsAudit1767300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
  }
}
