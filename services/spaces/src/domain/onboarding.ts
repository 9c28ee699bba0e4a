import { createHash } from 'node:crypto';
import type { Refusal } from './spaces.js';

/** T4: names a vendor operator may never give a tenant (they are, or will be, the vendor's own hosts). */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set(['www', 'api', 'app', 'admin', 'mail', 'support', 'status', 'kyodo', 'graphql', 'files', 'internal', 'metrics', 'login']);

/** T4 (our policy): every `kyodo-…` name is kept for the vendor's own hosts too (kyodo-status, kyodo-cdn…). */
export const RESERVED_SUBDOMAIN_PREFIX = 'kyodo-';

export const SUBDOMAIN_MIN_LENGTH = 3;
export const SUBDOMAIN_MAX_LENGTH = 32;

/** Sub-domains are compared and stored trimmed and lower-cased, as sign-in reads them. */
export function normaliseSubdomain(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * T4: why a (normalised) sub-domain cannot be a new tenant's, or null when it can: 3-32 lower-case
 * letters, digits and hyphens, starting with a letter, with no trailing or double hyphen, and not
 * reserved. That it was never used before is checked against the tenants (they are never deleted).
 */
export function refuseSubdomain(subdomain: string): Refusal {
  if (subdomain.length < SUBDOMAIN_MIN_LENGTH || subdomain.length > SUBDOMAIN_MAX_LENGTH) {
    return { key: 'subdomainLength', params: { min: SUBDOMAIN_MIN_LENGTH, max: SUBDOMAIN_MAX_LENGTH } };
  }
  if (!/^[a-z0-9-]+$/.test(subdomain)) return { key: 'subdomainCharacters' };
  if (!/^[a-z]/.test(subdomain)) return { key: 'subdomainStart' };
  if (subdomain.endsWith('-')) return { key: 'subdomainTrailingHyphen' };
  if (subdomain.includes('--')) return { key: 'subdomainDoubleHyphen' };
  if (RESERVED_SUBDOMAINS.has(subdomain) || subdomain.startsWith(RESERVED_SUBDOMAIN_PREFIX)) return { key: 'subdomainReserved', params: { subdomain } };
  return null;
}

/** Fixed namespace of tenant ids derived from sub-domains (a random UUID chosen once for Kyodo). */
const TENANT_ID_NAMESPACE = '6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';

/**
 * The id a new tenant gets, derived from its sub-domain (an RFC 4122 name-based UUID, version 5).
 * A sub-domain names one tenant for ever (T4), so a retried onboarding that failed after licensing
 * created the base contract (the mail server was down, say) names the same tenant again, and
 * licensing's idempotent createBaseContract answers with the contract it already has.
 */
export function tenantIdFor(subdomain: string): string {
  const namespace = Buffer.from(TENANT_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(subdomain, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** T5: the most seats a base contract may hold (licensing's bound, issue 18: the largest invoice fits its columns). */
export const MAX_MEMBER_SEATS = 10_000;

/**
 * T5: refuses a new tenant's seat count past the limit, naming it, before anything is written;
 * null otherwise (the minimum of 5 is licensing's check, made when it creates the contract).
 */
export function refuseMemberSeats(memberSeats: number): Refusal {
  if (memberSeats <= MAX_MEMBER_SEATS) return null;
  return { key: 'memberSeatsTooMany', params: { max: MAX_MEMBER_SEATS.toLocaleString('en-US'), seats: memberSeats.toLocaleString('en-US') } };
}

/**
 * T5: adding a member is refused when the active members already fill the seats in force, or the
 * seats in force from a later day a seat decrease already ordered takes effect (`from`, named).
 */
export function refuseMemberBeyondSeats(activeMembers: number, memberSeats: number, from: string | null = null): Refusal {
  if (activeMembers + 1 <= memberSeats) return null;
  if (from) return { key: 'memberSeatLimitFrom', params: { seats: memberSeats, from, active: activeMembers } };
  return { key: 'memberSeatLimit', params: { seats: memberSeats, active: activeMembers } };
}

/** T2: a tenant keeps at least one administrator, so someone can always manage it. */
/** T2: the last administrator cannot stop being one (the tenant would have none). */
export function refuseDemotingAdmin(member: { isAdmin: boolean }, makeAdmin: boolean, activeAdmins: number): Refusal {
  if (member.isAdmin && !makeAdmin && activeAdmins <= 1) return { key: 'lastAdminDemotion' };
  return null;
}

export function refuseRemovingMember(member: { isAdmin: boolean }, activeAdmins: number): Refusal {
  if (member.isAdmin && activeAdmins <= 1) return { key: 'lastAdminRemoval' };
  return null;
}
