import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let gw: TinyGateway;
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(() => gw.close());

  it('has no audit result with status "error"', async () => {
    const results = await auditServer({ url: gw.url });
    const line = (r: (typeof results)[number]) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`;
    const failures = results.filter((r) => r.status === 'error').map(line);
    const warnings = results.filter((r) => r.status === 'warn').map(line);
    if (process.env.KYODO_TEST_LOG) {
      console.info(`graphql-http audit: ${results.length - failures.length - warnings.length} ok, ${warnings.length} warnings${warnings.map((w) => `\n  warn ${w}`).join('')}`);
    }
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});
