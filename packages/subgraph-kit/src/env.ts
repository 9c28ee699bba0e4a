import { z } from 'zod';
import { StartupError } from './startup.js';

/** Parse process env with a zod schema; a bad value stops start-up with every problem listed. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new StartupError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const databaseUrlSchema = z
  .string()
  .regex(/^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/, 'has an unknown scheme: must be sqlite:<path>, mysql://... or mariadb://...');

/** The env every subgraph main reads; each adds its own fields with `.extend`. */
export const subgraphEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('data'),
    DATABASE_URL: databaseUrlSchema.optional(),
    JWT_PUBLIC_KEY: z.string().optional(),
    JWKS_URL: z.url().optional(),
    GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be smtp://... or smtps://...').optional(),
    PUBLIC_URL: z.url().optional(),
    // how long a background job's lease lasts before another replica may take the job over
    JOB_LEASE_MS: z.coerce.number().int().positive().optional(),
    // how old a superseded change-feed outbox row grows before it is deleted (change-feed-retention.ts)
    CHANGE_FEED_RETENTION_MS: z.coerce.number().int().positive().optional(),
    /** The broker for subscriptions across replicas (event-bus.ts); without it, in-process. */
    REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be redis://... or rediss://...').optional(),
  })
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV !== 'production') return;
      for (const key of ['DATABASE_URL', 'GATEWAY_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
    },
    // run even when another variable is already invalid, so start-up lists every problem at once
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
