import { createDataSource, runMigrations, silentLogger, trimFeedOutboxes } from '@kyodo/subgraph-kit';
import { checkMigrationRoundTrip, createTestDatabase, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { CreateMembershipChanges1765152000000 } from '../src/migrations/1765152000000-CreateMembershipChanges.js';
import { spacesEntities, spacesMigrations } from '../src/index.js';
import { SPACES_OUTBOXES } from '../src/subgraph.js';

describe.each(testDialects())('spaces migrations on %s', (dialect) => {
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', async () => {
    const report = await checkMigrationRoundTrip({ name: 'spaces', entities: spacesEntities, migrations: spacesMigrations }, dialect);
    expect(report.applied).toEqual(spacesMigrations.map((m) => m.name));
    expect(report.reverted).toBe(spacesMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual(['access_changes', 'audit_entries', 'change_feed_marks', 'comments', 'group_members', 'groups', 'integration_tokens', 'invitations', 'invoice_mail_cursors', 'invoice_mails', 'job_leases', 'membership_changes', 'password_setups', 'peer_feed_cursors', 'space_apps', 'space_members', 'spaces', 'tenants', 'thread_reads', 'threads', 'users']);
    // MariaDB DDL is slow on a busy CI machine: every migration runs three times here
  }, 60_000);
});

describe.each(testDialects())('the membership outbox migration on %s', (dialect) => {
  it('C3: gives every member already in a group one row, so cards, following from 0, copies memberships older than the outbox', async () => {
    const db = await createTestDatabase('spaces-outbox', dialect);
    const before = spacesMigrations.slice(0, spacesMigrations.indexOf(CreateMembershipChanges1765152000000));
    const dataSource = createDataSource({ url: db.url, entities: [], migrations: before });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, silentLogger);
      const tenant = '00000000-0000-4000-8000-00000000f001';
      const [alice, bob, carol] = ['00000000-0000-4000-8000-00000000f011', '00000000-0000-4000-8000-00000000f012', '00000000-0000-4000-8000-00000000f013'];
      await dataSource.query('INSERT INTO tenants (id, subdomain, name) VALUES (?, ?, ?)', [tenant, 'outbox', 'Outbox']);
      for (const id of [alice, bob, carol]) {
        await dataSource.query('INSERT INTO users (id, tenantId, email, name, kind, passwordHash) VALUES (?, ?, ?, ?, ?, ?)', [id, tenant, `${id}@x.example`, 'X', 'MEMBER', 'x']);
      }
      await dataSource.query('INSERT INTO `groups` (id, tenantId, name) VALUES (?, ?, ?), (?, ?, ?)', ['g1', tenant, 'One', 'g2', tenant, 'Two']);
      await dataSource.query('INSERT INTO group_members (groupId, userId) VALUES (?, ?), (?, ?), (?, ?)', ['g1', alice, 'g2', alice, 'g1', bob]);
      await new CreateMembershipChanges1765152000000().up(dataSource.createQueryRunner());
      const rows: Array<{ seq: number; tenantId: string; userId: string }> = await dataSource.query('SELECT seq, tenantId, userId FROM membership_changes ORDER BY seq');
      expect(rows.map((r) => [Number(r.seq), r.tenantId, r.userId])).toEqual([
        [1, tenant, alice],
        [2, tenant, bob],
      ]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});

describe.each(testDialects())('the retention of spaces outboxes on %s', (dialect) => {
  it('deletes a member\'s superseded membership and access rows once a week old, keeping each user\'s newest', async () => {
    const db = await createTestDatabase('spaces-feed-gc', dialect);
    const dataSource = createDataSource({ url: db.url, entities: spacesEntities, migrations: spacesMigrations });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, silentLogger);
      const tenant = '00000000-0000-4000-8000-00000000f001';
      const [alice, bob] = ['00000000-0000-4000-8000-00000000f011', '00000000-0000-4000-8000-00000000f012'];
      for (const table of ['membership_changes', 'access_changes']) {
        for (const userId of [alice, bob, alice]) await dataSource.query(`INSERT INTO ${table} (tenantId, userId) VALUES (?, ?)`, [tenant, userId]);
      }
      const t0 = Date.parse('2027-01-01T00:00:00Z');
      expect(await trimFeedOutboxes(dataSource, SPACES_OUTBOXES, t0, 7 * 86_400_000)).toBe(0);
      expect(await trimFeedOutboxes(dataSource, SPACES_OUTBOXES, t0 + 7 * 86_400_000, 7 * 86_400_000)).toBe(2);
      for (const table of ['membership_changes', 'access_changes']) {
        const rows: Array<{ seq: number | string; userId: string }> = await dataSource.query(`SELECT seq, userId FROM ${table} ORDER BY seq`);
        expect(rows.map((r) => [Number(r.seq), r.userId])).toEqual([
          [2, bob],
          [3, alice],
        ]);
      }
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
