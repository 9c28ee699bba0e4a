import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensingSubgraph } from '../src/index.js';
import { DEMO_INCLUDED_SIDES } from '../src/seed.js';

const PACK = `mutation($input: OrderDigitisationPackInput!) { orderDigitisationPack(input: $input) { id sides } }`;
const NOTICE = `mutation($contract: NoticeTarget!) { submitTerminationNotice(contract: $contract) { endsOn } }`;

interface FeedPage {
  head: number;
  changes: Array<{ seq: number; tenantId: string; includedSides: number; purchasedSides: number; endsOn: string | null }>;
}

describe.each(testDialects())('the digitisation feed cards follows (L15) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-15T03:00:00Z'); // 15 April 2026, 12:00 in Tokyo
  const feedUrl = (after = 0) => stack.subgraphUrls.licensing!.replace(/\/graphql$/, `/internal/changes/digitisation?after=${after}&first=100`);
  const readFeed = async (after = 0): Promise<FeedPage> => {
    const response = await fetch(feedUrl(after), { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(response.status).toBe(200);
    return (await response.json()) as FeedPage;
  };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect, clock });
  });
  afterAll(() => stack?.close());

  it('L15: the seeded card service is in the feed; a pack bought writes a row with the raised allowance', async () => {
    const seeded = await readFeed();
    expect(seeded.changes).toEqual([{ seq: 1, tenantId: DEMO.tenant.id, includedSides: DEMO_INCLUDED_SIDES, purchasedSides: 0, endsOn: null }]);
    const { admin, member } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(PACK, { input: { packs: 1, idempotencyKey: 'feed-1' } }, { token: member }))).toEqual(['FORBIDDEN']);
    expect((await readFeed()).head).toBe(1);
    await stack.client.data(PACK, { input: { packs: 2, idempotencyKey: 'feed-1' } }, { token: admin });
    // the same key again buys nothing and writes nothing
    await stack.client.data(PACK, { input: { packs: 2, idempotencyKey: 'feed-1' } }, { token: admin });
    const bought = await readFeed(1);
    expect(bought).toEqual({ head: 2, settledThrough: 0, changes: [{ seq: 2, tenantId: DEMO.tenant.id, includedSides: DEMO_INCLUDED_SIDES, purchasedSides: 2000, endsOn: null }] });
  });

  it("L14/L15: a termination notice on the card service writes a row with the service's last day", async () => {
    const { admin } = await stack.auth.demoTokens();
    await stack.client.data(NOTICE, { contract: 'CARD_SERVICE' }, { token: admin });
    const page = await readFeed(2);
    // the demo card service bills from 1 April 2026: the first term ends on 31 March 2027
    expect(page.changes).toEqual([{ seq: 3, tenantId: DEMO.tenant.id, includedSides: DEMO_INCLUDED_SIDES, purchasedSides: 2000, endsOn: '2027-03-31' }]);
  });

  it('the feed is internal: a client token, no credential or a wrong one is refused (403)', async () => {
    const { admin } = await stack.auth.demoTokens();
    const attempts: Array<Record<string, string>> = [{ authorization: `Bearer ${admin}` }, {}, { [GATEWAY_CREDENTIAL_HEADER]: 'not-the-secret-0123456789' }];
    for (const headers of attempts) expect((await fetch(feedUrl(), { headers })).status).toBe(403);
  });
});
