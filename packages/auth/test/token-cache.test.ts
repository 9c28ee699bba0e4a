import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type SigningKeys, type Viewer } from '../src/index.js';

/**
 * Verified tokens are remembered (jwt.ts, createTokenVerifier): the gateway and every subgraph
 * check the same token on each request. A remembered token must still stop at its exp, the cache
 * must stay bounded, and a key taken out of the JWKS must stop validating.
 */

const viewer: Viewer = { userId: 'u1', tenantId: 't1', kind: 'MEMBER', roles: ['ADMIN'] };
const T0 = new Date('2026-06-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('token verification cache', () => {
  it('answers a token seen before from the cache (the same verified viewer, no second signature check)', async () => {
    const keys = await generateSigningKeys();
    const token = await createTokenIssuer(keys, 60).sign(viewer, { now: T0 });
    const verifier = createTokenVerifier(keys);
    const first = await verifier.verify(token, { now: at(1) });
    expect(first).toEqual(viewer);
    expect(await verifier.verify(token, { now: at(2) })).toBe(first);
    // the shared answer cannot be changed by one request for the next
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    // without a cache each call checks the signature again: a new object each time
    const uncached = createTokenVerifier(keys, { cacheSize: 0 });
    expect(await uncached.verify(token, { now: at(1) })).not.toBe(await uncached.verify(token, { now: at(1) }));
  });

  it('refuses a cached token from its exp on, as an expired one, with the injected clock', async () => {
    const keys = await generateSigningKeys();
    const token = await createTokenIssuer(keys, 60).sign(viewer, { now: T0 });
    let now = at(1);
    const verifier = createTokenVerifier(keys, { clock: () => now });
    await expect(verifier.verify(token)).resolves.toEqual(viewer);
    now = new Date(at(60).getTime() - 1);
    await expect(verifier.verify(token)).resolves.toEqual(viewer);
    now = at(60);
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    await expect(verifier.verify(token, { now: at(61) })).rejects.toMatchObject({ reason: 'expired' });
  });

  it('holds at most cacheSize tokens: the least recently used one is verified again', async () => {
    const keys = await generateSigningKeys();
    const issuer = createTokenIssuer(keys, 600);
    const tokens = await Promise.all([0, 1, 2].map((i) => issuer.sign({ ...viewer, userId: `u${i}` }, { now: at(i) })));
    const verifier = createTokenVerifier(keys, { cacheSize: 2 });
    const first = await verifier.verify(tokens[0]!, { now: at(5) });
    const second = await verifier.verify(tokens[1]!, { now: at(5) });
    await verifier.verify(tokens[2]!, { now: at(5) });
    expect(await verifier.verify(tokens[1]!, { now: at(5) })).toBe(second);
    const again = await verifier.verify(tokens[0]!, { now: at(5) });
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  describe('with a JWKS endpoint', () => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      server = undefined;
    });

    async function serveKeys(initial: SigningKeys[]): Promise<{ url: string; set(keys: SigningKeys[]): void }> {
      let current = initial;
      server = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: current.map((k) => k.publicJwk) }));
      });
      await new Promise<void>((done) => server!.listen(0, '127.0.0.1', () => done()));
      return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/.well-known/jwks.json`, set: (keys) => (current = keys) };
    }

    it('refuses a cached token once its signing key is removed from the key set (after jwksMaxAgeMs)', async () => {
      const [oldKey, newKey] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
      const jwks = await serveKeys([oldKey, newKey]);
      const verifier = createTokenVerifier({ jwksUrl: jwks.url }, { jwksMaxAgeMs: 100 });
      const oldToken = await createTokenIssuer(oldKey).sign(viewer);
      const newToken = await createTokenIssuer(newKey).sign(viewer);
      const cached = await verifier.verify(oldToken);
      expect(await verifier.verify(oldToken)).toBe(cached);
      await verifier.verify(newToken);

      jwks.set([newKey]);
      await new Promise((r) => setTimeout(r, 250));
      await expect(verifier.verify(oldToken)).rejects.toMatchObject({ reason: 'invalid' });
      await expect(verifier.verify(newToken)).resolves.toEqual(viewer);
    });
  });
});
