import { publishedSchemaState } from '@kyodo/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

describe('the published schema (services/spaces/schema.graphql)', () => {
  it('is what the code builds: run `npm run schema:print` (then `npm run compose`) when this fails', async () => {
    const { committed, fresh } = await publishedSchemaState(spacesSubgraph);
    expect(committed, 'services/spaces/schema.graphql is stale or missing: run `npm run schema:print` and commit it').toBe(fresh);
  });
});
