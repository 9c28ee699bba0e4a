import { SignJWT, jwtVerify, createRemoteJWKSet, errors as joseErrors, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { JWT_ALG, type SigningKeys, type VerificationKey } from './keys.js';
import { ROLES, SCOPES, isLanguage, type Role, type Scope, type UserKind, type Viewer } from './viewer.js';

export const TOKEN_ISSUER = 'kyodo:spaces';
export const TOKEN_AUDIENCE = 'kyodo';
/** Access tokens are short-lived; clients refresh or sign in again. */
export const DEFAULT_TOKEN_TTL_SECONDS = 15 * 60;

export class TokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid',
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface TokenIssuer {
  sign(viewer: Viewer, options?: { ttlSeconds?: number; now?: Date }): Promise<string>;
  readonly ttlSeconds: number;
  /** Served as JWKS by the signing service, so verifiers can fetch it. */
  readonly publicJwk: SigningKeys['publicJwk'];
}

export interface TokenVerifier {
  verify(token: string, options?: { now?: Date }): Promise<Viewer>;
}

export function createTokenIssuer(keys: SigningKeys, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): TokenIssuer {
  return {
    ttlSeconds,
    publicJwk: keys.publicJwk,
    async sign(viewer, options = {}) {
      const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
      const claims: JWTPayload = { tid: viewer.tenantId, kind: viewer.kind, roles: viewer.roles };
      if (viewer.scopes !== undefined) claims.scope = viewer.scopes;
      if (viewer.accessVersion !== undefined && viewer.accessVersion > 0) claims.av = viewer.accessVersion;
      if (viewer.language !== undefined) claims.lng = viewer.language;
      const jwt = new SignJWT(claims);
      if (viewer.tokenId !== undefined) jwt.setJti(viewer.tokenId);
      return jwt
        .setProtectedHeader({ alg: JWT_ALG, kid: keys.kid, typ: 'JWT' })
        .setSubject(viewer.userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (options.ttlSeconds ?? ttlSeconds))
        .sign(keys.privateKey);
    },
  };
}

function toViewer(payload: JWTPayload): Viewer {
  const { sub, tid, kind, roles, scope, jti, av, lng } = payload as JWTPayload & { tid?: unknown; kind?: unknown; roles?: unknown; scope?: unknown; av?: unknown; lng?: unknown };
  const validKind = kind === 'MEMBER' || kind === 'GUEST';
  const validRoles = Array.isArray(roles) && roles.every((r) => (ROLES as readonly string[]).includes(r as string));
  const validVersion = av === undefined || (typeof av === 'number' && Number.isSafeInteger(av) && av >= 0);
  if (typeof sub !== 'string' || typeof tid !== 'string' || !validKind || !validRoles || !validVersion) {
    throw new TokenError('The access token is missing required claims.', 'invalid');
  }
  const viewer: Viewer = { userId: sub, tenantId: tid, kind: kind as UserKind, roles: roles as Role[] };
  if (typeof av === 'number' && av > 0) viewer.accessVersion = av;
  // a language this version does not speak is not a reason to refuse a signed token: Accept-Language decides
  if (isLanguage(lng)) viewer.language = lng;
  if (scope === undefined && jti === undefined) return viewer;
  // C6: an integration token names known scopes (at least one) and its stored id; anything else
  // is refused rather than read as a full session
  const validScope = Array.isArray(scope) && scope.length > 0 && scope.every((s) => (SCOPES as readonly string[]).includes(s as string));
  if (!validScope || typeof jti !== 'string' || !jti) {
    throw new TokenError('The integration token has unknown or missing scopes.', 'invalid');
  }
  return { ...viewer, scopes: scope as Scope[], tokenId: jti };
}

export interface TokenVerifierOptions {
  /** How many verified tokens are remembered (default 10,000; 0: none, every call verifies the signature). */
  cacheSize?: number;
  /** JWKS only: how long fetched keys are trusted before they are fetched again (default 5 minutes). */
  jwksMaxAgeMs?: number;
  /** The time a cached token's expiry is checked against when a call passes no `now`. */
  clock?: () => Date;
}

interface VerifiedToken {
  viewer: Viewer;
  /** The token's exp claim, seconds. */
  exp: number;
  /** The key id it was verified with (JWKS: a hit is served only while the key set still has it). */
  kid: string | undefined;
}

const DEFAULT_TOKEN_CACHE_SIZE = 10_000;
/** Token characters the cache holds at most: a header can carry a 16 KB token, and 10,000 of those is too much memory. */
const TOKEN_CACHE_MAX_CHARS = 8 * 1024 * 1024;

function frozenViewer(viewer: Viewer): Viewer {
  Object.freeze(viewer.roles);
  if (viewer.scopes) Object.freeze(viewer.scopes);
  return Object.freeze(viewer);
}

/**
 * Verify with a known public key, or with a JWKS endpoint (keys fetched and cached by jose).
 *
 * An ES256 signature check costs about a third of a millisecond of CPU, on every request, in the
 * gateway and again in each subgraph it reaches; a client sends the same token for its whole
 * lifetime. So each verified token is remembered (a bounded LRU, by count and by size) with what
 * it proved, under this rule: a remembered token is accepted only
 * - before its exp (the same second boundary as jose's check: expired from exp on), and
 * - while the key that verified it is still trusted. A fixed key (JWT_PUBLIC_KEY, dev keys) is
 *   trusted for the process's life: replacing it means a restart, which empties the cache. With
 *   JWKS, the key set is fetched again once it is older than `jwksMaxAgeMs`, and a token whose
 *   key id is no longer in it is verified from scratch, and so refused: a removed key stops
 *   validating within the same bound as without the cache.
 * Refusals are never remembered. What the token only names (C6's integration token id, checked
 * against the stored tokens by the service; the access version `av`, checked against the user's
 * current one by subgraph-kit access-guard.ts) is still checked per request by the caller: the
 * cache proves the signature, never that the person may still act.
 */
export function createTokenVerifier(source: VerificationKey | { jwksUrl: string }, options: TokenVerifierOptions = {}): TokenVerifier {
  const remote = 'jwksUrl' in source ? createRemoteJWKSet(new URL(source.jwksUrl), { cacheMaxAge: options.jwksMaxAgeMs ?? 5 * 60_000 }) : undefined;
  const clock = options.clock ?? (() => new Date());
  const cacheSize = options.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE;
  const cache = cacheSize > 0 ? new LRUCache<string, VerifiedToken>({ max: cacheSize, maxSize: TOKEN_CACHE_MAX_CHARS, sizeCalculation: (_, token) => token.length }) : undefined;

  async function keyStillTrusted(kid: string | undefined): Promise<boolean> {
    if (!remote) return true;
    if (!remote.fresh) {
      try {
        await remote.reload();
      } catch {
        return false; // verified from scratch: jose reports the unreachable key set as it always has
      }
    }
    return kid !== undefined && (remote.jwks()?.keys ?? []).some((jwk) => jwk.kid === kid);
  }

  async function verifyFully(token: string, now: Date): Promise<VerifiedToken> {
    const checks = { algorithms: [JWT_ALG], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, currentDate: now };
    try {
      const { payload, protectedHeader } = remote ? await jwtVerify(token, remote, checks) : await jwtVerify(token, (source as VerificationKey).publicKey, checks);
      // jwtVerify with an expiry-less token would be valid forever: not remembered (exp 0)
      return { viewer: frozenViewer(toViewer(payload)), exp: typeof payload.exp === 'number' ? payload.exp : 0, kid: protectedHeader.kid };
    } catch (error) {
      if (error instanceof TokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) {
        throw new TokenError('The access token has expired; sign in again.', 'expired');
      }
      throw new TokenError('The access token is not valid.', 'invalid');
    }
  }

  return {
    async verify(token, verifyOptions = {}) {
      const now = verifyOptions.now ?? clock();
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const hit = cache?.get(token);
      if (hit) {
        if (nowSeconds < hit.exp && (await keyStillTrusted(hit.kid))) return hit.viewer;
        cache!.delete(token);
      }
      const verified = await verifyFully(token, now);
      if (cache && nowSeconds < verified.exp) cache.set(token, verified);
      return verified.viewer;
    },
  };
}

/** Reads `Authorization: Bearer <token>`; returns null when no token is sent. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new TokenError('The Authorization header must be "Bearer <token>".', 'invalid');
  return match[1] ?? null;
}
