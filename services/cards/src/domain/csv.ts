/** C4: a small RFC 4180 CSV reader that keeps the line number each record starts on. */

export interface CsvRecord {
  /** 1-based physical line the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let fieldStarted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, `line ${recordLine}: a quoted field is never closed.`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** What an export puts before a formula-looking cell: Excel's own "this is text" mark. */
const TEXT_MARK = "'";
/**
 * C5: a cell starting with one of = + - @ tab CR is read as a formula by Excel, LibreOffice and
 * Google Sheets (OWASP "CSV Injection"): `=HYPERLINK(...)`, `@SUM(...)`, `+`/`-` expressions;
 * tab and CR because some readers skip them before looking for the sign. Their full-width forms
 * (＝ ＋ － ＠, typed by a Japanese IME) count too: Japanese Excel converts them and runs the formula. A cell that already
 * starts with marks before such a sign (`'=x`) gets one more, so the pair is exact:
 * restoreTextCell(neutraliseFormula(s)) === s for every s.
 */
const MARKABLE = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * C5: makes a text cell inert for spreadsheet programs by prefixing a single quote, as OWASP
 * advises for every such cell. Legitimate values are prefixed too (a phone `+81-3-...`, a
 * department `-`): telling them from formulas is exactly what cannot be done safely.
 * `restoreTextCell` undoes it on import, so our own export reads back unchanged (C4).
 */
export function neutraliseFormula(text: string): string {
  return MARKABLE.test(text) ? `${TEXT_MARK}${text}` : text;
}

/**
 * C4: undoes `neutraliseFormula` for a cell read from a CSV: a single quote before a formula
 * sign (or before more quotes and then one) is the mark an export added, not data. Any other
 * leading quote (`'90s` or a lone `'`) is kept. A file from another service whose cell really
 * begins `'=` loses that one quote: the price of reading our own exports back unchanged.
 */
export function restoreTextCell(text: string): string {
  return text.startsWith(TEXT_MARK) && MARKABLE.test(text.slice(1)) ? text.slice(1) : text;
}

/** Quotes a value for CSV output when it needs it (comma, quote, line break). */
export function csvField(value: string | number | null | undefined): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
