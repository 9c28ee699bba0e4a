/**
 * The consoles' own presentation rules (plain functions, unit-tested in test/console-rules.test.ts).
 * The subgraphs decide everything that matters; these only sort and filter their answers.
 */

export interface AuditFilter {
  /** An exact action ('member.add'), or '' for any. */
  action: string;
  /** Part of the actor's name or address, any case. */
  actor: string;
  /** 'YYYY-MM-DD' (Asia/Tokyo), inclusive; '' for no bound. */
  from: string;
  to: string;
  tenantId: string;
}

interface AuditLike {
  at: string;
  action: string;
  tenantId?: string | null;
  actor: { display: string };
}

const tokyoDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

/** A1: `auditLog` pages only (no filter arguments), so the console filters the entries it loaded. */
export function filterAudit<T extends AuditLike>(entries: readonly T[], filter: AuditFilter): T[] {
  const actor = filter.actor.trim().toLowerCase();
  return entries.filter((e) => {
    if (filter.action && e.action !== filter.action) return false;
    if (actor && !e.actor.display.toLowerCase().includes(actor)) return false;
    const day = tokyoDay(e.at);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    if (filter.tenantId.trim() && e.tenantId !== filter.tenantId.trim()) return false;
    return true;
  });
}

export interface OnboardedTenant {
  id: string;
  subdomain: string;
  name: string;
  createdAt: string;
  /** the first administrator's email as onboarded (T4: where a new set-password link goes) */
  adminEmail: string | null;
  contract: { course?: string; billingCycle?: string; memberSeats?: number; startsOn?: string } | null;
}

/**
 * T4: the tenants operators onboarded, read from the audit log's `tenant.create` entries: the API
 * has no tenant list for operators yet, so this is the console's one source (newest first).
 */
export function tenantsFromAudit(entries: readonly { action: string; at: string; tenantId?: string | null; after?: string | null }[]): OnboardedTenant[] {
  const tenants: OnboardedTenant[] = [];
  for (const e of entries) {
    if (e.action !== 'tenant.create' || !e.tenantId) continue;
    let after: { subdomain?: string; name?: string; admin?: { email?: string }; contract?: OnboardedTenant['contract'] } = {};
    try {
      after = JSON.parse(e.after ?? '{}') as typeof after;
    } catch {
      // an entry written by an older version: list the tenant by id
    }
    tenants.push({ id: e.tenantId, subdomain: after.subdomain ?? '', name: after.name ?? e.tenantId, createdAt: e.at, adminEmail: after.admin?.email ?? null, contract: after.contract ?? null });
  }
  return tenants;
}

/** Finds tenants by name, sub-domain or id, any case and width (ＡＢＣ finds abc). */
export function searchTenants<T extends { id: string; subdomain: string; name: string }>(tenants: readonly T[], query: string): T[] {
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return [...tenants];
  return tenants.filter((t) => [t.name, t.subdomain, t.id].some((v) => v.normalize('NFKC').toLowerCase().includes(q)));
}

/** The billing period a run defaults to: this month in Asia/Tokyo ('YYYY-MM'). */
export function currentPeriod(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}
