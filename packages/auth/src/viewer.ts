/** Who is asking: the verified claims of a Kyodo access token. */
export type UserKind = 'MEMBER' | 'GUEST';

/** ADMIN: a tenant's administrator. SUPPORT_AGENT, VENDOR_ADMIN: the vendor's staff (support desk; back office: billing, onboarding). */
export const ROLES = ['ADMIN', 'SUPPORT_AGENT', 'VENDOR_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * C6: what an integration token may do. A token with scopes is limited to them; a normal
 * sign-in carries none and may do whatever its user may.
 */
export const SCOPES = ['cards:read'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * I1: the languages Kyodo speaks. A session token carries its user's (claim `lng`: the user's
 * locale, else the tenant's, fixed at sign-in); refusals are written in it.
 */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export interface Viewer {
  userId: string;
  tenantId: string;
  kind: UserKind;
  roles: Role[];
  /** Only on integration tokens (C6): what the token is limited to. Absent: a normal session. */
  scopes?: Scope[];
  /** Only on integration tokens: the stored token id (`jti`), so spaces can check it is not revoked. */
  tokenId?: string;
  /**
   * The user's access version when the token was signed (claim `av`; absent: 0). Spaces raises a
   * user's version when their access changes (removal, role, password, suspension); every service
   * refuses a token whose version is below the current one (subgraph-kit access-guard.ts).
   */
  accessVersion?: number;
  /** I1: the language the person reads (claim `lng`); absent on older tokens (then Accept-Language decides). */
  language?: Language;
}

export function isScoped(viewer: Viewer | null | undefined): viewer is Viewer & { scopes: Scope[] } {
  return !!viewer && viewer.scopes !== undefined;
}

export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return !!viewer && viewer.kind === 'MEMBER' && viewer.roles.includes('ADMIN');
}

/** A vendor operator (back office): a member of the vendor tenant whom spaces signs in with VENDOR_ADMIN. */
export function isVendorAdmin(viewer: Viewer | null | undefined): boolean {
  return !!viewer && viewer.kind === 'MEMBER' && viewer.roles.includes('VENDOR_ADMIN');
}
