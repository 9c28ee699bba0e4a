import { DEMO_SPACES } from '@kyodo/spaces';
import { DEMO, errorCodes, signInAs, subscribeOverSse, testDialects, whenLive, type LiveResult, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const REMOVE = `mutation($id: ID!) { removeMember(userId: $id) }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $input) { token id } }`;
const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;
const ADD_TO_GROUP = `mutation($input: GroupMemberInput!) { addGroupMember(input: $input) { id } }`;
const CREATE_CARD = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const CARDS = `{ cards(first: 100) { edges { node { id } } } }`;
const SPACE = `query($id: ID!) { space(id: $id) { id } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const REMOVE_GUEST = `mutation($input: RemoveGuestInput!) { removeGuest(input: $input) }`;
const COMMENT_ADDED = 'subscription($threadId: ID!) { commentAdded(threadId: $threadId) { id } }';

type Added = { commentAdded: { id: string } | null };

/**
 * Issue 19 item 1 (T5): removing a member ends their access at once, in every subgraph and
 * stream: the token they hold (not only refresh and sign-in), their open subscription, and the
 * integration token acting as them. Before the access versions, all three went on working until
 * the token expired (15 minutes). Item 5: added again, they start fresh.
 */
describe.each(testDialects())('T5: a removed member is refused at once everywhere on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  let member: string;
  let crm: string;
  let limitedCard: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect, production: true });
    [admin, member] = await Promise.all([signInAs(stack.client, 'admin'), signInAs(stack.client, 'member')]);
    const group = (await stack.client.data<{ createGroup: { id: string } }>(CREATE_GROUP, { input: { name: '営業部' } }, { token: admin })).createGroup.id;
    for (const userId of [DEMO.admin.id, DEMO.member.id]) await stack.client.data(ADD_TO_GROUP, { input: { groupId: group, userId } }, { token: admin });
    limitedCard = (await stack.client.data<{ createCard: { id: string } }>(CREATE_CARD, { input: { name: '営業 一郎', visibleToGroupIds: [group] } }, { token: admin })).createCard.id;
    crm = (await stack.client.data<{ issueIntegrationToken: { token: string } }>(ISSUE, { input: { name: 'CRM', actAsUserId: DEMO.member.id } }, { token: admin })).issueIntegrationToken.token;
  });
  afterAll(() => stack?.close());

  it('the token, the open stream and the integration token stop with the removal, with no grace period; added again, nothing of before comes back (item 5)', async () => {
    // before: everything works
    const cardIds = async (token: string) => (await stack.client.data<{ cards: { edges: Array<{ node: { id: string } }> } }>(CARDS, {}, { token })).cards.edges.map((e) => e.node.id);
    // C3: cards' copy of the groups follows spaces within its own bound (2 s)
    await expect.poll(() => cardIds(member), { timeout: 5000, interval: 100 }).toContain(limitedCard);
    expect(await cardIds(crm)).toContain(limitedCard);
    expect((await stack.client.data<{ space: { id: string } | null }>(SPACE, { id: DEMO_SPACES.partner.id }, { token: member })).space).not.toBeNull();
    const threadId = (await stack.client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId: DEMO_SPACES.partner.id, title: '定例' } }, { token: admin })).createThread.id;
    const comment = async (text: string) => (await stack.client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { threadId, text } }, { token: admin })).addComment.id;
    const stream = subscribeOverSse<Added>(stack.gatewayUrl!, COMMENT_ADDED, { threadId }, { token: member });
    try {
      await whenLive([stream], () => comment('warming up'));

      expect(await stack.client.data(REMOVE, { id: DEMO.member.id }, { token: admin })).toEqual({ removeMember: true });

      // at once, in spaces and in cards, reads and writes
      const refused = async (query: string, variables: Record<string, unknown>, token: string) => {
        const response = await stack.client.request(query, variables, { token });
        if (process.env.DEBUG_REVOCATION) console.log(JSON.stringify(response));
        return errorCodes(response);
      };
      expect(await refused(SPACE, { id: DEMO_SPACES.partner.id }, member)).toEqual(['UNAUTHENTICATED']);
      expect(await refused(CARDS, {}, member)).toEqual(['UNAUTHENTICATED']);
      expect(await refused(CREATE_CARD, { input: { name: 'after removal' } }, member)).toEqual(['UNAUTHENTICATED']);
      expect(await refused(CREATE_THREAD, { input: { spaceId: DEMO_SPACES.partner.id, title: 'after removal' } }, member)).toEqual(['UNAUTHENTICATED']);
      expect(await refused(CARDS, {}, crm)).toEqual(['UNAUTHENTICATED']);
      // the gateway refuses it itself, before planning: a 401 (a subgraph's refusal is a 200 with the error)
      for (const token of [member, crm]) {
        const response = await fetch(stack.gatewayUrl!, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: CARDS }) });
        expect(response.status).toBe(401);
        const body = (await response.json()) as { errors: Array<{ extensions: { code: string; rule?: string } }> };
        expect(body.errors.map((e) => [e.extensions.code, e.extensions.rule])).toEqual([['UNAUTHENTICATED', 'T5']]);
      }

      // the open stream: the next event ends it, and delivers nothing
      const after = await comment('after the removal');
      await stream.waitForEnd();
      expect(stream.results.some((r: LiveResult<Added>) => r.data?.commentAdded?.id === after)).toBe(false);
      expect(stream.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await stream.close();
    }

    // item 5: the same address added again is a fresh start
    await stack.client.data(ADD, { input: { email: DEMO.member.email, name: DEMO.member.name } }, { token: admin });
    expect(await refusedCodes(stack, CARDS, member)).toEqual(['UNAUTHENTICATED']);
    expect(await refusedCodes(stack, CARDS, crm)).toEqual(['UNAUTHENTICATED']);
    const spaces = stack.handles.spaces!.dataSource;
    expect(await spaces.query('SELECT groupId FROM group_members WHERE userId = ?', [DEMO.member.id])).toEqual([]);
    expect(await spaces.query('SELECT spaceId FROM space_members WHERE userId = ?', [DEMO.member.id])).toEqual([]);
  });
});

describe.each(testDialects())('live streams refuse with the documented codes on %s (issue 19 item 7)', (dialect) => {
  let stack: Stack;
  let admin: string;
  let guest: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect, production: true });
    [admin, guest] = await Promise.all([signInAs(stack.client, 'admin'), signInAs(stack.client, 'guest')]);
  });
  afterAll(() => stack?.close());

  it("T2/T5: a demoted administrator's token stops acting as administrator at once; signed in again they are a member (FORBIDDEN)", async () => {
    const SET_ADMIN = `mutation($id: ID!, $isAdmin: Boolean!) { setMemberAdmin(userId: $id, isAdmin: $isAdmin) { id isAdmin } }`;
    const MEMBERS = `{ viewer { tenant { members { id } } } }`;
    const promoted = await stack.client.data<{ setMemberAdmin: { isAdmin: boolean } }>(SET_ADMIN, { id: DEMO.member.id, isAdmin: true }, { token: admin });
    expect(promoted.setMemberAdmin.isAdmin).toBe(true);
    const asAdmin = await signInAs(stack.client, 'member');
    expect((await stack.client.data<{ viewer: { tenant: { members: unknown[] | null } } }>(MEMBERS, {}, { token: asAdmin })).viewer.tenant.members).not.toBeNull();
    await stack.client.data(SET_ADMIN, { id: DEMO.member.id, isAdmin: false }, { token: admin });
    // the token that says ADMIN is refused at once, in spaces and elsewhere
    expect(errorCodes(await stack.client.request(MEMBERS, {}, { token: asAdmin }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'x', actAsUserId: DEMO.member.id } }, { token: asAdmin }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.client.request(CARDS, {}, { token: asAdmin }))).toEqual(['UNAUTHENTICATED']);
    const again = await signInAs(stack.client, 'member');
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'x', actAsUserId: DEMO.member.id } }, { token: again }))).toEqual(['FORBIDDEN']);
    // T2: the last administrator stays one
    const last = await stack.client.request(SET_ADMIN, { id: DEMO.admin.id, isAdmin: false }, { token: admin });
    expect(errorCodes(last)).toEqual(['CONFLICT']);
  });

  it('C6: an integration token may not subscribe: FORBIDDEN (as its mutations are), never SERVICE_UNAVAILABLE', async () => {
    const crm = (await stack.client.data<{ issueIntegrationToken: { token: string } }>(ISSUE, { input: { name: 'CRM live', actAsUserId: DEMO.member.id } }, { token: admin })).issueIntegrationToken.token;
    const threadId = (await stack.client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId: DEMO_SPACES.partner.id, title: 'CRM' } }, { token: admin })).createThread.id;
    const stream = subscribeOverSse<Added>(stack.gatewayUrl!, COMMENT_ADDED, { threadId }, { token: crm });
    try {
      await stream.waitForEnd();
      if (process.env.DEBUG_REVOCATION) console.log(JSON.stringify(stream.results));
      expect(stream.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['FORBIDDEN']);
    } finally {
      await stream.close();
    }
  });

  it('S10: a guest removed from the space mid-stream gets NOT_FOUND once, and no duplicate of the last comment', async () => {
    const threadId = (await stack.client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId: DEMO_SPACES.partner.id, title: 'Guest stream' } }, { token: admin })).createThread.id;
    const comment = async (text: string) => (await stack.client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { threadId, text } }, { token: admin })).addComment.id;
    const stream = subscribeOverSse<Added>(stack.gatewayUrl!, COMMENT_ADDED, { threadId }, { token: guest });
    try {
      await whenLive([stream], () => comment('warming up'));
      const last = await comment('last one the guest may read');
      await stream.waitFor((r) => r.data?.commentAdded?.id === last);
      await stack.client.data(REMOVE_GUEST, { input: { spaceId: DEMO_SPACES.partner.id, userId: DEMO.guest.id } }, { token: admin });
      await comment('after the removal');
      await stream.waitForEnd();
      if (process.env.DEBUG_REVOCATION) console.log(JSON.stringify(stream.results));
      const delivered = stream.results.map((r) => r.data?.commentAdded?.id).filter((id): id is string => id !== undefined);
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(delivered.at(-1)).toBe(last);
      expect(stream.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['NOT_FOUND']);
    } finally {
      await stream.close();
    }
  });
});

async function refusedCodes(stack: Stack, query: string, token: string): Promise<string[]> {
  return errorCodes(await stack.client.request(query, {}, { token }));
}
