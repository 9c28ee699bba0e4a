import { checkMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { supportEntities, supportMigrations } from '../src/index.js';

describe.each(testDialects())('support migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: 'support', entities: supportEntities, migrations: supportMigrations }, dialect);
    expect(report.applied).toEqual(supportMigrations.map((m) => m.name));
    expect(report.reverted).toBe(supportMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual([
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
