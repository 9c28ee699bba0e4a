import { checkMigrationRoundTrip, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { spacesEntities, spacesMigrations } from '../src/index.js';

describe.each(testDialects())('spaces migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: 'spaces', entities: spacesEntities, migrations: spacesMigrations }, dialect);
    expect(report.applied).toEqual(spacesMigrations.map((m) => m.name));
    expect(report.reverted).toBe(spacesMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual(['comments', 'group_members', 'groups', 'integration_tokens', 'invitations', 'membership_changes', 'space_apps', 'space_members', 'spaces', 'tenants', 'thread_reads', 'threads', 'users']);
    // MariaDB DDL is slow on a busy CI machine: every migration runs three times here
  }, 60_000);
});
