import { checkMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { licensingEntities, licensingMigrations } from '../src/index.js';

describe.each(testDialects())('licensing migrations on %s', (dialect) => {
  // MariaDB DDL (six migrations up, down and up again) takes seconds on a shared CI machine
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', { timeout: 60_000 }, async () => {
    const report = await checkMigrationRoundTrip({ name: 'licensing', entities: licensingEntities, migrations: licensingMigrations }, dialect);
    expect(report.applied).toEqual(licensingMigrations.map((m) => m.name));
    expect(report.reverted).toBe(licensingMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual([
      'contracts',
      'digitisation_changes',
      'digitisation_pack_orders',
      'guest_license_assignments',
      'guest_license_orders',
      'invoice_lines',
      'invoices',
      'price_rows',
      'service_contracts',
    ]);
  });
});
