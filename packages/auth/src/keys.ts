import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importJWK, importPKCS8, importSPKI, calculateJwkThumbprint, type JWK, type CryptoKey } from 'jose';

export const JWT_ALG = 'ES256';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export interface VerificationKey {
  kid?: string;
  publicKey: CryptoKey;
}

async function withKid(privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKeys> {
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg: JWT_ALG, use: 'sig' } };
}

/** A fresh in-memory key pair: tests and first starts use it. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(JWT_ALG, { extractable: true });
  return withKid(privateKey, publicKey);
}

/** Keys from PEM text (production: from env, never from disk defaults). */
export async function signingKeysFromPem(privatePem: string, publicPem: string): Promise<SigningKeys> {
  const privateKey = await importPKCS8(privatePem, JWT_ALG, { extractable: true });
  const publicKey = await importSPKI(publicPem, JWT_ALG, { extractable: true });
  return withKid(privateKey, publicKey);
}

export async function verificationKeyFromPem(publicPem: string): Promise<VerificationKey> {
  const publicKey = await importSPKI(publicPem, JWT_ALG, { extractable: true });
  const kid = await calculateJwkThumbprint(await exportJWK(publicKey));
  return { kid, publicKey };
}

export async function verificationKeyFromJwk(jwk: JWK): Promise<VerificationKey> {
  const publicKey = (await importJWK(jwk, JWT_ALG)) as CryptoKey;
  return { kid: jwk.kid, publicKey };
}

const PRIVATE_FILE = 'jwt-private.pem';
const PUBLIC_FILE = 'jwt-public.pem';

/**
 * Dev keys live in `<dir>/keys` so every local process (gateway and subgraphs) verifies
 * with the same public key without any configuration. Created once, on first start.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<SigningKeys> {
  const dir = join(dataDir, 'keys');
  try {
    const [priv, pub] = await Promise.all([
      readFile(join(dir, PRIVATE_FILE), 'utf8'),
      readFile(join(dir, PUBLIC_FILE), 'utf8'),
    ]);
    return await signingKeysFromPem(priv, pub);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generateSigningKeys();
  await mkdir(dir, { recursive: true });
  // 'wx' so two processes starting at once cannot overwrite each other's fresh key.
  try {
    await writeFile(join(dir, PRIVATE_FILE), await exportPKCS8(keys.privateKey), { flag: 'wx', mode: 0o600 });
    await writeFile(join(dir, PUBLIC_FILE), await exportSPKI(keys.publicKey), { flag: 'wx' });
    await chmod(join(dir, PRIVATE_FILE), 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateDevKeys(dataDir);
    throw error;
  }
  return keys;
}

export async function exportPublicPem(keys: SigningKeys): Promise<string> {
  return exportSPKI(keys.publicKey);
}

export async function exportPrivatePem(keys: SigningKeys): Promise<string> {
  return exportPKCS8(keys.privateKey);
}
