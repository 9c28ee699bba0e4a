import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { checkText, textKindOf, type Clock, type Logger } from '@kyodo/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { searchTextOf, samePersonKeys } from './domain/card-fields.js';
import { checkImportShape, checkRecords, type CellTextCheck, type ImportRowProblem } from './domain/card-import.js';
import { CsvSyntaxError, parseCsv } from './domain/csv.js';
import { decodeCsv, type CsvEncoding } from './domain/encoding.js';
import { CardGroup } from './entities/card-group.entity.js';
import { CardImportError, CardImportJob, CardImportStatus } from './entities/card-import-job.entity.js';
import { Card } from './entities/card.entity.js';
import { CreateCardInput } from './inputs/card.input.js';
import { randomUUID } from 'node:crypto';

/** C4: a cell is checked like the same field of createCard (C1): one line, or several for notes. */
const importCellCheck: CellTextCheck = (value, field) => checkText(value, field, textKindOf(CreateCardInput, field));

export const MAX_IMPORT_ROWS = 50_000;
const CHECK_SLICE = 1000;
const INSERT_BATCH = 500;

export function importDir(dataDir: string, jobId: string): string {
  return join(dataDir, 'cards', 'imports', jobId);
}

export async function storeImportPart(dataDir: string, jobId: string, part: number, bytes: Buffer): Promise<void> {
  const dir = importDir(dataDir, jobId);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${part}.part`), bytes);
}

async function readImportFile(dataDir: string, job: CardImportJob): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < job.parts; i++) parts.push(await readFile(join(importDir(dataDir, job.id), `${i}.part`)));
  return Buffer.concat(parts);
}

export interface ImportRuntime {
  dataSource: DataSource;
  dataDir: string;
  clock: Clock;
  logger: Logger;
}

/**
 * C4: reads the uploaded file, checks every row (progress saved as it goes), then either stops
 * (dry run: CHECKED; bad rows: FAILED, nothing written) or writes every row in one transaction.
 */
export async function runImportJob(runtime: ImportRuntime, jobId: string, dryRun: boolean): Promise<void> {
  const { dataSource } = runtime;
  const jobs = dataSource.getRepository(CardImportJob);
  const job = await jobs.findOneByOrFail({ id: jobId });
  const fail = async (problems: ImportRowProblem[], status: CardImportStatus) => {
    for (let i = 0; i < problems.length; i += INSERT_BATCH) {
      await dataSource.getRepository(CardImportError).insert(problems.slice(i, i + INSERT_BATCH).map((p) => ({ jobId, line: p.line, field: p.field, message: p.message.slice(0, 1000) })));
    }
    await jobs.update({ id: jobId }, { status, errorCount: problems.length });
  };
  try {
    await dataSource.getRepository(CardImportError).delete({ jobId });
    const decoded = decodeCsv(await readImportFile(runtime.dataDir, job), job.encoding as CsvEncoding);
    let records;
    try {
      records = parseCsv(decoded.text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) return await fail([{ line: error.line, field: null, message: error.message }], dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
      throw error;
    }
    const shape = checkImportShape(records, MAX_IMPORT_ROWS);
    await jobs.update({ id: jobId }, { encoding: decoded.encoding, totalRows: shape.body.length, processedRows: 0, errorCount: 0 });
    if (shape.problem) return await fail([shape.problem], dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
    const rows: ReturnType<typeof checkRecords>['rows'] = [];
    const problems: ImportRowProblem[] = [];
    for (let i = 0; i < shape.body.length; i += CHECK_SLICE) {
      const checked = checkRecords(shape.columns, shape.body.slice(i, i + CHECK_SLICE), importCellCheck);
      rows.push(...checked.rows);
      problems.push(...checked.problems);
      await jobs.update({ id: jobId }, { processedRows: Math.min(i + CHECK_SLICE, shape.body.length) });
      // let requests in between slices: on SQLite every await above completes synchronously, and
      // a 50,000-row check would otherwise hold the event loop for seconds (the poll included)
      await nextTurn();
    }
    if (dryRun || problems.length > 0) return await fail(problems, dryRun ? CardImportStatus.CHECKED : CardImportStatus.FAILED);
    await jobs.update({ id: jobId }, { status: CardImportStatus.IMPORTING, processedRows: 0 });
    const groupIds: string[] = job.groupIds ? (JSON.parse(job.groupIds) as string[]) : [];
    const createdAt = runtime.clock.now();
    await dataSource.transaction(async (manager) => {
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
      await manager.update(CardImportJob, { id: jobId }, { status: CardImportStatus.SUCCEEDED, processedRows: rows.length, importedRows: rows.length, dryRun: false });
    });
    await rm(importDir(runtime.dataDir, jobId), { recursive: true, force: true });
  } catch (error) {
    runtime.logger.error('card import failed', { jobId, error: error instanceof Error ? error.stack : String(error) });
    if (dataSource.isInitialized) {
      await fail([{ line: 0, field: null, message: 'The import stopped on an error on our side; nothing was imported. It has been logged; please try again.' }], CardImportStatus.FAILED).catch(() => undefined);
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
