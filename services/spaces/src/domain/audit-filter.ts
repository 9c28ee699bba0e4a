import type { AuditFilter } from '@kyodo/subgraph-kit';

/** The vendor's days (A1 filters by the calendar day people read in the console: Asia/Tokyo, no daylight saving). */
const TOKYO_OFFSET = '+09:00';

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * A1: the audit log's filter as each subgraph reads it: `from` and `to` are calendar days in
 * Tokyo, both inclusive, turned into the instants entries are stored at (from's midnight, and
 * the midnight after `to`). Blank parts filter nothing.
 */
export function auditFilterOf(input: { action?: string | null; tenantId?: string | null; from?: string | null; to?: string | null }): AuditFilter {
  const action = input.action?.trim() || null;
  const tenantId = input.tenantId?.trim() || null;
  return {
    action,
    tenantId,
    atFrom: input.from ? new Date(`${input.from}T00:00:00${TOKYO_OFFSET}`).toISOString() : null,
    atBefore: input.to ? new Date(`${nextDay(input.to)}T00:00:00${TOKYO_OFFSET}`).toISOString() : null,
  };
}
