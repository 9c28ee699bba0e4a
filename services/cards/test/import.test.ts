import iconv from 'iconv-lite';
import { JobLeaseEntity, jobLeases, silentLogger, systemClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLeaseKey, importPartKey, runImportJob, takeOverImports, type ImportRuntime } from '../src/card-import-runner.js';
import { CardImportJob, CardImportStatus } from '../src/entities/card-import-job.entity.js';
import { Card } from '../src/entities/card.entity.js';
import { imageStoreFor } from '../src/image-store.js';
import { cardsSubgraph } from '../src/index.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const JOB = `id status dryRun encoding parts totalRows processedRows importedRows errorCount errors { line field message }`;
const START = `mutation($input: StartCardImportInput!) { startCardImport(input: $input) { ${JOB} } }`;
const PART = `mutation($input: AddCardImportPartInput!) { addCardImportPart(input: $input) { ${JOB} } }`;
const RUN = `mutation($input: RunCardImportInput!) { runCardImport(input: $input) { ${JOB} } }`;
const POLL = `query($id: ID!) { cardImportJob(id: $id) { ${JOB} } }`;
const SEARCH = `query($search: String) { cards(first: 100, search: $search) { edges { node { id name nameReading notes } } } }`;

interface Job {
  id: string;
  status: string;
  encoding: string;
  parts: number;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  errorCount: number;
  errors: Array<{ line: number; field: string | null; message: string }>;
}

const HEADER = '氏名,フリガナ,会社名,部署,役職,住所,電話番号,メールアドレス,URL,メモ,言語,交換日';
/** Row i of the generated file; row 3 has a note across two lines, so line numbers are not row numbers. */
function row(i: number, bad: Set<number>): string {
  const email = bad.has(i) ? `broken-address-${i}` : `person${i}@import.example`;
  const notes = i === 3 ? '"展示会で交換\n二行目のメモ"' : `メモ${i}`;
  return `取込 ${i}郎,トリコミ ${i}ロウ,株式会社インポート${i % 50},営業部,課長,東京都港区${i}-1,03-0000-${String(i % 10000).padStart(4, '0')},${email},https://import.example/${i},${notes},ja,2025-10-01`;
}
/** Line of row i: header is line 1, row 0 line 2; row 3 takes two lines. */
const lineOf = (i: number) => (i <= 3 ? i + 2 : i + 3);

describe.each(testDialects())('CSV import (C4) on %s', (dialect) => {
  let stack: Stack;
  let peers: FakePeers;
  let member: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [cardsSubgraph], dialect });
    peers = await startFakePeers(stack);
    ({ member } = await stack.auth.demoTokens());
  });
  afterAll(async () => {
    await peers?.close();
    await stack?.close();
  });

  const upload = async (bytes: Buffer, encoding = 'AUTO') => {
    const job = (await stack.client.data<{ startCardImport: Job }>(START, { input: { encoding } }, { token: member })).startCardImport;
    const size = 512 * 1024;
    for (let part = 0; part * size < bytes.length; part++) {
      await stack.client.data(PART, { input: { jobId: job.id, part, base64: bytes.subarray(part * size, (part + 1) * size).toString('base64') } }, { token: member });
    }
    return job.id;
  };
  const run = async (jobId: string, dryRun: boolean): Promise<{ job: Job; polls: Job[] }> => {
    await stack.client.data(RUN, { input: { jobId, dryRun } }, { token: member });
    const polls: Job[] = [];
    for (let i = 0; i < 400; i++) {
      const job = (await stack.client.data<{ cardImportJob: Job }>(POLL, { id: jobId }, { token: member })).cardImportJob;
      polls.push(job);
      if (!['CHECKING', 'IMPORTING'].includes(job.status)) return { job, polls };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import did not finish');
  };
  const cardCount = () => stack.handles.cards!.dataSource.getRepository(Card).countBy({ tenantId: DEMO.tenant.id });

  it('C4: a 10,000-row Shift_JIS file with 3 bad rows: the dry run lists exactly them, the real run imports nothing, the fixed file imports all', async () => {
    const bad = new Set([17, 5000, 9999]);
    const sjis = (badRows: Set<number>) => iconv.encode([HEADER, ...Array.from({ length: 10_000 }, (_, i) => row(i, badRows))].join('\r\n') + '\r\n', 'cp932');
    const before = await cardCount();
    const badFile = sjis(bad);
    expect(badFile.length).toBeGreaterThan(512 * 1024); // sent in several parts

    const jobId = await upload(badFile);
    const dry = await run(jobId, true);
    expect(dry.job).toMatchObject({ status: 'CHECKED', encoding: 'SHIFT_JIS', totalRows: 10_000, processedRows: 10_000, errorCount: 3 });
    expect(dry.job.errors.map((e) => e.line)).toEqual([...bad].map(lineOf));
    expect(dry.job.errors.every((e) => e.field === 'email')).toBe(true);
    expect(dry.job.errors[0]!.message).toBe(`line ${lineOf(17)}: email "broken-address-17" is not an email address.`);
    expect(await cardCount()).toBe(before);

    const real = await run(jobId, false);
    expect(real.job).toMatchObject({ status: 'FAILED', importedRows: 0, errorCount: 3 });
    expect(real.job.errors.map((e) => e.line)).toEqual([...bad].map(lineOf));
    expect(await cardCount()).toBe(before);

    const fixedId = await upload(sjis(new Set()), 'SHIFT_JIS');
    const done = await run(fixedId, false);
    expect(done.job).toMatchObject({ status: 'SUCCEEDED', totalRows: 10_000, processedRows: 10_000, importedRows: 10_000, errorCount: 0, errors: [] });
    expect(await cardCount()).toBe(before + 10_000);
    // the Japanese text arrived intact and is searchable, multi-line note included
    const found = (await stack.client.data<{ cards: { edges: Array<{ node: { name: string; nameReading: string; notes: string } }> } }>(SEARCH, { search: 'とりこみ 3ろう' }, { token: member })).cards.edges;
    expect(found.map((e) => e.node)).toEqual([{ name: '取込 3郎', nameReading: 'トリコミ 3ロウ', notes: '展示会で交換\n二行目のメモ', id: expect.any(String) }]);
    // a finished import cannot run again
    expect(errorCodes(await stack.client.request(RUN, { input: { jobId: fixedId, dryRun: false } }, { token: member }))).toEqual(['CONFLICT']);
  }, 60_000);

  it('C4: UTF-8 with a BOM and English headers; a file without a name column is reported at line 1', async () => {
    const utf8 = Buffer.from('\ufeffname,company,email,language\r\nZhang Wei,"Beijing, Ltd.",zhang@example.cn,zh\r\n', 'utf8');
    const ok = await run(await upload(utf8), false);
    expect(ok.job).toMatchObject({ status: 'SUCCEEDED', encoding: 'UTF8', importedRows: 1 });
    const noName = await run(await upload(Buffer.from('company,email\nAcme,a@acme.example\n')), true);
    expect(noName.job.status).toBe('CHECKED');
    expect(noName.job.errors).toEqual([{ line: 1, field: null, message: expect.stringContaining('no name column') }]);
  });

  it('C4/C1: cells are checked like createCard: a control character in a name or company is a bad row with its line; notes keep line breaks; names become NFC', async () => {
    const csv = 'name,company,notes\r\nNul\u0000 Taro,Acme,ok\r\nEsc Hanako,"Acme\u001b[2J",ok\r\nヨシタ\u3099 次郎,Acme,"two\r\nlines\tand a tab"\r\n';
    const dry = await run(await upload(Buffer.from(csv, 'utf8')), true);
    expect(dry.job.errors).toEqual([
      { line: 2, field: 'name', message: expect.stringMatching(/^line 2: name must be one line of text without control characters \(found U\+0000/) },
      { line: 3, field: 'company', message: expect.stringMatching(/^line 3: company must be one line/) },
    ]);
    const fixed = csv.replace('\u0000', '').replace('\u001b', '');
    expect((await run(await upload(Buffer.from(fixed, 'utf8')), false)).job).toMatchObject({ status: 'SUCCEEDED', importedRows: 3 });
    const found = (await stack.client.data<{ cards: { edges: Array<{ node: { name: string; notes: string } }> } }>(SEARCH, { search: 'ヨシダ' }, { token: member })).cards.edges;
    expect(found.map((e) => e.node)).toEqual([expect.objectContaining({ name: 'ヨシダ 次郎', notes: 'two\nlines\tand a tab' })]);
  });

  const waitFor = async (what: string, check: () => Promise<boolean>, ms = 15_000) => {
    for (const until = Date.now() + ms; Date.now() < until; ) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  /** A job the way a replica leaves it when it is killed mid-run: CHECKING, the file stored, a lease held. */
  const abandoned = async (rows: number, leaseUntil: number) => {
    const jobId = await upload(Buffer.from([HEADER, ...Array.from({ length: rows }, (_, i) => row(1000 + i, new Set()))].join('\r\n'), 'utf8'));
    await stack.handles.cards!.dataSource.getRepository(CardImportJob).update({ id: jobId }, { status: CardImportStatus.CHECKING, dryRun: false });
    await stack.handles.cards!.dataSource.getRepository(JobLeaseEntity).insert({ jobKey: importLeaseKey(jobId), owner: 'killed-replica', leaseUntil });
    return jobId;
  };
  const replica = (): ImportRuntime => {
    const dataSource = stack.handles.cards!.dataSource;
    return { dataSource, store: imageStoreFor({ dataDir: stack.dataDir }), clock: systemClock, logger: silentLogger, leases: jobLeases(dataSource, { clock: systemClock, ttlMs: 5_000 }), running: new Set() };
  };

  it('C4 with replicas: an import whose replica stopped is left alone while its lease lives, then taken over by another replica and written once', async () => {
    const jobId = await abandoned(3, Date.now() + 60_000);
    const before = await cardCount();
    // another replica on the same database and store, with a short lease (so it looks every 50 ms)
    const other = await cardsSubgraph.create({ databaseUrl: stack.databases.cards!.url, verifier: stack.auth.verifier, dataDir: stack.dataDir, logger: silentLogger, env: { JOB_LEASE_MS: '100' } });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect((await stack.client.data<{ cardImportJob: Job }>(POLL, { id: jobId }, { token: member })).cardImportJob.status).toBe('CHECKING');
      // the killed replica's lease runs out
      await stack.handles.cards!.dataSource.getRepository(JobLeaseEntity).update({ jobKey: importLeaseKey(jobId) }, { leaseUntil: Date.now() - 1 });
      await waitFor('the take-over', async () => (await stack.client.data<{ cardImportJob: Job }>(POLL, { id: jobId }, { token: member })).cardImportJob.status === 'SUCCEEDED');
    } finally {
      await other.close();
    }
    const job = (await stack.client.data<{ cardImportJob: Job }>(POLL, { id: jobId }, { token: member })).cardImportJob;
    expect(job).toMatchObject({ status: 'SUCCEEDED', importedRows: 3, errorCount: 0, errors: [] });
    expect(await cardCount()).toBe(before + 3);
    // the parts are gone from the store once written; the lease is given back
    expect(await imageStoreFor({ dataDir: stack.dataDir }).get(importPartKey(jobId, 0))).toBeNull();
    expect(await stack.handles.cards!.dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: importLeaseKey(jobId) })).toBe(0);
  });

  it('C4 with replicas: two runners race on one import: exactly one runs it and the rows are written once; a finished import is never run again', async () => {
    const jobId = await abandoned(20, 0);
    const before = await cardCount();
    const [a, b] = [replica(), replica()];
    const ran = await Promise.all([runImportJob(a, jobId), runImportJob(b, jobId)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await cardCount()).toBe(before + 20);
    // a late runner (its lease lost, then claimed again) finds the job finished and writes nothing
    expect(await runImportJob(a, jobId)).toBe(true);
    expect(await takeOverImports(b)).toBe(0);
    expect(await cardCount()).toBe(before + 20);
    expect(await stack.handles.cards!.dataSource.getRepository(CardImportJob).findOneByOrFail({ id: jobId })).toMatchObject({ status: 'SUCCEEDED', importedRows: 20 });
  });

  it('C4 with replicas: a runner whose lease was taken over while it stalled can neither renew nor hold it at commit (so writes nothing); the new holder writes', async () => {
    const jobId = await abandoned(2, 0);
    const before = await cardCount();
    const slow = replica();
    // the slow replica claims first, then stalls past its lease; the other replica takes the job over
    expect(await slow.leases.claim(importLeaseKey(jobId))).toBe(true);
    await stack.handles.cards!.dataSource.getRepository(JobLeaseEntity).update({ jobKey: importLeaseKey(jobId) }, { leaseUntil: Date.now() - 1 });
    const fast = replica();
    expect(await fast.leases.claim(importLeaseKey(jobId))).toBe(true);
    expect(await slow.leases.renew(importLeaseKey(jobId))).toBe(false);
    expect(await slow.leases.holds(stack.handles.cards!.dataSource.manager, importLeaseKey(jobId))).toBe(false);
    await fast.leases.release(importLeaseKey(jobId));
    expect(await runImportJob(fast, jobId)).toBe(true);
    expect(await cardCount()).toBe(before + 2);
  });

  it("C3/C4: guests may not import; another member cannot see or run someone else's import; parts go in order", async () => {
    const { guest, admin } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(START, { input: {} }, { token: guest }))).toEqual(['FORBIDDEN']);
    const job = (await stack.client.data<{ startCardImport: Job }>(START, { input: {} }, { token: member })).startCardImport;
    expect((await stack.client.data<{ cardImportJob: Job | null }>(POLL, { id: job.id }, { token: admin })).cardImportJob).toBeNull();
    expect(errorCodes(await stack.client.request(RUN, { input: { jobId: job.id, dryRun: true } }, { token: admin }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(PART, { input: { jobId: job.id, part: 1, base64: 'YQ==' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
  });
});
