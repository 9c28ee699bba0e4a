import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { CardsRefusalKey } from '../refusals/refusals.js';
import { checkCardFields, type CardFields, type RawCardFields } from './card-fields.js';
import { restoreTextCell, type CsvRecord } from './csv.js';

/** C4: the columns an import reads, by English or Japanese header (exports of other services differ). */
const HEADER_ALIASES: Record<string, keyof CardFields> = {
  name: 'name',
  氏名: 'name',
  名前: 'name',
  namereading: 'nameReading',
  reading: 'nameReading',
  フリガナ: 'nameReading',
  ふりがな: 'nameReading',
  よみ: 'nameReading',
  company: 'company',
  会社名: 'company',
  department: 'department',
  部署: 'department',
  部署名: 'department',
  title: 'title',
  役職: 'title',
  addresses: 'addresses',
  address: 'addresses',
  住所: 'addresses',
  phones: 'phones',
  phone: 'phones',
  電話番号: 'phones',
  email: 'email',
  メールアドレス: 'email',
  メール: 'email',
  url: 'url',
  notes: 'notes',
  メモ: 'notes',
  language: 'language',
  言語: 'language',
  exchangedon: 'exchangedOn',
  交換日: 'exchangedOn',
};

/** Several addresses or phones in one cell are separated by ";". */
const LIST_SEPARATOR = ';';

/**
 * Why a line is bad: a refusal's key and parameters (I1: worded in the reader's language when the
 * report is written), or words already written (the kit's text check, in the current language).
 */
export type ImportReason = RefusalOf<CardsRefusalKey> | { text: string };

/** A bad line (0: the file as a whole could not be read) and why. */
export interface ImportRowProblem {
  line: number;
  field: string | null;
  reasons: ImportReason[];
}

export interface CheckedImport {
  rows: Array<{ line: number; fields: CardFields }>;
  problems: ImportRowProblem[];
}

/** Maps the header row to card fields; a file without a name column cannot be read at all. */
export function mapHeader(header: CsvRecord): { columns: Array<keyof CardFields | null>; problem: ImportRowProblem | null } {
  const columns = header.fields.map((h) => HEADER_ALIASES[h.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]/g, '')] ?? HEADER_ALIASES[h.trim()] ?? null);
  const problem: ImportRowProblem | null = columns.includes('name')
    ? null
    : { line: header.line, field: null, reasons: [{ key: 'importNoNameColumn', params: { columns: header.fields.join(', ') } }] };
  return { columns, problem };
}

/**
 * The text rule every argument goes through (subgraph-kit's checkText: no control characters,
 * NFC), handed in so this module stays plain; without it cells are taken as they are.
 */
export type CellTextCheck = (value: string, field: keyof CardFields) => { text: string; problem: null } | { text: null; problem: string };

/** C4: checks rows with the same rules as createCard (C1); each bad row is reported with its line and reason. */
export function checkRecords(columns: Array<keyof CardFields | null>, records: CsvRecord[], checkText?: CellTextCheck): CheckedImport {
  const rows: CheckedImport['rows'] = [];
  const problems: ImportRowProblem[] = [];
  for (const record of records) {
    if (record.fields.length > columns.length) {
      problems.push({ line: record.line, field: null, reasons: [{ key: 'importRowColumns', params: { count: record.fields.length, header: columns.length } }] });
      continue;
    }
    const raw: RawCardFields & Record<string, unknown> = {};
    const textProblems: string[] = [];
    let textField: keyof CardFields | null = null;
    columns.forEach((column, i) => {
      if (!column) return;
      // C4/C5: a cell our export marked as text (a leading ' before =, +, -, @) reads back as it was.
      let value = restoreTextCell(record.fields[i] ?? '');
      const checkedCell = checkText?.(value, column);
      if (checkedCell && checkedCell.problem !== null) {
        textProblems.push(checkedCell.problem);
        textField ??= column;
        return;
      }
      if (checkedCell) value = checkedCell.text;
      if (column === 'addresses' || column === 'phones') raw[column] = value.split(LIST_SEPARATOR);
      else if (column === 'language') raw.language = (value.trim().toLowerCase() || 'ja') as CardFields['language'];
      else raw[column] = value;
    });
    if (textProblems.length > 0) {
      problems.push({ line: record.line, field: textField, reasons: textProblems.map((text) => ({ text })) });
      continue;
    }
    const checked = checkCardFields(raw);
    if (checked.problems.length > 0) {
      problems.push({ line: record.line, field: checked.problems[0]!.field ?? null, reasons: checked.problems.map(({ key, params }) => ({ key, params })) });
    } else rows.push({ line: record.line, fields: checked.fields });
  }
  return { rows, problems };
}

/** The file as a whole: a header with a name column, at least one card, at most maxRows. */
export function checkImportShape(records: CsvRecord[], maxRows: number): { columns: Array<keyof CardFields | null>; body: CsvRecord[]; problem: ImportRowProblem | null } {
  const [header, ...body] = records;
  if (!header) return { columns: [], body: [], problem: { line: 1, field: null, reasons: [{ key: 'importFileEmpty' }] } };
  const { columns, problem } = mapHeader(header);
  if (problem) return { columns, body, problem };
  if (body.length === 0) return { columns, body, problem: { line: header.line, field: null, reasons: [{ key: 'importNoCards' }] } };
  if (body.length > maxRows) return { columns, body, problem: { line: 1, field: null, reasons: [{ key: 'importTooManyRows', params: { rows: body.length, max: maxRows } }] } };
  return { columns, body, problem: null };
}
