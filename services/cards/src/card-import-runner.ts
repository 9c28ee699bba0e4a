import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isLanguage } from '@kyodo/auth';
import { checkText, DEFAULT_LANGUAGE, jobLeaseMsFrom, jobLeases, textKindOf, withLanguage, type BackgroundRuntime, type Clock, type JobLeases, type Language, type Logger } from '@kyodo/subgraph-kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { searchTextOf, samePersonKeys } from './domain/card-fields.js';
import { checkImportShape, checkRecords, type CellTextCheck, type ImportRowProblem } from './domain/card-import.js';
import { CsvSyntaxError, parseCsv } from './domain/csv.js';
import { decodeCsv, type CsvEncoding } from './domain/encoding.js';
import { CardGroup } from './entities/card-group.entity.js';
import { CardImportError, CardImportJob, CardImportStatus } from './entities/card-import-job.entity.js';
import { Card } from './entities/card.entity.js';
import { imageStoreFor, type ImageStore } from './image-store.js';
import { CreateCardInput } from './inputs/card.input.js';
import { joinSentences } from './refusals/field-problems.js';
import { cardsRefusals } from './refusals/refusals.js';

/** C4: a cell is checked like the same field of createCard (C1): one line, or several for notes. */
const importCellCheck: CellTextCheck = (value, field) => checkText(value, field, textKindOf(CreateCardInput, field));

export const MAX_IMPORT_ROWS = 50_000;
const CHECK_SLICE = 1000;
const INSERT_BATCH = 500;

/** A job still to finish: whichever replica holds its lease runs it. */
export const RUNNING_IMPORT_STATUSES = [CardImportStatus.CHECKING, CardImportStatus.IMPORTING];

/** The lease a replica holds while it runs this import (see job-lease.ts). */
export const importLeaseKey = (jobId: string) => `card-import:${jobId}`;

/**
 * Uploaded parts live in the image store (the S3-compatible bucket in production), not on a
 * replica's disk: the replica that runs the import, or takes it over, is often not the one the
 * parts were sent to.
 */
export const importPartKey = (jobId: string, part: number) => `imports/${jobId}/${part}.csv`;

export async function storeImportPart(store: ImageStore, jobId: string, part: number, bytes: Buffer): Promise<void> {
  await store.put(importPartKey(jobId, part), bytes);
}

/** C4/I1: a bad line as its report shows it, in `language`: "line 17: email ... is not an email address." */
export function describeImportProblem(problem: ImportRowProblem, language: Language): string {
  const texts = problem.reasons.map((reason) => ('text' in reason ? reason.text : cardsRefusals.messageOf(reason, language)));
  const problems = joinSentences(texts, language);
  return problem.line > 0 ? cardsRefusals.message('importOnLine', language, { line: problem.line, problems }) : problems;
}

async function readImportFile(store: ImageStore, job: CardImportJob): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < job.parts; i++) {
    const bytes = await store.get(importPartKey(job.id, i));
    if (!bytes) throw new Error(`import ${job.id}: part ${i} is not in the store`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

async function deleteImportFile(store: ImageStore, job: CardImportJob): Promise<void> {
  for (let i = 0; i < job.parts; i++) await store.delete(importPartKey(job.id, i));
}

export interface ImportRuntime {
  dataSource: DataSource;
  store: ImageStore;
  clock: Clock;
  logger: Logger;
  leases: JobLeases;
  /** The imports this process is running now: its own lease must not start them twice. */
  running: Set<string>;
}

const runtimes = new WeakMap<DataSource, ImportRuntime>();

/** This process's import runtime on this database: one lease owner shared by the resolvers and the background. */
export function importRuntimeFor({ dataSource, clock, logger, deps }: BackgroundRuntime): ImportRuntime {
  let runtime = runtimes.get(dataSource);
  if (!runtime) {
    runtime = { dataSource, store: imageStoreFor(deps), clock, logger, leases: jobLeases(dataSource, { clock, ttlMs: jobLeaseMsFrom(deps.env) }), running: new Set() };
    runtimes.set(dataSource, runtime);
  }
  return runtime;
}

/**
 * C4 with N replicas: runs the import if this replica gets its lease (nobody holds it, or its
 * holder stopped renewing it: a replica killed mid-run). Returns false when another holds it or
 * it is no longer running. An import writes in one transaction, so a taken-over job starts again
 * from the file and nothing of the first attempt is left to undo.
 */
export async function runImportJob(runtime: ImportRuntime, jobId: string): Promise<boolean> {
  if (runtime.running.has(jobId)) return false;
  runtime.running.add(jobId);
  try {
    const { ran } = await runtime.leases.run(importLeaseKey(jobId), async () => {
      const job = await runtime.dataSource.getRepository(CardImportJob).findOneBy({ id: jobId, status: In(RUNNING_IMPORT_STATUSES) });
      // I1: the report is written in the language of whoever ran the import (the kit's cell check reads it too)
      if (job) await withLanguage(isLanguage(job.language) ? job.language : DEFAULT_LANGUAGE, () => runLeasedImport(runtime, job));
      return Boolean(job);
    });
    return ran;
  } finally {
    runtime.running.delete(jobId);
  }
}

/** Every running import whose lease is free or expired, taken over one after another. */
export async function takeOverImports(runtime: ImportRuntime): Promise<number> {
  const jobs = await runtime.dataSource.getRepository(CardImportJob).find({ select: { id: true }, where: { status: In(RUNNING_IMPORT_STATUSES) }, order: { createdAt: 'ASC' } });
  let taken = 0;
  for (const { id } of jobs) {
    if (!runtime.dataSource.isInitialized) break;
    if (await runImportJob(runtime, id)) taken++;
  }
  return taken;
}

/**
 * C4: reads the uploaded file, checks every row (progress saved as it goes), then either stops
 * (dry run: CHECKED; bad rows: FAILED, nothing written) or writes every row in one transaction.
 */
async function runLeasedImport(runtime: ImportRuntime, job: CardImportJob): Promise<void> {
  const { dataSource, leases } = runtime;
  const jobId = job.id;
  const dryRun = job.dryRun;
  const leaseKey = importLeaseKey(jobId);
  const jobs = dataSource.getRepository(CardImportJob);
  // progress goes only on a job still running: a late writer never moves a finished one back
  const stillRunning = { id: jobId, status: In(RUNNING_IMPORT_STATUSES) };
  // the result is written once: only while the lease is still ours and the job still running
  const finish = async (manager: EntityManager, set: Partial<CardImportJob>): Promise<boolean> => {
    if (!(await leases.holds(manager, leaseKey))) return false;
    const moved = await manager.update(CardImportJob, { id: jobId, status: In(RUNNING_IMPORT_STATUSES) }, set);
    return (moved.affected ?? 0) === 1;
  };
  const language = isLanguage(job.language) ? job.language : DEFAULT_LANGUAGE;
  const fail = (problems: ImportRowProblem[], status: CardImportStatus) =>
    dataSource.transaction(async (manager) => {
      if (!(await finish(manager, { status, errorCount: problems.length }))) return;
      await manager.delete(CardImportError, { jobId });
      for (let i = 0; i < problems.length; i += INSERT_BATCH) {
        await manager.insert(CardImportError, problems.slice(i, i + INSERT_BATCH).map((p) => ({ jobId, line: p.line, field: p.field, message: describeImportProblem(p, language).slice(0, 1000) })));
      }
    });
  try {
    const decoded = decodeCsv(await readImportFile(runtime.store, job), job.encoding as CsvEncoding);
    let records;
    try {
      records = parseCsv(decoded.text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) return await fail([{ line: error.line, field: null, reasons: [{ key: 'importQuoteNotClosed' }] }], dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
      throw error;
    }
    const shape = checkImportShape(records, MAX_IMPORT_ROWS);
    await jobs.update(stillRunning, { encoding: decoded.encoding, totalRows: shape.body.length, processedRows: 0, errorCount: 0 });
    if (shape.problem) return await fail([shape.problem], dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
    const rows: ReturnType<typeof checkRecords>['rows'] = [];
    const problems: ImportRowProblem[] = [];
    for (let i = 0; i < shape.body.length; i += CHECK_SLICE) {
      const checked = checkRecords(shape.columns, shape.body.slice(i, i + CHECK_SLICE), importCellCheck);
      rows.push(...checked.rows);
      problems.push(...checked.problems);
      await jobs.update(stillRunning, { processedRows: Math.min(i + CHECK_SLICE, shape.body.length) });
      // let requests in between slices: on SQLite every await above completes synchronously, and
      // a 50,000-row check would otherwise hold the event loop for seconds (the poll included)
      await nextTurn();
    }
    if (dryRun || problems.length > 0) return await fail(problems, dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
    await jobs.update(stillRunning, { status: CardImportStatus.IMPORTING, processedRows: 0 });
    const groupIds: string[] = job.groupIds ? (JSON.parse(job.groupIds) as string[]) : [];
    const createdAt = runtime.clock.now();
    const written = await dataSource.transaction(async (manager) => {
      // first, so a second writer (a lease lost to a long pause) waits on the job row, then finds it done
      if (!(await finish(manager, { status: CardImportStatus.SUCCEEDED, processedRows: rows.length, importedRows: rows.length, dryRun: false }))) return false;
      await manager.delete(CardImportError, { jobId });
      const personOf = await existingPersons(manager, job.tenantId);
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const batch = rows.slice(i, i + INSERT_BATCH).map(({ fields }) => {
          const id = randomUUID();
          const keys = samePersonKeys(fields);
          const personId = keys.map((k) => personOf.get(k)).find(Boolean) ?? id;
          for (const key of keys) if (!personOf.has(key)) personOf.set(key, personId);
          return { id, tenantId: job.tenantId, ownerId: job.userId, ...fields, state: 'VERIFIED' as const, groupLimited: groupIds.length > 0, personId, searchText: searchTextOf(fields), createdAt };
        });
        await manager.insert(Card, batch);
        if (groupIds.length > 0) await manager.insert(CardGroup, batch.flatMap((card) => groupIds.map((groupId) => ({ cardId: card.id, groupId }))));
      }
      return true;
    });
    if (written) await deleteImportFile(runtime.store, job);
  } catch (error) {
    runtime.logger.error('card import failed', { jobId, error: error instanceof Error ? error.stack : String(error) });
    if (dataSource.isInitialized) {
      await fail([{ line: 0, field: null, reasons: [{ key: 'importStoppedOnError' }] }], CardImportStatus.FAILED).catch(() => undefined);
    }
  }
}

/** Same person across the import and the cards already there: key -> personId. */
async function existingPersons(manager: EntityManager, tenantId: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const existing = await manager.getRepository(Card).find({ select: { id: true, name: true, company: true, email: true, personId: true }, where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  for (const card of existing) {
    for (const key of samePersonKeys(card)) if (!map.has(key)) map.set(key, card.personId ?? card.id);
  }
  return map;
}
