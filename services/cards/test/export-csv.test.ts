import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, exportCsv, type ExportRow } from '../src/domain/card-export.js';
import { checkImportShape, checkRecords } from '../src/domain/card-import.js';
import { parseCsv } from '../src/domain/csv.js';

function row(fields: Partial<ExportRow>): ExportRow {
  const empty = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as ExportRow;
  return { ...empty, id: '00000000-0000-4000-8000-00000000c501', language: 'ja', state: 'READ', createdAt: '2026-01-02T03:04:05.000Z', ...fields };
}

const HOSTILE = {
  name: '=HYPERLINK("http://evil.example/?x","x")',
  company: '@SUM(1+1)*cmd|x!A0',
  department: '-2+3+cmd|\' /C calc\'!A0',
  title: '+1+1',
  notes: '\t=1+1',
  addresses: '\r=1+1',
};

describe('C5 export is safe to open in a spreadsheet (OWASP CSV injection)', () => {
  it('C5: no cell of the export starts with =, +, -, @, tab or CR; each such text cell is prefixed with a single quote', () => {
    const csv = exportCsv([row({ ...HOSTILE, phones: '+81-3-1234-5678;+81-6-0000-0000' })]);
    const [header, exported] = parseCsv(csv);
    for (const cell of exported!.fields) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const col = (name: string) => exported!.fields[header!.fields.indexOf(name)];
    expect(col('name')).toBe(`'${HOSTILE.name}`);
    expect(col('company')).toBe(`'${HOSTILE.company}`);
    expect(col('department')).toBe(`'${HOSTILE.department}`);
    expect(col('title')).toBe("'+1+1");
    expect(col('notes')).toBe("'\t=1+1");
    expect(col('addresses')).toBe("'\r=1+1");
    expect(col('phones')).toBe("'+81-3-1234-5678;+81-6-0000-0000");
  });

  it('C5: the full-width formula signs a Japanese IME types (＝ ＋ － ＠) are neutralised too, and read back unchanged (C4)', () => {
    const fullWidth = { name: '＝HYPERLINK("http://evil.example/","x")', company: '＋1＋1', department: '－2＋3', title: '＠SUM(A1)' };
    const csv = exportCsv([row(fullWidth)]);
    const [header, exported] = parseCsv(csv);
    const col = (name: string) => exported!.fields[header!.fields.indexOf(name)];
    for (const [name, value] of Object.entries(fullWidth)) expect(col(name)).toBe(`'${value}`);
    const shape = checkImportShape(parseCsv(csv), 10);
    expect(checkRecords(shape.columns, shape.body).rows[0]!.fields).toMatchObject(fullWidth);
  });

  it('C5: ordinary cells are exported unchanged (no quote mark where none is needed)', () => {
    const csv = exportCsv([row({ name: '山田 太郎', company: "O'Reilly Japan", phones: '03-1234-5678', notes: "'quoted' at the start" })]);
    const [header, exported] = parseCsv(csv);
    const col = (name: string) => exported!.fields[header!.fields.indexOf(name)];
    expect([col('name'), col('company'), col('phones'), col('notes')]).toEqual(['山田 太郎', "O'Reilly Japan", '03-1234-5678', "'quoted' at the start"]);
  });

  it('C4/C5: importing our own export gives back exactly the fields that were exported, formula-looking ones included', () => {
    const exported = row({ name: '=HYPERLINK("http://evil.example/?x","x")', company: '@SUM(1+1)*cmd|x!A0', department: '-', title: "'+ already marked", phones: '+81-3-1234-5678;+81-6-0000-0000', notes: "'90s hits" });
    const records = parseCsv(exportCsv([exported]));
    const shape = checkImportShape(records, 10);
    expect(shape.problem).toBeNull();
    const { rows, problems } = checkRecords(shape.columns, shape.body);
    expect(problems).toEqual([]);
    expect(rows[0]!.fields).toMatchObject({
      name: '=HYPERLINK("http://evil.example/?x","x")',
      company: '@SUM(1+1)*cmd|x!A0',
      department: '-',
      title: "'+ already marked",
      phones: ['+81-3-1234-5678', '+81-6-0000-0000'],
      notes: "'90s hits",
    });
  });
});
