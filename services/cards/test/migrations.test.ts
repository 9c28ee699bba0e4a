import { checkMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { cardsEntities, cardsMigrations } from '../src/index.js';

describe.each(testDialects())('cards migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: 'cards', entities: cardsEntities, migrations: cardsMigrations }, dialect);
    expect(report.applied).toEqual(cardsMigrations.map((m) => m.name));
    expect(report.reverted).toBe(cardsMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual(['audit_entries', 'card_export_grants', 'card_groups', 'card_import_errors', 'card_import_jobs', 'card_quota_usage', 'cards', 'job_leases', 'peer_card_digitisation', 'peer_feed_cursors', 'peer_group_memberships']);
  });
});
