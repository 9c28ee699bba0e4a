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
import { exitOnStartupError, StartupError } from './startup.js';
import { createLogger } from './logger.js';
import { peerDirectoryFromEnv } from './peers.js';
import { flushTracing } from './tracing-start.js';

/**
 * Everything a subgraph process reads from the environment, with every production requirement
 * in the schema itself, so one start lists every missing or invalid variable at once.
 */
export function subgraphMainEnvSchema(options: { signsTokens?: boolean } = {}) {
  const signs = options.signsTokens ?? false;
  return z.intersection(
    subgraphEnvSchema,
    z
      .object({
        NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
        PORT: z.coerce.number().int().min(0).max(65535).optional(),
        JWT_PUBLIC_KEY: z.string().optional(),
        JWKS_URL: z.string().optional(),
        JWT_PRIVATE_KEY: z.string().optional(),
        SEED_DEMO: z.enum(['true', 'false']).default('false'),
      })
      .superRefine(
        (env, ctx) => {
          if (env.NODE_ENV !== 'production') return;
          const required = 'is required when NODE_ENV=production';
          if (signs) {
            if (!env.JWT_PRIVATE_KEY) ctx.addIssue({ code: 'custom', path: ['JWT_PRIVATE_KEY'], message: `${required} (this subgraph signs tokens)` });
            if (!env.JWT_PUBLIC_KEY) ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: `${required} (this subgraph signs tokens)` });
          } else if (!env.JWT_PUBLIC_KEY && !env.JWKS_URL) {
            ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: `JWT_PUBLIC_KEY or JWKS_URL ${required}` });
          }
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
  );
}

type MainEnv = z.infer<ReturnType<typeof subgraphMainEnvSchema>>;

async function resolveKeys(env: MainEnv, signs: boolean): Promise<{ verifier: TokenVerifier; issuer?: TokenIssuer }> {
  if (env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY) {
    const keys = await signingKeysFromPem(env.JWT_PRIVATE_KEY, env.JWT_PUBLIC_KEY);
    return { verifier: createTokenVerifier(keys), issuer: signs ? createTokenIssuer(keys) : undefined };
  }
  if (env.NODE_ENV === 'production') {
    // unreachable after subgraphMainEnvSchema; kept so a change there cannot start without keys
    if (signs) throw new StartupError('Invalid environment:\n  JWT_PRIVATE_KEY and JWT_PUBLIC_KEY: are required when NODE_ENV=production');
    if (env.JWT_PUBLIC_KEY) return { verifier: createTokenVerifier(await verificationKeyFromPem(env.JWT_PUBLIC_KEY)) };
    if (env.JWKS_URL) return { verifier: createTokenVerifier({ jwksUrl: env.JWKS_URL }) };
    throw new StartupError('Invalid environment:\n  JWT_PUBLIC_KEY or JWKS_URL: one is required when NODE_ENV=production');
  }
  if (env.JWT_PUBLIC_KEY && !signs) return { verifier: createTokenVerifier(await verificationKeyFromPem(env.JWT_PUBLIC_KEY)) };
  // development: every local process shares the key pair generated on first start under DATA_DIR
  const keys = await loadOrCreateDevKeys(resolve(env.DATA_DIR));
  return { verifier: createTokenVerifier(keys), issuer: signs ? createTokenIssuer(keys) : undefined };
}

export interface SubgraphMainOptions {
  /** Only spaces signs people in: it needs the private key too. */
  signsTokens?: boolean;
}

/**
 * The whole of a subgraph's main: validated env in, a listening server out, clean stop on
 * signals. A configuration problem ends it with one plain message and exit code 1 (no stack).
 */
export async function runSubgraphMain(definition: SubgraphDefinition, options: SubgraphMainOptions = {}): Promise<void> {
  try {
    await startSubgraph(definition, options);
  } catch (error) {
    exitOnStartupError(definition.name, error);
  }
}

async function startSubgraph(definition: SubgraphDefinition, options: SubgraphMainOptions): Promise<void> {
  const schema = subgraphMainEnvSchema(options);
  // the subgraph's own settings in the same pass, so a start names every problem at once
  const env = parseEnv(definition.envSchema ? z.intersection(schema, definition.envSchema) : schema) as MainEnv;
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
    // production migrates as its own step (`npm run migrate`) and refuses a database behind it
    migrate: production ? 'verify' : true,
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
    // the spans of the last requests are still in the batch
    await flushTracing();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
