import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKeyEntry, generateTotpSecret, isSealed, loadOrCreateDevSecretKeys, parseSecretKeys, SecretBoxError } from '../src/index.js';

const OLD = generateSecretKeyEntry('k2025');
const NEW = generateSecretKeyEntry('k2026');

describe('secret box (TOTP secrets at rest)', () => {
  it('seals into a v1 envelope that holds nothing of the secret, and opens it again', () => {
    const box = createSecretBox(parseSecretKeys(NEW));
    const secret = generateTotpSecret();
    const sealed = box.seal(secret, 'totp:user-1');
    expect(sealed).toMatch(/^v1:k2026:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(secret)).toBe(false);
    expect(box.open(sealed, 'totp:user-1')).toBe(secret);
    // a fresh IV each time: the same secret never seals to the same text
    expect(box.seal(secret, 'totp:user-1')).not.toBe(sealed);
  });

  it('after rotation the new key seals and the old key still opens what it sealed', () => {
    const before = createSecretBox(parseSecretKeys(OLD));
    const sealed = before.seal('JBSWY3DPEHPK3PXP', 'totp:u');
    const after = createSecretBox(parseSecretKeys(`${NEW},${OLD}`));
    expect(after.sealingKeyId).toBe('k2026');
    expect(after.open(sealed, 'totp:u')).toBe('JBSWY3DPEHPK3PXP');
    expect(after.keyIdOf(after.seal('JBSWY3DPEHPK3PXP', 'totp:u'))).toBe('k2026');
  });

  it('fails closed with a clear error: a missing key, a different key under the same id, another row, an altered value', () => {
    const sealed = createSecretBox(parseSecretKeys(OLD)).seal('JBSWY3DPEHPK3PXP', 'totp:u');
    expect(() => createSecretBox(parseSecretKeys(NEW)).open(sealed, 'totp:u')).toThrow(new SecretBoxError('the value is sealed with key "k2025", which is not in the keyring (k2026); add that key back'));
    const impostor = createSecretBox(parseSecretKeys(generateSecretKeyEntry('k2025')));
    expect(() => impostor.open(sealed, 'totp:u')).toThrow(/does not decrypt with key "k2025"/);
    const box = createSecretBox(parseSecretKeys(OLD));
    expect(() => box.open(sealed, 'totp:someone-else')).toThrow(/does not decrypt/);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(() => box.open(altered, 'totp:u')).toThrow(/does not decrypt/);
    expect(() => box.open('JBSWY3DPEHPK3PXP', 'totp:u')).toThrow(/not a v1 envelope/);
  });

  it('reads a keyring of id:base64key entries and names the entry at fault, never its key', () => {
    expect(parseSecretKeys(`${NEW}, ${OLD}`).map((k) => k.id)).toEqual(['k2026', 'k2025']);
    expect(() => parseSecretKeys('')).toThrow(/needs at least one key/);
    expect(() => parseSecretKeys('short:c2hvcnQ=')).toThrow('entry 1 ("short"): the key must be 32 bytes in base64 (it is 5)');
    expect(() => parseSecretKeys(`${NEW},no-id-here`)).toThrow(/^entry 2 .*must be id:base64key/);
    expect(() => parseSecretKeys(`${NEW},${NEW}`)).toThrow(/"k2026" is listed twice/);
    try {
      parseSecretKeys(`${NEW},bad:${NEW.split(':')[1]!.slice(0, 20)}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(NEW.split(':')[1]!.slice(0, 20));
    }
  });

  it('development: one key is created on first start under <dataDir>/keys/ (owner-only) and read back after', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kyodo-secret-keys-'));
    try {
      const first = await loadOrCreateDevSecretKeys(dataDir, 'totp-encryption-keys');
      expect(parseSecretKeys(first).map((k) => k.id)).toEqual(['dev']);
      expect(await loadOrCreateDevSecretKeys(dataDir, 'totp-encryption-keys')).toBe(first);
      expect((await readFile(join(dataDir, 'keys', 'totp-encryption-keys'), 'utf8')).trim()).toBe(first);
      expect((await stat(join(dataDir, 'keys', 'totp-encryption-keys'))).mode & 0o077).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
