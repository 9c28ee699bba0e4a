import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { loadOrCreateDevSecretFile } from './dev-secret-file.js';

/**
 * Encryption at rest for small secrets the server must read back (TOTP seeds): AES-256-GCM
 * from node:crypto, which is all this needs (a library would add a dependency, not safety).
 * A sealed value is a versioned envelope, `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url), so
 * keys can rotate: the first key of a keyring seals, every key opens what it sealed.
 */
export interface SecretKey {
  id: string;
  /** 32 bytes */
  key: Buffer;
}

/** A value that cannot be sealed or opened with the keys at hand; the message says why. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ENVELOPE = /^v1:([A-Za-z0-9_-]{1,16}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;

/**
 * Parses a keyring as configured: `id:base64key`, several separated by commas (or white
 * space), the first one sealing. Each key is 32 random bytes (`openssl rand -base64 32`).
 * Throws SecretBoxError naming the entry at fault, never echoing key material.
 */
export function parseSecretKeys(text: string): SecretKey[] {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) throw new SecretBoxError('needs at least one key, as id:base64key (32 random bytes, e.g. `openssl rand -base64 32`)');
  const keys: SecretKey[] = [];
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const where = `entry ${index + 1}${id ? ` ("${id}")` : ''}`;
    if (!KEY_ID.test(id)) throw new SecretBoxError(`${where} must be id:base64key, the id 1-16 letters, digits, _ or -`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new SecretBoxError(`${where}: the key must be 32 bytes in base64 (it is ${key.length}); make one with \`openssl rand -base64 32\``);
    if (keys.some((k) => k.id === id)) throw new SecretBoxError(`${where}: the key id "${id}" is listed twice`);
    keys.push({ id, key });
  });
  return keys;
}

/** A fresh keyring entry, `id:base64key`, as parseSecretKeys reads it. */
export function generateSecretKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

export interface SecretBox {
  /** The id of the key that seals. */
  readonly sealingKeyId: string;
  /**
   * `context` is bound to the ciphertext (GCM additional data), e.g. `totp:<userId>`: a value
   * copied into another row does not open there.
   */
  seal(plain: string, context: string): string;
  /** The plain value, or SecretBoxError: unknown key id, wrong key, altered value or context. */
  open(sealed: string, context: string): string;
  /** The key id a sealed value names (null when it is no envelope). */
  keyIdOf(sealed: string): string | null;
}

export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const sealing = keys[0];
  if (!sealing) throw new SecretBoxError('needs at least one key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    sealingKeyId: sealing.id,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealing.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${sealing.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const match = ENVELOPE.exec(sealed);
      if (!match) throw new SecretBoxError('the stored value is not a v1 envelope');
      const [, id, iv, body] = match as unknown as [string, string, string, string];
      const key = byId.get(id);
      if (!key) throw new SecretBoxError(`the value is sealed with key "${id}", which is not in the keyring (${[...byId.keys()].join(', ')}); add that key back`);
      const bytes = Buffer.from(body, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(`the value does not decrypt with key "${id}": a different key under the same id, or an altered value`);
      }
    },
    keyIdOf(sealed) {
      return ENVELOPE.exec(sealed)?.[1] ?? null;
    },
  };
}

/**
 * Development only: a keyring of one random key kept in `<dataDir>/keys/<fileName>`, created on
 * first start like the dev JWT keys, so local runs need no configuration. Production configures it.
 */
export async function loadOrCreateDevSecretKeys(dataDir: string, fileName: string): Promise<string> {
  return loadOrCreateDevSecretFile(dataDir, fileName, () => generateSecretKeyEntry('dev'));
}
