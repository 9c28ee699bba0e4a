import { resolve } from 'node:path';
import { createSecretBox, isSealed, loadOrCreateDevSecretKeys, parseSecretKeys, SecretBoxError, type SecretBox } from '@kyodo/auth';
import { parseEnv, StartupError, type BackgroundRuntime, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { IsNull, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { User } from './entities/user.entity.js';

/** Where development keeps its generated key, beside the dev JWT keys (`<dataDir>/keys/`). */
const DEV_KEY_FILE = 'totp-encryption-keys';

/**
 * T3: TOTP_ENCRYPTION_KEYS, the keyring TOTP secrets are encrypted with at rest: `id:base64key`
 * entries, comma-separated, the first one encrypting and all of them decrypting (rotation:
 * put the new key first and keep the old ones until a start has re-encrypted everything).
 * Required in production; development generates one under `<DATA_DIR>/keys/`.
 */
export const totpEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    TOTP_ENCRYPTION_KEYS: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value === undefined) return;
        try {
          parseSecretKeys(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof SecretBoxError ? error.message : 'cannot be read' });
        }
      }),
  })
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV === 'production' && !env.TOTP_ENCRYPTION_KEYS) {
        ctx.addIssue({ code: 'custom', path: ['TOTP_ENCRYPTION_KEYS'], message: 'is required when NODE_ENV=production (id:base64key, 32 bytes, e.g. `openssl rand -base64 32`)' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** Reads and writes a user's TOTP secret; only ever the sealed form is stored. */
export interface TotpSecrets {
  seal(secret: string, userId: string): string;
  /** The secret, or an error naming the user and what is wrong with the key (fails closed). */
  open(stored: string, userId: string): string;
  readonly box: SecretBox;
}

// the context binds each sealed value to its row: copied into another user's row it does not open
const contextOf = (userId: string) => `totp:${userId}`;

function totpSecretsFrom(box: SecretBox): TotpSecrets {
  return {
    box,
    seal: (secret, userId) => box.seal(secret, contextOf(userId)),
    open(stored, userId) {
      try {
        return box.open(stored, contextOf(userId));
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        throw new Error(`The TOTP secret of user ${userId} cannot be decrypted with TOTP_ENCRYPTION_KEYS: ${error.message}.`);
      }
    },
  };
}

const keyrings = new Map<string, Promise<TotpSecrets>>();

/** The TOTP secrets of these deps, made once: the configured keyring, or the development key. */
export function totpSecretsFor(deps: Pick<SubgraphDeps, 'env' | 'dataDir'>): Promise<TotpSecrets> {
  let env: z.infer<typeof totpEnvSchema>;
  try {
    env = parseEnv(totpEnvSchema, deps.env ?? {});
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const dataDir = resolve(deps.dataDir ?? 'data');
  const id = env.TOTP_ENCRYPTION_KEYS ? `env:${env.TOTP_ENCRYPTION_KEYS}` : `dev:${dataDir}`;
  let secrets = keyrings.get(id);
  if (!secrets) {
    const keyring = env.TOTP_ENCRYPTION_KEYS ? Promise.resolve(env.TOTP_ENCRYPTION_KEYS) : loadOrCreateDevSecretKeys(dataDir, DEV_KEY_FILE);
    secrets = keyring.then((text) => totpSecretsFrom(createSecretBox(parseSecretKeys(text))));
    keyrings.set(id, secrets);
    secrets.catch(() => keyrings.delete(id));
  }
  return secrets;
}

/**
 * At start, before the first request: every stored TOTP secret is brought under the sealing
 * key. Plain secrets (stored before encryption at rest) and secrets sealed with an older key
 * are re-encrypted, so an old key can be dropped after one start. A secret no key opens stops
 * the start with a StartupError naming the key ids, instead of failing sign-ins one by one.
 * Each row is rewritten only if it is unchanged since read (another replica may do the same).
 */
export async function sealStoredTotpSecrets(dataSource: DataSource, secrets: TotpSecrets): Promise<{ resealed: number }> {
  const users = dataSource.getRepository(User);
  const rows = await users.find({ select: { id: true, totpSecret: true }, where: { totpSecret: Not(IsNull()) } });
  const pending: Array<{ id: string; stored: string; secret: string }> = [];
  const unreadable = new Map<string, number>();
  for (const { id, totpSecret: stored } of rows) {
    if (!stored) continue;
    if (!isSealed(stored)) {
      pending.push({ id, stored, secret: stored });
      continue;
    }
    try {
      const secret = secrets.box.open(stored, contextOf(id));
      if (secrets.box.keyIdOf(stored) !== secrets.box.sealingKeyId) pending.push({ id, stored, secret });
    } catch {
      const keyId = secrets.box.keyIdOf(stored) ?? '?';
      unreadable.set(keyId, (unreadable.get(keyId) ?? 0) + 1);
    }
  }
  if (unreadable.size > 0) {
    const detail = [...unreadable].map(([keyId, count]) => `${count} sealed with key "${keyId}"`).join(', ');
    throw new StartupError(
      `TOTP_ENCRYPTION_KEYS: stored TOTP secrets cannot be decrypted with the configured keys (${detail}); add the key they were encrypted with (the first key encrypts, all keys decrypt).`,
    );
  }
  for (const { id, stored, secret } of pending) {
    await users.update({ id, totpSecret: stored }, { totpSecret: secrets.seal(secret, id) });
  }
  return { resealed: pending.length };
}

/** The spaces subgraph's start-up step (SubgraphSpec.prepare). */
export async function prepareTotpSecrets({ dataSource, deps, logger }: BackgroundRuntime): Promise<void> {
  const { resealed } = await sealStoredTotpSecrets(dataSource, await totpSecretsFor(deps));
  if (resealed > 0) logger.info('TOTP secrets encrypted with the current key', { count: resealed });
}
