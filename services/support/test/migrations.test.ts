import { checkMigrationRoundTrip, checkPopulatedMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { supportEntities, supportMigrations } from '../src/index.js';
import { seedSupportDemo } from '../src/seed.js';

describe.each(testDialects())('support migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: 'support', entities: supportEntities, migrations: supportMigrations }, dialect);
    expect(report.applied).toEqual(supportMigrations.map((m) => m.name));
    expect(report.reverted).toBe(supportMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual([
      'audit_entries',
      'job_leases',
      'support_closing_days',
      'support_licences',
      'support_product_versions',
      'support_products',
      'support_registrants',
      'support_ticket_replies',
      'support_tickets',
    ]);
  });
});

describe.each(testDialects())('support migrations on a populated %s database (issue 12: data survives down and up)', (dialect) => {
  const subject = { name: 'support', entities: supportEntities, migrations: supportMigrations };
  const populate = async (dataSource: DataSource) => {
    await seedSupportDemo(dataSource);
  };

  it('reverting the newest migration and applying it again keeps every row', async () => {
    const report = await checkPopulatedMigrationRoundTrip(subject, populate, dialect, 1);
    expect(report.reverted).toEqual([supportMigrations.at(-1)!.name]);
    expect(report.rowsAfter.support_registrants).toBe(1);
    expect(report.rowsAfter.support_licences).toBe(2);
  });

  it('reverting back to the first migration and up again keeps the registrants', async () => {
    const report = await checkPopulatedMigrationRoundTrip(subject, populate, dialect, supportMigrations.length - 1);
    expect(report.rowsBefore.support_licences).toBe(2);
    // the desk's tables (licences included) are the reverted migrations' own: only the first one's stay
    expect(report.rowsAfter).toEqual({ support_registrants: 1 });
  });

  it('refuses a down that loses rows the older schema could hold', async () => {
    class CreateThings1700000000000 implements MigrationInterface {
      name = 'CreateThings1700000000000';
      async up(q: QueryRunner) {
        await q.query('CREATE TABLE things (id varchar(36) NOT NULL PRIMARY KEY)');
      }
      async down(q: QueryRunner) {
        await q.query('DROP TABLE things');
      }
    }
    class CarelessDown1700000000001 implements MigrationInterface {
      name = 'CarelessDown1700000000001';
      async up() {}
      async down(q: QueryRunner) {
        await q.query('DELETE FROM things');
      }
    }
    const careless = { name: 'careless', entities: [], migrations: [CreateThings1700000000000, CarelessDown1700000000001] };
    await expect(checkPopulatedMigrationRoundTrip(careless, (ds) => ds.query(`INSERT INTO things (id) VALUES ('a')`), dialect)).rejects.toThrow(
      /\[up again\] things: rows changed by applying CarelessDown1700000000001 again \(1 before, 0 after\)/,
    );
  });
});
