import { kitRefusals } from './kit-refusals.js';

/**
 * One pagination for every subgraph's lists (cards, the support queue...): the same cursor format,
 * page sizes and messages everywhere.
 *
 * Opaque cursors: base64url JSON, so a client cannot build one and we can change the inside.
 */
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (value && typeof value === 'object' && keys.every((k) => typeof value[k] === 'string')) return value as Record<K, string>;
  } catch {
    // reported below with the same message as a well-formed but foreign cursor
  }
  throw kitRefusals.refuse('foreignCursor');
}

export function cursorDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw kitRefusals.refuse('foreignCursor');
  return date;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw kitRefusals.refuse('pageSize', { max: MAX_PAGE, value: String(size) });
  return size;
}
