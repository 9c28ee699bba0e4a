import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bearerToken,
  createTokenIssuer,
  createTokenVerifier,
  generateSigningKeys,
  hashPassword,
  isValidGatewayCredential,
  loadOrCreateDevKeys,
  verifyPassword,
  type Viewer,
} from '../src/index.js';

const viewer: Viewer = { userId: 'u1', tenantId: 't1', kind: 'MEMBER', roles: ['ADMIN'] };

describe('ES256 access tokens', () => {
  it('round-trips the viewer claims', async () => {
    const keys = await generateSigningKeys();
    const token = await createTokenIssuer(keys).sign(viewer);
    expect(token.split('.')).toHaveLength(3);
    await expect(createTokenVerifier(keys).verify(token)).resolves.toEqual(viewer);
  });

  it('refuses a token signed by another key', async () => {
    const token = await createTokenIssuer(await generateSigningKeys()).sign(viewer);
    await expect(createTokenVerifier(await generateSigningKeys()).verify(token)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('refuses an expired token and says so', async () => {
    const keys = await generateSigningKeys();
    const token = await createTokenIssuer(keys, 60).sign(viewer, { now: new Date('2026-01-01T00:00:00Z') });
    await expect(createTokenVerifier(keys).verify(token, { now: new Date('2026-01-01T00:02:00Z') })).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('refuses a validly signed token without the Kyodo claims', async () => {
    const keys = await generateSigningKeys();
    const token = await new SignJWT({ kind: 'ROOT' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('kyodo:spaces')
      .setAudience('kyodo')
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    await expect(createTokenVerifier(keys).verify(token)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('C6: round-trips an integration token: scopes and the stored id (jti), absent on sessions', async () => {
    const keys = await generateSigningKeys();
    const scoped: Viewer = { ...viewer, roles: [], scopes: ['cards:read'], tokenId: 'tok-1' };
    const verifier = createTokenVerifier(keys);
    await expect(verifier.verify(await createTokenIssuer(keys).sign(scoped, { ttlSeconds: 365 * 24 * 3600 }))).resolves.toEqual(scoped);
    const session = await verifier.verify(await createTokenIssuer(keys).sign(viewer));
    expect(session).not.toHaveProperty('scopes');
    expect(session).not.toHaveProperty('tokenId');
  });

  it('C6: refuses unknown, empty or malformed scopes and a scope without a token id', async () => {
    const keys = await generateSigningKeys();
    const sign = (claims: Record<string, unknown>, jti?: string) => {
      const jwt = new SignJWT({ tid: 't1', kind: 'MEMBER', roles: [], ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('u1')
        .setIssuer('kyodo:spaces')
        .setAudience('kyodo')
        .setExpirationTime('5m');
      if (jti) jwt.setJti(jti);
      return jwt.sign(keys.privateKey);
    };
    const verifier = createTokenVerifier(keys);
    for (const token of [
      await sign({ scope: ['cards:write'] }, 't'),
      await sign({ scope: [] }, 't'),
      await sign({ scope: 'cards:read' }, 't'),
      await sign({ scope: ['cards:read'] }),
      await sign({}, 't'),
    ]) {
      await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'invalid' });
    }
  });

  it('parses bearer headers strictly', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic Zm9vOmJhcg==')).toThrow(/Bearer/);
  });
});

describe('dev keys', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('are created once and then reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kyodo-keys-'));
    dirs.push(dir);
    const first = await loadOrCreateDevKeys(dir);
    const second = await loadOrCreateDevKeys(dir);
    expect(second.kid).toBe(first.kid);
    expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['jwt-private.pem', 'jwt-public.pem']);
  });
});

describe('passwords (T3: stored only as a slow hash)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('gateway credential', () => {
  it('matches only the exact secret', () => {
    expect(isValidGatewayCredential('s3cret', 's3cret')).toBe(true);
    expect(isValidGatewayCredential('s3cret', 's3cret ')).toBe(false);
    expect(isValidGatewayCredential('s3cret', undefined)).toBe(false);
    expect(isValidGatewayCredential('', '')).toBe(false);
  });
});
