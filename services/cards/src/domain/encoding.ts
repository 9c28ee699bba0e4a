import iconv from 'iconv-lite';

export const CSV_ENCODINGS = ['UTF8', 'SHIFT_JIS', 'AUTO'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * C4: Japanese exports are often Shift_JIS (Windows-31J). AUTO takes UTF-8 when the bytes are
 * valid UTF-8 (BOM or not), else Shift_JIS (cp932, a superset with the NEC/IBM extensions).
 */
export function decodeCsv(bytes: Buffer, encoding: CsvEncoding): { text: string; encoding: 'UTF8' | 'SHIFT_JIS' } {
  if (encoding === 'UTF8' || (encoding === 'AUTO' && isUtf8(bytes))) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF8' };
  return { text: iconv.decode(bytes, 'cp932'), encoding: 'SHIFT_JIS' };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
