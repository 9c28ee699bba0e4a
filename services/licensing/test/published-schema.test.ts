import { publishedSchemaState } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { licensingSubgraph } from '../src/index.js';

describe('the published schema (services/licensing/schema.graphql)', () => {
  it('is what the code builds: run `npm run schema:print` (then `npm run compose`) when this fails', async () => {
    const { committed, fresh } = await publishedSchemaState(licensingSubgraph);
    expect(committed, 'services/licensing/schema.graphql is stale or missing: run `npm run schema:print` and commit it').toBe(fresh);
  });
});
