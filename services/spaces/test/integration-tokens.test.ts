import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupMember } from '../src/entities/group-member.entity.js';
import { Group } from '../src/entities/group.entity.js';
import { IntegrationToken } from '../src/entities/integration-token.entity.js';
import { spacesSubgraph } from '../src/index.js';
import { addUser } from './helpers.js';

const ISSUE = `mutation($input: IssueIntegrationTokenInput!) { issueIntegrationToken(input: $input) { token id name scopes expiresAt } }`;
const LIST = `{ integrationTokens { id name scopes createdAt expiresAt revokedAt actingUser { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeIntegrationToken(id: $id) }`;
const VIEWER_GROUPS = `query CardsViewerGroups { viewer { groupIds } }`;

interface Issued {
  token: string;
  id: string;
  name: string;
  scopes: string[];
  expiresAt: string;
}

describe.each(testDialects())('C6 integration tokens in spaces on %s', (dialect) => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<Stack['auth']['demoTokens']>>;
  const sales = '00000000-0000-4000-8000-0000000c0001';
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    tokens = await stack.auth.demoTokens();
    const ds = stack.handles.spaces!.dataSource;
    await ds.getRepository(Group).insert({ id: sales, tenantId: DEMO.tenant.id, name: 'Sales' });
    await ds.getRepository(GroupMember).insert({ groupId: sales, userId: DEMO.member.id });
  });
  afterAll(() => stack?.close());

  const issue = async (input: Record<string, unknown>, token = tokens.admin) =>
    (await stack.client.data<{ issueIntegrationToken: Issued }>(ISSUE, { input }, { token })).issueIntegrationToken;

  it('C6: a tenant admin issues a read-cards token acting as a member, valid a year; only its id is stored', async () => {
    const issued = await issue({ name: '  CRM sync ', actAsUserId: DEMO.member.id });
    expect(issued).toMatchObject({ name: 'CRM sync', scopes: ['cards:read'] });
    const viewer = await stack.auth.verifier.verify(issued.token);
    expect(viewer).toEqual({ userId: DEMO.member.id, tenantId: DEMO.tenant.id, kind: 'MEMBER', roles: [], scopes: ['cards:read'], tokenId: issued.id });
    const days = (new Date(issued.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
    const row = await stack.handles.spaces!.dataSource.getRepository(IntegrationToken).findOneByOrFail({ id: issued.id });
    expect(row).toMatchObject({ tenantId: DEMO.tenant.id, userId: DEMO.member.id, createdBy: DEMO.admin.id, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(issued.token.split('.')[2]!);
    // shown once: the list has no token field at all
    const listed = await stack.client.request(`{ integrationTokens { token } }`, {}, { token: tokens.admin });
    expect(errorCodes(listed)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('C6: the token defaults to acting as the admin, with no roles: it administers nothing', async () => {
    const issued = await issue({ name: 'Groupware' });
    expect(await stack.auth.verifier.verify(issued.token)).toMatchObject({ userId: DEMO.admin.id, roles: [], scopes: ['cards:read'] });
  });

  it('C6: members, guests and other tenants may not issue, list or revoke; guests cannot be acted as', async () => {
    const issued = await issue({ name: 'SFA' });
    for (const token of [tokens.member, tokens.guest]) {
      expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'x' } }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.client.request(LIST, {}, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.client.request(REVOKE, { id: issued.id }, { token }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await stack.client.request(LIST, {}, { token: null }))).toEqual(['UNAUTHENTICATED']);
    const otherAdmin = await addUser(stack, { tenantId: DEMO.vendorTenant.id, admin: true });
    expect((await stack.client.data<{ integrationTokens: unknown[] }>(LIST, {}, { token: otherAdmin.token })).integrationTokens).toEqual([]);
    expect(errorCodes(await stack.client.request(REVOKE, { id: issued.id }, { token: otherAdmin.token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'x', actAsUserId: DEMO.member.id } }, { token: otherAdmin.token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: 'x', actAsUserId: DEMO.guest.id } }, { token: tokens.admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(ISSUE, { input: { name: '   ' } }, { token: tokens.admin }))).toEqual(['BAD_USER_INPUT']);
  });

  it("C6: the token reads only its acting user's own groups (what cards asks) and user names; anything else in spaces is refused", async () => {
    const { token } = await issue({ name: 'CRM read', actAsUserId: DEMO.member.id });
    expect(await stack.client.data(VIEWER_GROUPS, {}, { token })).toEqual({ viewer: { groupIds: [sales] } });
    const names = await stack.client.data<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }`,
      { r: [{ __typename: 'User', id: DEMO.admin.id }] },
      { token },
    );
    expect(names._entities).toEqual([{ id: DEMO.admin.id, name: DEMO.admin.name }]);
    for (const query of [
      `{ viewer { email } }`,
      `{ viewer { groupIds tenant { id } } }`,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { groupIds } } }`,
      `{ integrationTokens { id } }`,
      `mutation { updateProfile(input: { name: "CRM" }) { id } }`,
      // never traded for a full session
      `mutation { refreshToken { token } }`,
      `mutation { switchTenant(tenant: "demo") { token } }`,
    ]) {
      // I1: an integration token carries no language: Accept-Language decides
      const refused = await stack.client.request(query, { r: [{ __typename: 'User', id: DEMO.admin.id }] }, { token, headers: { 'accept-language': 'en' } });
      expect(refused.errors?.[0]).toMatchObject({ message: 'An integration token can only read what its scopes allow (cards:read).', extensions: { code: 'FORBIDDEN', rule: 'C6' } });
      expect(refused.data ?? null).toBeNull();
    }
  });

  it('C6: revocation takes effect at once; revoking twice is harmless; the list shows when', async () => {
    const issued = await issue({ name: 'Old CRM', actAsUserId: DEMO.member.id });
    expect(await stack.client.data(VIEWER_GROUPS, {}, { token: issued.token })).toEqual({ viewer: { groupIds: [sales] } });
    expect(await stack.client.data(REVOKE, { id: issued.id }, { token: tokens.admin })).toEqual({ revokeIntegrationToken: true });
    expect(await stack.client.data(REVOKE, { id: issued.id }, { token: tokens.admin })).toEqual({ revokeIntegrationToken: true });
    const refused = await stack.client.request(VIEWER_GROUPS, {}, { token: issued.token, headers: { 'accept-language': 'en' } });
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.extensions?.rule).toBe('C6');
    expect(refused.errors?.[0]?.message).toMatch(/revoked/);
    // without Accept-Language (and no language in the token), Japanese
    expect((await stack.client.request(VIEWER_GROUPS, {}, { token: issued.token })).errors?.[0]?.message).toMatch(/^この連携トークンは無効化/);
    const list = await stack.client.data<{ integrationTokens: Array<{ id: string; revokedAt: string | null; actingUser: { id: string } }> }>(LIST, {}, { token: tokens.admin });
    expect(list.integrationTokens.find((t) => t.id === issued.id)).toMatchObject({ actingUser: { id: DEMO.member.id } });
    expect(list.integrationTokens.find((t) => t.id === issued.id)!.revokedAt).not.toBeNull();
    // a well-signed token whose id spaces never stored is refused the same way
    const forged = await stack.auth.tokenFor({ id: DEMO.member.id, scopes: ['cards:read'], tokenId: 'never-issued' });
    expect(errorCodes(await stack.client.request(VIEWER_GROUPS, {}, { token: forged }))).toEqual(['UNAUTHENTICATED']);
  });
});
