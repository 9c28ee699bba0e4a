/**
 * The consoles' own presentation rules (plain functions, unit-tested in test/console-rules.test.ts).
 * The subgraphs decide everything that matters; these only sort and filter their answers.
 */

export interface AuditFilter {
  /** An exact action ('member.add'), or '' for any (the API filters: auditLog(action)). */
  action: string;
  /** Part of the actor's name or address, any case (filtered here: the API has no actor filter). */
  actor: string;
  /** 'YYYY-MM-DD' (Asia/Tokyo), inclusive; '' for no bound (the API filters: auditLog(from, to)). */
  from: string;
  to: string;
  /** Operators only: one tenant's entries (the API filters: auditLog(tenantId)). */
  tenantId: string;
}

/** A1: the filter's parts `auditLog` takes, blanks left out. */
export function auditQueryOf(filter: AuditFilter, acrossTenants: boolean): { action?: string; tenantId?: string; from?: string; to?: string } {
  const action = filter.action.trim();
  const tenantId = filter.tenantId.trim();
  return { ...(action ? { action } : {}), ...(acrossTenants && tenantId ? { tenantId } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) };
}

/** A1: the entries loaded (already filtered by the API) whose actor's name or address contains `actor`, any case. */
export function filterByActor<T extends { actor: { display: string } }>(entries: readonly T[], actor: string): T[] {
  const wanted = actor.trim().toLowerCase();
  return wanted ? entries.filter((e) => e.actor.display.toLowerCase().includes(wanted)) : [...entries];
}

/** The actions the filter offers: every action the app has words for, and any other the loaded entries show (a new one). */
export function auditActionChoices(known: readonly string[], loaded: readonly { action: string }[]): string[] {
  return [...new Set([...known, ...loaded.map((e) => e.action)])].sort();
}

/** T4/L8, issue 18 #6: where a tenant's base contract stands, as the operators' list shows it. */
export type ContractPhase = 'PENDING' | 'ACTIVE' | 'CANCELLING' | 'CANCELLED';

export function contractPhase(contract: { status: string; pending: boolean; cancelledOn?: string | null }): ContractPhase {
  if (contract.pending) return 'PENDING';
  if (contract.status === 'CANCELLED') return 'CANCELLED';
  return contract.cancelledOn ? 'CANCELLING' : 'ACTIVE';
}

/** The billing period a run defaults to: this month in Asia/Tokyo ('YYYY-MM'). */
export function currentPeriod(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}
