import { peerClientFor, type AuditEntryRecord, type AuditFilter } from '@kyodo/subgraph-kit';
import type { SpacesContext } from './context.js';

/**
 * A1: the other subgraphs that keep audit entries, and the internal query each answers (see
 * createAuditRecordsResolver in subgraph-kit). The documents are exported so tests send exactly
 * these, and the peer-query check validates them against each published schema.
 */
export const AUDIT_PEER_QUERIES = {
  licensing: `query LicensingAudit($first: Int, $after: String, $action: String, $tenantId: ID, $atFrom: String, $atBefore: String) { licensingAuditRecords(first: $first, after: $after, action: $action, tenantId: $tenantId, atFrom: $atFrom, atBefore: $atBefore) { id at actorId actorTenantId tenantId action subject before after } }`,
  cards: `query CardsAudit($first: Int, $after: String, $action: String, $tenantId: ID, $atFrom: String, $atBefore: String) { cardsAuditRecords(first: $first, after: $after, action: $action, tenantId: $tenantId, atFrom: $atFrom, atBefore: $atBefore) { id at actorId actorTenantId tenantId action subject before after } }`,
  support: `query SupportAudit($first: Int, $after: String, $action: String, $tenantId: ID, $atFrom: String, $atBefore: String) { supportAuditRecords(first: $first, after: $after, action: $action, tenantId: $tenantId, atFrom: $atFrom, atBefore: $atBefore) { id at actorId actorTenantId tenantId action subject before after } }`,
} as const;

type AuditRow = Pick<AuditEntryRecord, 'id' | 'at' | 'actorId' | 'actorTenantId' | 'tenantId' | 'action' | 'subject' | 'before' | 'after'>;

/**
 * One page (up to first + 1 entries after the cursor) from every other subgraph, each asked with
 * the viewer's own token so it applies the same visibility (A1). A subgraph that cannot be reached
 * fails the whole read (SERVICE_UNAVAILABLE): a log with silent holes would mislead an auditor.
 */
export async function peerAuditPages(ctx: SpacesContext, first: number, after: string | null, filter: AuditFilter = {}): Promise<AuditRow[][]> {
  const client = peerClientFor(ctx);
  return Promise.all(
    (Object.entries(AUDIT_PEER_QUERIES) as Array<[keyof typeof AUDIT_PEER_QUERIES, string]>).map(async ([peer, query]) => {
      const data = await client.request<Partial<Record<string, AuditRow[]>>>(peer, query, { first, after, action: filter.action ?? null, tenantId: filter.tenantId ?? null, atFrom: filter.atFrom ?? null, atBefore: filter.atBefore ?? null }, { token: ctx.token, purpose: 'read the audit log' });
      return data[`${peer}AuditRecords`] ?? [];
    }),
  );
}
