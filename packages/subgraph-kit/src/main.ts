import { resolve } from 'node:path';
import {
  createTokenIssuer,
  createTokenVerifier,
  loadOrCreateDevKeys,
  signingKeysFromPem,
  verificationKeyFromPem,
  type TokenIssuer,
  type TokenVerifier,
} from '@kyodo/auth';
import { z } from 'zod';
import type { SubgraphDefinition } from './definition.js';
import { parseEnv, subgraphEnvSchema } from './env.js';
import { createLogger } from './logger.js';
import { peerDirectoryFromEnv } from './peers.js';

const mainEnvSchema = z.intersection(
  subgraphEnvSchema,
  z.object({
    PORT: z.coerce.number().int().min(0).max(65535).optional(),
    JWT_PRIVATE_KEY: z.string().optional(),
    SEED_DEMO: z.enum(['true', 'false']).default('false'),
  }),
);

async function resolveKeys(env: z.infer<typeof mainEnvSchema>, signs: boolean): Promise<{ verifier: TokenVerifier; issuer?: TokenIssuer }> {
  if (env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY) {
    const keys = await signingKeysFromPem(env.JWT_PRIVATE_KEY, env.JWT_PUBLIC_KEY);
    return { verifier: createTokenVerifier(keys), issuer: signs ? createTokenIssuer(keys) : undefined };
  }
  if (env.NODE_ENV === 'production') {
    if (signs) throw new Error('Invalid environment:\n  JWT_PRIVATE_KEY and JWT_PUBLIC_KEY: are required when NODE_ENV=production');
    if (env.JWT_PUBLIC_KEY) return { verifier: createTokenVerifier(await verificationKeyFromPem(env.JWT_PUBLIC_KEY)) };
    if (env.JWKS_URL) return { verifier: createTokenVerifier({ jwksUrl: env.JWKS_URL }) };
    throw new Error('Invalid environment:\n  JWT_PUBLIC_KEY or JWKS_URL: one is required when NODE_ENV=production');
  }
  if (env.JWT_PUBLIC_KEY && !signs) return { verifier: createTokenVerifier(await verificationKeyFromPem(env.JWT_PUBLIC_KEY)) };
  // development: every local process shares the key pair generated on first start under DATA_DIR
  const keys = await loadOrCreateDevKeys(resolve(env.DATA_DIR));
  return { verifier: createTokenVerifier(keys), issuer: signs ? createTokenIssuer(keys) : undefined };
}

/** The whole of a subgraph's main: validated env in, a listening server out, clean stop on signals. */
export async function runSubgraphMain(definition: SubgraphDefinition, options: { signsTokens?: boolean } = {}): Promise<void> {
  const env = parseEnv(mainEnvSchema);
  const logger = createLogger(definition.name, env.LOG_LEVEL);
  const { verifier, issuer } = await resolveKeys(env, options.signsTokens ?? false);
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${resolve(env.DATA_DIR, `${definition.name}.sqlite`)}`;
  const handle = await definition.create({
    databaseUrl,
    verifier,
    issuer,
    gatewaySecret: env.GATEWAY_SECRET,
    requireGatewayCredential: production,
    logger,
    dataDir: env.DATA_DIR,
    peers: peerDirectoryFromEnv(),
    smtpUrl: env.SMTP_URL,
    publicUrl: env.PUBLIC_URL,
    env: process.env,
  });
  if (env.SEED_DEMO === 'true') await handle.seedDemo();
  const url = await handle.listen(env.PORT ?? definition.defaultPort, env.HOST);
  logger.info('listening', { url, database: databaseUrl.replace(/\/\/[^@/]*@/, '//***@') });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
