import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../src/domain/calendar-dates.js';
import { accessEndsOn } from '../src/domain/renewals.js';
import { licensingSubgraph } from '../src/index.js';

const CANCEL = `mutation { cancelContract { cancelledOn } }`;

interface FeedPage {
  head: number;
  changes: Array<{ seq: number; tenantId: string; endsOn: string | null; endsAt: string | null }>;
}

describe('L8/S9: the first day a base contract gives no access', () => {
  it('is the cancellation day, or the day after the last term a notice stops; null while it runs on', () => {
    expect(accessEndsOn({ cancelledOn: '2026-05-01', endsOn: '2027-03-31', terminationNoticeOn: null })).toBe('2026-05-01');
    expect(accessEndsOn({ cancelledOn: null, endsOn: null, terminationNoticeOn: null })).toBeNull();
    expect(accessEndsOn({ cancelledOn: null, endsOn: '2027-03-31', terminationNoticeOn: null })).toBeNull();
    // in time (30 days or more before the term ends): the contract ends with this term
    expect(accessEndsOn({ cancelledOn: null, endsOn: '2027-03-31', terminationNoticeOn: '2027-01-10' })).toBe('2027-04-01');
    // too late for this term: it renews once more and ends with the next one (L14)
    expect(accessEndsOn({ cancelledOn: null, endsOn: '2027-03-31', terminationNoticeOn: '2027-03-20' })).toBe('2028-04-01');
  });

  it('begins at midnight in the tenant time zone', () => {
    expect(startOfLocalDay('2026-05-01', 'Asia/Tokyo').toISOString()).toBe('2026-04-30T15:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe.each(testDialects())('the contract feed spaces follows (L8/S9) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-15T03:00:00Z'); // 15 April 2026, 12:00 in Tokyo
  const feedUrl = (after = 0) => stack.subgraphUrls.licensing!.replace(/\/graphql$/, `/internal/changes/contracts?after=${after}&first=100`);
  const readFeed = async (after = 0): Promise<FeedPage> => {
    const response = await fetch(feedUrl(after), { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(response.status).toBe(200);
    return (await response.json()) as FeedPage;
  };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect, clock });
  });
  afterAll(() => stack?.close());

  it('L8: cancelling writes a row with the day access ends and the instant it begins', async () => {
    const before = await readFeed();
    const { admin } = await stack.auth.demoTokens();
    await stack.client.data(CANCEL, {}, { token: admin });
    const page = await readFeed(before.head);
    expect(page.changes).toEqual([{ seq: before.head + 1, tenantId: DEMO.tenant.id, endsOn: '2026-04-15', endsAt: '2026-04-14T15:00:00.000Z' }]);
  });

  it('the feed is internal: a client token, no credential or a wrong one is refused (403)', async () => {
    const { admin } = await stack.auth.demoTokens();
    const attempts: Array<Record<string, string>> = [{ authorization: `Bearer ${admin}` }, {}, { [GATEWAY_CREDENTIAL_HEADER]: 'not-the-secret-0123456789' }];
    for (const headers of attempts) expect((await fetch(feedUrl(), { headers })).status).toBe(403);
  });
});
