import { createAuditTable, dropAuditTable } from '@kyodo/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A1: spaces' audit entries (guests, space members and permissions, tenant settings). */
export class CreateSpacesAudit1765065600000 implements MigrationInterface {
  name = 'CreateSpacesAudit1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
  }
}
