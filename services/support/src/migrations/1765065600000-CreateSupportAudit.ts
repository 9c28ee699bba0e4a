import { createAuditTable, dropAuditTable } from '@kyodo/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A1: support's audit entries (catalogue and closing-day changes). */
export class CreateSupportAudit1765065600000 implements MigrationInterface {
  name = 'CreateSupportAudit1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
  }
}
