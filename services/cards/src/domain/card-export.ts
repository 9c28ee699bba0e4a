import { csvField, neutraliseFormula } from './csv.js';

/** C5: every field of a card, in the column names the import reads back (C4), plus what only an export has. */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'nameReading',
  'company',
  'department',
  'title',
  'addresses',
  'phones',
  'email',
  'url',
  'notes',
  'language',
  'exchangedOn',
  'state',
  'ownerId',
  'visibleToGroupIds',
  'frontImage',
  'backImage',
  'createdAt',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/**
 * C5: UTF-8 with a BOM (Excel in Japan opens it right), CRLF lines, lists joined with ";" as the
 * import splits them. Every text cell goes through neutraliseFormula (no cell of a file meant for
 * Excel may start a formula); the import (C4) strips that mark again.
 */
export function exportCsv(rows: ExportRow[]): string {
  const cell = (value: ExportRow[keyof ExportRow]) => csvField(typeof value === 'string' ? neutraliseFormula(value) : value);
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((row) => EXPORT_COLUMNS.map((c) => cell(row[c])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
