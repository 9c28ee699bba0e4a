import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('gateway start-up: configuration problems are named in one message, without a stack trace', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kyodo-gateway-startup-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('NODE_ENV=production with an empty environment lists every missing variable at once and exits 1', async () => {
    const run = await runMain('gateway', { NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'gateway cannot start: Invalid environment:\n' +
        '  GATEWAY_SECRET: is required when NODE_ENV=production\n' +
        '  JWT_PUBLIC_KEY: JWT_PUBLIC_KEY or JWKS_URL is required when NODE_ENV=production\n',
    );
  }, 180_000);

  it('a supergraph file that is not there is named with what to do', async () => {
    const run = await runMain('gateway', { DATA_DIR: dataDir, SUPERGRAPH_PATH: join(dataDir, 'missing.graphql'), PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`gateway cannot start: SUPERGRAPH_PATH: cannot read ${join(dataDir, 'missing.graphql')} (ENOENT); run \`npm run compose\` or point it at the composed supergraph.\n`);
  }, 180_000);

  it('a schema registry address that is neither s3:// nor http(s):// is named', async () => {
    const run = await runMain('gateway', { DATA_DIR: dataDir, SUPERGRAPH_URL: 'ftp://registry/supergraph.graphql', SCHEMA_STORE_URL: 'registry', PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'gateway cannot start: Invalid environment:\n' +
        '  SUPERGRAPH_URL: must be s3://bucket/key or an http(s):// URL\n' +
        '  SCHEMA_STORE_URL: must be s3://bucket/prefix\n',
    );
  }, 180_000);
});
