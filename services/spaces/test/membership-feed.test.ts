import { GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';
import { addUser } from './helpers.js';

const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;
const ADD = `mutation($input: GroupMemberInput!) { addGroupMember(input: $input) { id } }`;
const REMOVE = `mutation($input: GroupMemberInput!) { removeGroupMember(input: $input) { id } }`;

interface FeedPage {
  head: number;
  changes: Array<{ seq: number; tenantId: string; userId: string; groupIds: string[] }>;
}

describe.each(testDialects())('the membership feed cards follows (C3) on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  let member: { id: string; token: string };
  let groupId: string;
  const feedUrl = (after = 0) => stack.subgraphUrls.spaces!.replace(/\/graphql$/, `/internal/changes/memberships?after=${after}&first=100`);
  const readFeed = async (after = 0): Promise<FeedPage> => {
    const response = await fetch(feedUrl(after), { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(response.status).toBe(200);
    return (await response.json()) as FeedPage;
  };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    ({ admin } = await stack.auth.demoTokens());
    member = await addUser(stack);
    groupId = (await stack.client.data<{ createGroup: { id: string } }>(CREATE_GROUP, { input: { name: 'Sales' } }, { token: admin })).createGroup.id;
  });
  afterAll(() => stack?.close());

  it('C3: adding and removing a member each write a row, served with the member\'s groups as they are now', async () => {
    const before = (await readFeed()).head;
    await stack.client.data(ADD, { input: { groupId, userId: member.id } }, { token: admin });
    const added = await readFeed(before);
    expect(added.changes).toEqual([{ seq: before + 1, tenantId: DEMO.tenant.id, userId: member.id, groupIds: [groupId] }]);
    expect(added.head).toBe(before + 1);
    // adding again changes nothing, so nothing is written
    await stack.client.data(ADD, { input: { groupId, userId: member.id } }, { token: admin });
    expect((await readFeed(before + 1)).changes).toEqual([]);
    await stack.client.data(REMOVE, { input: { groupId, userId: member.id } }, { token: admin });
    const removed = await readFeed(before + 1);
    expect(removed.changes).toEqual([{ seq: before + 2, tenantId: DEMO.tenant.id, userId: member.id, groupIds: [] }]);
    // an older row is served with the current state too: a follower replaying it converges
    expect((await readFeed(before)).changes.map((c) => c.groupIds)).toEqual([[], []]);
  });

  it('C3: only tenant administrators remove members from groups; others change nothing', async () => {
    await stack.client.data(ADD, { input: { groupId, userId: member.id } }, { token: admin });
    const head = (await readFeed()).head;
    const { member: demoMember, guest } = await stack.auth.demoTokens();
    for (const token of [demoMember, guest, member.token]) {
      expect(errorCodes(await stack.client.request(REMOVE, { input: { groupId, userId: member.id } }, { token }))).toEqual(['FORBIDDEN']);
    }
    expect((await readFeed()).head).toBe(head);
    expect((await readFeed(head - 1)).changes[0]!.groupIds).toEqual([groupId]);
  });

  it('the feed is internal: a client token, no credential or a wrong one is refused (403), and it is read with GET only', async () => {
    const bearer = { authorization: `Bearer ${admin}` };
    const attempts: Array<Record<string, string>> = [bearer, {}, { [GATEWAY_CREDENTIAL_HEADER]: 'not-the-secret-0123456789' }, { ...bearer, [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret }];
    for (const headers of attempts) {
      const response = await fetch(feedUrl(), { headers });
      expect(response.status).toBe(403);
      expect(JSON.stringify(await response.json())).not.toContain(member.id);
    }
    const post = await fetch(feedUrl(), { method: 'POST', headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(post.status).toBe(405);
    const bad = await fetch(feedUrl(-1), { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    expect(bad.status).toBe(400);
  });
});
