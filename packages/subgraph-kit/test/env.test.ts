import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv, subgraphEnvSchema, subgraphMainEnvSchema } from '../src/index.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseEnv(subgraphEnvSchema, env);
  } catch (error) {
    const [head, ...lines] = (error as Error).message.split('\n');
    expect(head).toBe('Invalid environment:');
    return lines.map((line) => line.trim());
  }
  return [];
};

describe('parseEnv', () => {
  it('fills the development defaults from an empty environment', () => {
    expect(parseEnv(subgraphEnvSchema, {})).toEqual({ NODE_ENV: 'development', HOST: '127.0.0.1', DATA_DIR: 'data', LOG_LEVEL: 'info' });
  });

  it('accepts each supported DATABASE_URL form', () => {
    for (const url of ['sqlite:data/x.sqlite', 'mysql://root@127.0.0.1:3306/kyodo', 'mariadb://root@db/kyodo']) {
      expect(parseEnv(subgraphEnvSchema, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it('lists every problem at once, each with the variable it concerns', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://db/kyodo', GATEWAY_SECRET: 'short', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL: has an unknown scheme: must be sqlite:<path>, mysql://... or mariadb://...',
        'GATEWAY_SECRET: must be at least 16 characters',
        expect.stringMatching(/^LOG_LEVEL: .*"debug"\|"info"\|"warn"\|"error"/),
        expect.stringMatching(/^NODE_ENV: /),
      ]),
    );
  });

  it('production requires DATABASE_URL and GATEWAY_SECRET', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: is required when NODE_ENV=production',
      'GATEWAY_SECRET: is required when NODE_ENV=production',
    ]);
    const ok = parseEnv(subgraphEnvSchema, { NODE_ENV: 'production', DATABASE_URL: 'mysql://app@db/kyodo', GATEWAY_SECRET: 'a-long-enough-shared-secret' });
    expect(ok).toMatchObject({ NODE_ENV: 'production', DATABASE_URL: 'mysql://app@db/kyodo' });
  });

  it('in production, reports the missing variables alongside an unrelated bad one', () => {
    const problems = problemsOf({ NODE_ENV: 'production', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL: is required when NODE_ENV=production',
        'GATEWAY_SECRET: is required when NODE_ENV=production',
        expect.stringMatching(/^LOG_LEVEL: /),
      ]),
    );
  });

  it('does not require the production variables in development or test', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('works with any schema and names the root when the problem has no path', () => {
    expect(() => parseEnv(z.object({ PORT: z.coerce.number().int() }), { PORT: 'eighty' })).toThrow(/^Invalid environment:\n {2}PORT: /);
  });
});

describe('subgraphMainEnvSchema (what a subgraph process checks before it starts)', () => {
  const problems = (schema: z.ZodType, env: Record<string, string>) => {
    try {
      parseEnv(schema, env);
      return [];
    } catch (error) {
      return (error as Error).message.split('\n').slice(1).map((line) => line.trim().split(':')[0]);
    }
  };

  it('production: names every missing variable in one pass, keys included, for a verifying and a signing subgraph', () => {
    expect(problems(subgraphMainEnvSchema(), { NODE_ENV: 'production' }).sort()).toEqual(['DATABASE_URL', 'GATEWAY_SECRET', 'JWT_PUBLIC_KEY']);
    expect(problems(subgraphMainEnvSchema({ signsTokens: true }), { NODE_ENV: 'production', LOG_LEVEL: 'loud' }).sort()).toEqual([
      'DATABASE_URL',
      'GATEWAY_SECRET',
      'JWT_PRIVATE_KEY',
      'JWT_PUBLIC_KEY',
      'LOG_LEVEL',
    ]);
    const extra = z.object({ OWN_SETTING: z.string() });
    expect(problems(z.intersection(subgraphMainEnvSchema(), extra), { NODE_ENV: 'production', JWKS_URL: 'https://id.example/jwks.json' }).sort()).toEqual([
      'DATABASE_URL',
      'GATEWAY_SECRET',
      'OWN_SETTING',
    ]);
  });

  it('development needs none of them', () => {
    expect(problems(subgraphMainEnvSchema({ signsTokens: true }), {})).toEqual([]);
  });
});
