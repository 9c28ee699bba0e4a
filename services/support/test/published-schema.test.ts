import { publishedSchemaState } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { supportSubgraph } from '../src/index.js';

describe('the published schema (services/support/schema.graphql)', () => {
  it('is what the code builds: run `npm run schema:print` (then `npm run compose`) when this fails', async () => {
    const { committed, fresh } = await publishedSchemaState(supportSubgraph);
    expect(committed, 'services/support/schema.graphql is stale or missing: run `npm run schema:print` and commit it').toBe(fresh);
  });
});
