/**
 * T4: the operators' tenant search. The same folding as cards' search (card-fields.ts): NFKC
 * (ＡＢＣ -> abc, ｶﾀｶﾅ -> カタカナ), lower case, katakana -> hiragana, spaces squeezed; the term and
 * each tenant's name and sub-domain are folded alike, so ＫＡＥＤＥ finds kaede-kogyo.
 */
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

export const MAX_TENANT_SEARCH = 200;

/** Whether a tenant's name or sub-domain contains the (folded) term; a blank term finds every tenant. */
export function tenantMatches(tenant: { name: string; subdomain: string }, term: string): boolean {
  const folded = normaliseForSearch(term);
  if (!folded) return true;
  return [tenant.name, tenant.subdomain].some((v) => normaliseForSearch(v).includes(folded));
}

export interface TenantPosition {
  /** ISO 8601 UTC of its creation */
  at: string;
  id: string;
}

/** Newest onboarded first, ties by id: the order of the operators' list and of its cursor. */
export function compareTenants(a: TenantPosition, b: TenantPosition): number {
  return a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;
}

/** One page: the tenants after `after` (exclusive) in that order, `size` of them, and whether more follow. */
export function pageOfTenants<T extends TenantPosition>(sorted: readonly T[], after: TenantPosition | null, size: number): { page: T[]; hasNextPage: boolean } {
  const rest = after ? sorted.filter((t) => compareTenants(t, after) > 0) : sorted;
  return { page: rest.slice(0, size), hasNextPage: rest.length > size };
}
