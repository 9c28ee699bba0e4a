import { SignJWT, jwtVerify, createRemoteJWKSet, errors as joseErrors, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { JWT_ALG, type SigningKeys, type VerificationKey } from './keys.js';
import { ROLES, SCOPES, type Role, type Scope, type UserKind, type Viewer } from './viewer.js';

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
  const { sub, tid, kind, roles, scope, jti } = payload as JWTPayload & { tid?: unknown; kind?: unknown; roles?: unknown; scope?: unknown };
  const validKind = kind === 'MEMBER' || kind === 'GUEST';
  const validRoles = Array.isArray(roles) && roles.every((r) => (ROLES as readonly string[]).includes(r as string));
  if (typeof sub !== 'string' || typeof tid !== 'string' || !validKind || !validRoles) {
    throw new TokenError('The access token is missing required claims.', 'invalid');
  }
  const viewer: Viewer = { userId: sub, tenantId: tid, kind: kind as UserKind, roles: roles as Role[] };
  if (scope === undefined && jti === undefined) return viewer;
  // C6: an integration token names known scopes (at least one) and its stored id; anything else
  // is refused rather than read as a full session
  const validScope = Array.isArray(scope) && scope.length > 0 && scope.every((s) => (SCOPES as readonly string[]).includes(s as string));
  if (!validScope || typeof jti !== 'string' || !jti) {
    throw new TokenError('The integration token has unknown or missing scopes.', 'invalid');
  }
  return { ...viewer, scopes: scope as Scope[], tokenId: jti };
}

/** Verify with a known public key, or with a JWKS endpoint (keys fetched and cached by jose). */
export function createTokenVerifier(source: VerificationKey | { jwksUrl: string }): TokenVerifier {
  const key: CryptoKey | JWTVerifyGetKey =
    'jwksUrl' in source ? createRemoteJWKSet(new URL(source.jwksUrl)) : source.publicKey;
  return {
    async verify(token, options = {}) {
      try {
        const { payload } = await jwtVerify(token, key as CryptoKey, {
          algorithms: [JWT_ALG],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          currentDate: options.now,
        });
        return toViewer(payload);
      } catch (error) {
        if (error instanceof TokenError) throw error;
        if (error instanceof joseErrors.JWTExpired) {
          throw new TokenError('The access token has expired; sign in again.', 'expired');
        }
        throw new TokenError('The access token is not valid.', 'invalid');
      }
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
