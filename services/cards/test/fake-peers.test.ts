import { readFileSync } from 'node:fs';
import { createLogger, createPeerClient } from '@kyodo/subgraph-kit';
import { registeredSubgraph } from '@kyodo/subgraph-kit/registry';
import { FakeSubgraph } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGITISATION, VIEWER_GROUPS } from '../src/peers.js';
import { startFakePeers, type FakePeers } from './fake-peers.js';

const TENANT = '00000000-0000-4000-8000-00000000c001';
const logger = createLogger('cards-test', 'error');

describe("cards' fake peers answer the production peer documents from the peers' published schemas", () => {
  const directory = { subgraphUrls: {} as Record<string, string> };
  let peers: FakePeers;
  beforeAll(async () => {
    peers = await startFakePeers(directory);
  });
  afterAll(() => peers?.close());
  const client = () => createPeerClient({ directory: { urlOf: (name) => directory.subgraphUrls[name] }, logger });

  it('C3/L15: the documents peers.ts sends are accepted and answered from the fake data', async () => {
    peers.groupsByToken.set('member-token', ['g1', 'g2']);
    peers.digitisation.includedSides = 7;
    peers.digitisation.purchasedSides = 3;
    expect(await client().request('spaces', VIEWER_GROUPS, {}, { token: 'member-token', purpose: 'test' })).toEqual({ viewer: { groupIds: ['g1', 'g2'] } });
    expect(await client().request('licensing', DIGITISATION, { r: [{ __typename: 'Tenant', id: TENANT }] }, { token: 'member-token', purpose: 'test' })).toEqual({
      _entities: [{ cardDigitisation: { includedSides: 7, purchasedSides: 3 }, serviceContract: null }],
    });
    expect([...peers.spaces.requests, ...peers.licensing.requests].filter((r) => r.refused)).toEqual([]);
  });

  it("L15: a licensing that no longer publishes Tenant.cardDigitisation refuses cards' quota query, so cards fails closed instead of counting", async () => {
    const published = readFileSync(registeredSubgraph('licensing').schemaPath, 'utf8');
    const without = published.replace(/\n\s*("""[^"]*"""\s*)?cardDigitisation: CardDigitisation!?\n/g, '\n');
    expect(without).not.toMatch(/cardDigitisation:/);
    const licensing = new FakeSubgraph({ name: 'licensing', sdl: without, resolvers: { Tenant: { __resolveReference: ({ id }: { id: string }) => ({ id, cardDigitisation: { includedSides: 1000, purchasedSides: 0 } }) } } });
    const url = await licensing.listen(0);
    try {
      const request = createPeerClient({ directory: { urlOf: () => url }, logger }).request('licensing', DIGITISATION, { r: [{ __typename: 'Tenant', id: TENANT }] }, { token: null, purpose: 'check the quota' });
      await expect(request).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
      expect(licensing.requests).toEqual([{ operationName: 'CardsDigitisationQuota', authorization: undefined, refused: ['Cannot query field "cardDigitisation" on type "Tenant".'] }]);
    } finally {
      await licensing.close();
    }
  });
});
