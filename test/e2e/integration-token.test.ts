import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;
const ADD_TO_GROUP = `mutation($input: GroupMemberInput!) { addGroupMember(input: $input) { id } }`;
const CREATE = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $input) { token id name scopes expiresAt } }`;
const REVOKE = `mutation($id: ID!) { revokeIntegrationToken(id: $id) }`;
const LIST_TOKENS = `{ integrationTokens { id name revokedAt actingUser { id } } }`;
/** What a CRM asks: the cards, with their owner's name resolved by spaces through the gateway. */
const CRM_READ = `{ cards(first: 100) { edges { node { id name company owner { id name } } } } }`;
const MY_TICKETS = `{ myTickets(first: 5) { edges { node { id } } } }`;

type CrmPage = { cards: { edges: Array<{ node: { id: string; name: string; owner: { id: string; name: string } | null } }> } };

describe.each(testDialects())('C6: a CRM reads cards through the gateway with an integration token on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  let member: string;
  const cards: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    [admin, member] = await Promise.all([signInAs(stack.client, 'admin'), signInAs(stack.client, 'member')]);
    const group = (await stack.client.data<{ createGroup: { id: string } }>(CREATE_GROUP, { input: { name: '役員室' } }, { token: admin })).createGroup;
    await stack.client.data(ADD_TO_GROUP, { input: { groupId: group.id, userId: DEMO.admin.id } }, { token: admin });
    const create = async (input: Record<string, unknown>) => (await stack.client.data<{ createCard: { id: string } }>(CREATE, { input }, { token: admin })).createCard.id;
    cards.open = await create({ name: '公開 太郎', company: '株式会社オープン' });
    cards.limited = await create({ name: '役員 花子', company: '株式会社ひみつ', visibleToGroupIds: [group.id] });
  });
  afterAll(() => stack?.close());

  it('C6: members cannot issue tokens; an admin issues one acting as a member, shown once', async () => {
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'CRM' } }, { token: member }))).toEqual(['FORBIDDEN']);
    const issued = (await stack.client.data<{ issueIntegrationToken: { token: string; scopes: string[] } }>(ISSUE, { input: { name: 'CRM', actAsUserId: DEMO.member.id } }, { token: admin }))
      .issueIntegrationToken;
    expect(issued.scopes).toEqual(['cards:read']);
    expect(errorCodes(await stack.client.request(`{ integrationTokens { token } }`, {}, { token: admin }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('C6: the CRM reads cards as the member sees them (C3), owners included; it cannot change cards, read tickets or spaces; revocation stops it at once', async () => {
    const issued = (await stack.client.data<{ issueIntegrationToken: { token: string; id: string } }>(ISSUE, { input: { name: 'SFA', actAsUserId: DEMO.member.id } }, { token: admin }))
      .issueIntegrationToken;
    const crm = issued.token;

    // the gateway verifies it like any other token; cards applies the member's visibility
    const page = await stack.client.data<CrmPage>(CRM_READ, {}, { token: crm });
    const seen = page.cards.edges.map((e) => e.node);
    expect(seen.map((c) => c.id)).toContain(cards.open);
    expect(seen.map((c) => c.id)).not.toContain(cards.limited);
    expect(seen.find((c) => c.id === cards.open)!.owner).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    // the same as the member sees with a normal session
    const memberPage = await stack.client.data<CrmPage>(CRM_READ, {}, { token: member });
    expect(seen.map((c) => c.id).sort()).toEqual(memberPage.cards.edges.map((e) => e.node.id).sort());

    const mutation = await stack.client.request(CREATE, { input: { name: 'From the CRM' } }, { token: crm });
    // an integration token carries no language (I1): no Accept-Language, so Japanese
    expect(mutation.errors?.[0]).toMatchObject({ message: '連携トークンでできるのは、許可された範囲（cards:read）の読み取りだけです。', extensions: { code: 'FORBIDDEN', rule: 'C6' } });
    const tickets = await stack.client.request(MY_TICKETS, {}, { token: crm });
    expect(tickets.errors?.[0]).toMatchObject({ message: '連携トークンでできるのは、許可された範囲（cards:read）の読み取りだけです。', extensions: { code: 'FORBIDDEN', rule: 'C6' } });
    expect(errorCodes(await stack.client.request(`{ viewer { email } }`, {}, { token: crm }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(`mutation { updateProfile(input: { name: "CRM" }) { id } }`, {}, { token: crm }))).toEqual(['FORBIDDEN']);

    expect(await stack.client.data(REVOKE, { id: issued.id }, { token: admin })).toEqual({ revokeIntegrationToken: true });
    const after = await stack.client.request(CRM_READ, {}, { token: crm });
    expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.data?.cards ?? null).toBeNull();
    const listed = await stack.client.data<{ integrationTokens: Array<{ id: string; revokedAt: string | null; actingUser: { id: string } }> }>(LIST_TOKENS, {}, { token: admin });
    expect(listed.integrationTokens.find((t) => t.id === issued.id)).toMatchObject({ actingUser: { id: DEMO.member.id } });
    expect(listed.integrationTokens.find((t) => t.id === issued.id)!.revokedAt).not.toBeNull();
    // the member's own session is unaffected
    expect(errorCodes(await stack.client.request(CRM_READ, {}, { token: member }))).toEqual([]);
  });
});
