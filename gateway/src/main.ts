import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTokenVerifier, loadOrCreateDevKeys, verificationKeyFromPem, type TokenVerifier } from '@kyodo/auth';
// the kit's light entry points only: its index loads TypeORM, Apollo Server and type-graphql
import { accessGuardEnvSchema, accessGuardSettings } from '@kyodo/subgraph-kit/access-guard';
import { parseEnv } from '@kyodo/subgraph-kit/env';
import { createLogger } from '@kyodo/subgraph-kit/logger';
import { StartupError, startupStep } from '@kyodo/subgraph-kit/startup';
import { z } from 'zod';
import { loadOrCreateDevGatewaySecret } from './dev-secret.js';
import { createGateway } from './gateway.js';
import { startGatewayTracing } from './tracing.js';
import { SUBGRAPH_URL_ENV } from './subgraphs.js';
import { DEFAULT_SUPERGRAPH_PATH } from './supergraph-file.js';
import { DEFAULT_SUPERGRAPH_URL_POLL_MS, readSupergraphAt } from './supergraph-poll.js';
import { objectStoreFromUrl, registryS3ConfigFromEnv } from './schema-store.js';
import { DEFAULT_TRUSTED_DOCUMENTS_PATH, loadTrustedDocuments, type TrustedDocuments } from './trusted-documents.js';
import { DEFAULT_WEB_APP_DIR } from './web-app.js';
import { DEFAULT_LIVE_STREAMS_PER_USER } from './live-streams.js';

const gatewayEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('data'),
    SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
    // how often the supergraph (file, or SUPERGRAPH_URL) is checked for a new version, served without a restart
    SUPERGRAPH_POLL_MS: z.coerce.number().int().min(50).optional(),
    /** The supergraph the schema registry publishes (npm run schema:publish): s3://bucket/key or http(s)://; the file is the fallback. */
    SUPERGRAPH_URL: z.string().regex(/^(s3|https?):\/\/./, 'must be s3://bucket/key or an http(s):// URL').optional(),
    /** The registry's store (s3://bucket/prefix): the gateway writes field usage there for the schema check. */
    SCHEMA_STORE_URL: z.string().regex(/^s3:\/\/./, 'must be s3://bucket/prefix').optional(),
    /** How often field usage is written to SCHEMA_STORE_URL (one object per replica per flush). */
    USAGE_FLUSH_MS: z.coerce.number().int().min(50).default(60_000),
    REGISTRY_S3_ENDPOINT: z.url().optional(),
    REGISTRY_S3_REGION: z.string().optional(),
    REGISTRY_S3_ACCESS_KEY_ID: z.string().optional(),
    REGISTRY_S3_SECRET_ACCESS_KEY: z.string().optional(),
    // each subgraph's URL variable (SPACES_URL...), as listed in subgraphs.json
    ...Object.fromEntries(Object.values(SUBGRAPH_URL_ENV).map((key) => [key, z.url().optional()])),
    GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    // what a Prometheus scraper sends as a bearer token for GET /metrics; without it production serves none
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    JWT_PUBLIC_KEY: z.string().optional(),
    JWKS_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Browser origins allowed to call the gateway (CORS), comma-separated exact origins, e.g. https://app.example.com. */
    CORS_ORIGINS: z.string().optional(),
    /**
     * Trusted documents: `members` (production default) runs the client apps' registered
     * documents for everyone and lets signed-in members send their own (the sandbox); `strict`
     * registered documents only; `off` (development default) anything.
     */
    TRUSTED_DOCUMENTS: z.enum(['off', 'members', 'strict']).optional(),
    TRUSTED_DOCUMENTS_FILE: z.string().default(DEFAULT_TRUSTED_DOCUMENTS_PATH),
    // T5: how often the gateway's copy of spaces' access versions is refreshed, and how old it may be (as every subgraph)
    ...accessGuardEnvSchema.shape,
    /** Subscription streams one signed-in user may hold open on this gateway process; one more is refused (TOO_MANY_REQUESTS). */
    LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).default(DEFAULT_LIVE_STREAMS_PER_USER),
    /** The built web app served under /app/ (apps/web/dist; `npm start` builds it). */
    WEB_APP_DIR: z.string().default(DEFAULT_WEB_APP_DIR),
    /** Issue 21: answer a repeated one-subgraph query without the GraphQL engine (query-lane.ts); off only to compare or to rule it out. */
    QUERY_LANE: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.GATEWAY_SECRET) ctx.addIssue({ code: 'custom', path: ['GATEWAY_SECRET'], message: 'is required when NODE_ENV=production' });
    if (!env.JWT_PUBLIC_KEY && !env.JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: 'JWT_PUBLIC_KEY or JWKS_URL is required when NODE_ENV=production' });
    }
  });

type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

async function verifierFor(env: GatewayEnv): Promise<TokenVerifier> {
  if (env.JWT_PUBLIC_KEY) return createTokenVerifier(await verificationKeyFromPem(env.JWT_PUBLIC_KEY));
  if (env.JWKS_URL) return createTokenVerifier({ jwksUrl: env.JWKS_URL });
  // development: the key pair every local process shares, created on first start
  return createTokenVerifier(await loadOrCreateDevKeys(resolve(env.DATA_DIR)));
}

// a configuration problem ends start-up with one plain message listing every variable, no stack
const env = await startupStep('gateway', () => parseEnv(gatewayEnvSchema));
const logger = createLogger('gateway', env.LOG_LEVEL);
const subgraphUrls = Object.fromEntries(
  Object.entries(SUBGRAPH_URL_ENV).flatMap(([name, key]) => {
    const url = (env as Record<string, unknown>)[key];
    return typeof url === 'string' ? [[name, url]] : [];
  }),
);
const supergraphPath = resolve(env.SUPERGRAPH_PATH);
const registryS3 = registryS3ConfigFromEnv({
  REGISTRY_S3_ENDPOINT: env.REGISTRY_S3_ENDPOINT,
  REGISTRY_S3_REGION: env.REGISTRY_S3_REGION,
  REGISTRY_S3_ACCESS_KEY_ID: env.REGISTRY_S3_ACCESS_KEY_ID,
  REGISTRY_S3_SECRET_ACCESS_KEY: env.REGISTRY_S3_SECRET_ACCESS_KEY,
});
// the registry's supergraph when one is published; before the first publish (or with the store
// down at start-up) the file baked into the image, until the poll finds one
const published = env.SUPERGRAPH_URL
  ? await readSupergraphAt(env.SUPERGRAPH_URL, registryS3).catch((error: unknown) => {
      logger.warn('SUPERGRAPH_URL unreadable at start-up; serving SUPERGRAPH_PATH until it is', { url: env.SUPERGRAPH_URL, error: error instanceof Error ? error.message : String(error) });
      return null;
    })
  : null;
if (env.SUPERGRAPH_URL && !published) logger.warn('nothing published at SUPERGRAPH_URL yet; serving SUPERGRAPH_PATH', { url: env.SUPERGRAPH_URL, file: supergraphPath });
const supergraphSdl =
  published?.text ??
  (await startupStep('gateway', () =>
    readFile(supergraphPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new StartupError(`SUPERGRAPH_PATH: cannot read ${supergraphPath} (${error.code ?? error.message}); run \`npm run compose\` or point it at the composed supergraph.`);
    }),
  ));
/**
 * Production allows only what CORS_ORIGINS lists (default none: the web app and the sandbox are
 * served by the gateway itself, same origin, and need no CORS). Development adds the gateway's own
 * localhost origins and Vite's default dev server port, so a locally served app works unconfigured.
 */
const corsOrigins = [
  ...(env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  ...(env.NODE_ENV === 'production' ? [] : [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`, 'http://localhost:5173', 'http://127.0.0.1:5173']),
];
const trustedPolicy = env.TRUSTED_DOCUMENTS ?? (env.NODE_ENV === 'production' ? 'members' : 'off');
// off: any document runs, and the web app's hashes still resolve (it sends only hashes, as in production)
const trustedDocuments: TrustedDocuments =
  trustedPolicy === 'off'
    ? { documents: await loadTrustedDocuments(resolve(env.TRUSTED_DOCUMENTS_FILE)).catch(() => new Map<string, string>()), arbitrary: 'everyone' }
    : { documents: await startupStep('gateway', () => loadTrustedDocuments(resolve(env.TRUSTED_DOCUMENTS_FILE))), arbitrary: trustedPolicy === 'strict' ? 'nobody' : 'members' };
const tracing = await startGatewayTracing(process.env, logger);
const gateway = await createGateway({
  supergraphSdl,
  subgraphUrls,
  verifier: await verifierFor(env),
  gatewaySecret: env.GATEWAY_SECRET ?? (await loadOrCreateDevGatewaySecret(resolve(env.DATA_DIR))),
  logger,
  // in production only members explore the schema; locally the sandbox works signed out
  introspection: env.NODE_ENV === 'production' ? 'members' : 'everyone',
  corsOrigins,
  ...(env.SUPERGRAPH_URL
    ? { supergraphUrl: { url: env.SUPERGRAPH_URL, pollIntervalMs: env.SUPERGRAPH_POLL_MS ?? DEFAULT_SUPERGRAPH_URL_POLL_MS, s3: registryS3, etag: published?.etag } }
    : { supergraphFile: { path: supergraphPath, pollIntervalMs: env.SUPERGRAPH_POLL_MS ?? 1000 } }),
  ...(env.SCHEMA_STORE_URL ? { usage: { store: objectStoreFromUrl(env.SCHEMA_STORE_URL, registryS3), flushIntervalMs: env.USAGE_FLUSH_MS } } : {}),
  metrics: { token: env.METRICS_TOKEN, production: env.NODE_ENV === 'production' },
  trustedDocuments,
  sandboxDemoUsers: env.NODE_ENV !== 'production',
  tracing,
  webAppDir: resolve(env.WEB_APP_DIR),
  liveStreamsPerUser: env.LIVE_STREAMS_PER_USER,
  // T5: tokens older than their user's access version are refused here too, from spaces' access feed
  accessFeed: { settings: accessGuardSettings(process.env) },
  // the build keeps its source maps for local debugging; production does not publish the app's source
  webAppSourceMaps: env.NODE_ENV !== 'production',
  queryLane: env.QUERY_LANE === 'on',
});
const url = await gateway.listen(env.PORT, env.HOST);
logger.info('listening', {
  url,
  trustedDocuments: `${trustedPolicy} (${trustedDocuments.documents.size} documents)`,
  webApp: `${url.replace(/\/graphql$/, '')}/app/`,
  supergraph: env.SUPERGRAPH_URL ? `${env.SUPERGRAPH_URL}${published ? '' : ` (not yet published: ${supergraphPath})`}` : supergraphPath,
  ...(env.SCHEMA_STORE_URL ? { usage: `${env.SCHEMA_STORE_URL} every ${env.USAGE_FLUSH_MS} ms` } : {}),
  subgraphs: gateway.subgraphs.map((s) => `${s.name}=${s.url}`),
  ...(tracing ? { tracing: `${tracing.serviceName} -> ${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}` } : {}),
  queryLane: env.QUERY_LANE === 'off' ? 'off' : tracing ? 'off (tracing is on)' : 'on',
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  await gateway.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
