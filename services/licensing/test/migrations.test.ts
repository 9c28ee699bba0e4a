import { createDataSource, runMigrations, silentLogger, trimFeedOutboxes } from '@kyodo/subgraph-kit';
import { checkMigrationRoundTrip, createTestDatabase, testDialects } from '@kyodo/testkit';
import { describe, expect, it } from 'vitest';
import { licensingEntities, licensingMigrations } from '../src/index.js';
import { LICENSING_OUTBOXES } from '../src/subgraph.js';
import { CreateDigitisationChanges1765152000000 } from '../src/migrations/1765152000000-CreateDigitisationChanges.js';
import { AddQualifiedInvoices1769300000000 } from '../src/migrations/1769300000000-AddQualifiedInvoices.js';
import { writeInvoice } from '../src/invoicing.js';

describe.each(testDialects())('licensing migrations on %s', (dialect) => {
  // MariaDB DDL (six migrations up, down and up again) takes seconds on a shared CI machine
  it('run up, match the entities exactly, revert every down to an empty schema, and run up again', { timeout: 60_000 }, async () => {
    const report = await checkMigrationRoundTrip({ name: 'licensing', entities: licensingEntities, migrations: licensingMigrations }, dialect);
    expect(report.applied).toEqual(licensingMigrations.map((m) => m.name));
    expect(report.reverted).toBe(licensingMigrations.length);
    expect(report.tablesAfterRevert).toEqual([]);
    expect(report.reapplied).toEqual(report.applied);
    expect(report.tablesAfterUp).toEqual([
      'audit_entries',
      'billing_runs',
      'change_feed_marks',
      'contract_changes',
      'contracts',
      'course_orders',
      'digitisation_changes',
      'digitisation_pack_orders',
      'guest_license_assignments',
      'guest_license_orders',
      'invoice_issued_changes',
      'invoice_lines',
      'invoice_numbers',
      'invoice_recipients',
      'invoices',
      'job_leases',
      'member_seat_orders',
      'price_rows',
      'service_contracts',
    ]);
  });
});

describe.each(testDialects())('the digitisation outbox migration on %s', (dialect) => {
  it('L15: gives every card service contract already signed one row, so cards, following from 0, copies contracts older than the outbox', async () => {
    const db = await createTestDatabase('licensing-outbox', dialect);
    const before = licensingMigrations.slice(0, licensingMigrations.indexOf(CreateDigitisationChanges1765152000000));
    const dataSource = createDataSource({ url: db.url, entities: licensingEntities, migrations: before });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, silentLogger);
      const tenants = ['00000000-0000-4000-8000-00000000f001', '00000000-0000-4000-8000-00000000f002'];
      for (const [i, tenantId] of tenants.entries()) {
        await dataSource.query(
          'INSERT INTO service_contracts (id, tenantId, product, deployment, seats, papersReceivedOn, deliveredOn, billingStartsOn, includedSides) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [`00000000-0000-4000-8000-00000000f10${i}`, tenantId, 'START_PACK', 'CLOUD', 5, '2026-02-02', '2026-02-12', '2026-04-01', 1000],
        );
      }
      await new CreateDigitisationChanges1765152000000().up(dataSource.createQueryRunner());
      const rows: Array<{ seq: number; tenantId: string }> = await dataSource.query('SELECT seq, tenantId FROM digitisation_changes ORDER BY seq');
      expect(rows.map((r) => [Number(r.seq), r.tenantId])).toEqual([
        [1, tenants[0]],
        [2, tenants[1]],
      ]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});

describe.each(testDialects())('the qualified-invoices migration on %s', (dialect) => {
  it('Q1: numbers the invoices issued before it in issue order, and new invoices go on after them', async () => {
    const db = await createTestDatabase('licensing-q1', dialect);
    const before = licensingMigrations.slice(0, licensingMigrations.indexOf(AddQualifiedInvoices1769300000000));
    const dataSource = createDataSource({ url: db.url, entities: licensingEntities, migrations: before });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, silentLogger);
      const tenantId = '00000000-0000-4000-8000-00000000f001';
      for (const [id, issuedOn] of [['00000000-0000-4000-8000-00000000f202', '2027-02-01'], ['00000000-0000-4000-8000-00000000f201', '2026-12-01']]) {
        await dataSource.query('INSERT INTO invoices (id, tenantId, issuedOn, subtotal, tax, total) VALUES (?, ?, ?, ?, ?, ?)', [id, tenantId, issuedOn, 1000, 100, 1100]);
      }
      await new AddQualifiedInvoices1769300000000().up(dataSource.createQueryRunner());
      const numbered: Array<{ id: string; number: string }> = await dataSource.query('SELECT id, number FROM invoices ORDER BY issuedOn');
      expect(numbered.map((r) => r.number)).toEqual(['KY-2026-000001', 'KY-2027-000002']);
      // the later migrations too (writeInvoice also fills the issued-invoice outbox)
      for (const Later of licensingMigrations.slice(licensingMigrations.indexOf(AddQualifiedInvoices1769300000000) + 1)) await new Later().up(dataSource.createQueryRunner());
      const next = await dataSource.transaction((tx) => writeInvoice(tx, tenantId, '2027-03-01', [], { subtotal: 0, tax: 0, total: 0 }));
      const [row]: Array<{ number: string }> = await dataSource.query('SELECT number FROM invoices WHERE id = ?', [next]);
      expect(row!.number).toBe('KY-2027-000003');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});

describe.each(testDialects())('the retention of licensing outboxes on %s', (dialect) => {
  it('deletes superseded digitisation and contract rows and old issued-invoice rows once a week old, keeping each tenant\'s newest and the newest invoice', async () => {
    const db = await createTestDatabase('licensing-feed-gc', dialect);
    const dataSource = createDataSource({ url: db.url, entities: licensingEntities, migrations: licensingMigrations });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, silentLogger);
      const [a, b] = ['00000000-0000-4000-8000-00000000f001', '00000000-0000-4000-8000-00000000f002'];
      for (const table of ['digitisation_changes', 'contract_changes']) {
        for (const tenantId of [a, b, a]) await dataSource.query(`INSERT INTO ${table} (tenantId) VALUES (?)`, [tenantId]);
      }
      for (const [i, tenantId] of [a, b, a].entries()) {
        await dataSource.query('INSERT INTO invoice_issued_changes (tenantId, invoiceId, number, kind, issuedOn, total) VALUES (?, ?, ?, ?, ?, ?)', [tenantId, `00000000-0000-4000-8000-00000000f10${i}`, `INV-${i}`, 'INVOICE', '2027-01-01', 1000]);
      }
      const t0 = Date.parse('2027-01-01T00:00:00Z');
      expect(await trimFeedOutboxes(dataSource, LICENSING_OUTBOXES, t0, 7 * 86_400_000)).toBe(0);
      expect(await trimFeedOutboxes(dataSource, LICENSING_OUTBOXES, t0 + 7 * 86_400_000, 7 * 86_400_000)).toBe(4);
      for (const table of ['digitisation_changes', 'contract_changes']) {
        const rows: Array<{ seq: number | string; tenantId: string }> = await dataSource.query(`SELECT seq, tenantId FROM ${table} ORDER BY seq`);
        expect(rows.map((r) => [Number(r.seq), r.tenantId])).toEqual([
          [2, b],
          [3, a],
        ]);
      }
      const invoices: Array<{ seq: number | string }> = await dataSource.query('SELECT seq FROM invoice_issued_changes ORDER BY seq');
      expect(invoices.map((r) => Number(r.seq))).toEqual([3]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
