import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupMember } from '../src/entities/group-member.entity.js';
import { Group } from '../src/entities/group.entity.js';
import { spacesSubgraph } from '../src/index.js';
import { addUser } from './helpers.js';

const VIEWER_GROUPS = `{ viewer { id groupIds } }`;
const USER_GROUPS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id groupIds } } }`;

describe.each(testDialects())('User.groupIds (what cards asks for C3) on %s', (dialect) => {
  let stack: Stack;
  let member: { id: string; token: string };
  const sales = '00000000-0000-4000-8000-0000000a0001';
  const legal = '00000000-0000-4000-8000-0000000a0002';
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    member = await addUser(stack);
    const ds = stack.handles.spaces!.dataSource;
    await ds.getRepository(Group).insert([
      { id: sales, tenantId: DEMO.tenant.id, name: 'Sales' },
      { id: legal, tenantId: DEMO.tenant.id, name: 'Legal' },
    ]);
    await ds.getRepository(GroupMember).insert([
      { groupId: sales, userId: member.id },
      { groupId: legal, userId: member.id },
    ]);
  });
  afterAll(() => stack?.close());

  it('C3: the user sees their own group ids; a user in no group gets []', async () => {
    const own = await stack.client.data<{ viewer: { groupIds: string[] } }>(VIEWER_GROUPS, {}, { token: member.token });
    expect(own.viewer.groupIds).toEqual([sales, legal]);
    const { member: demoMember } = await stack.auth.demoTokens();
    expect((await stack.client.data<{ viewer: { groupIds: string[] } }>(VIEWER_GROUPS, {}, { token: demoMember })).viewer.groupIds).toEqual([]);
  });

  it("C3: a tenant admin sees a member's groups; another member may not", async () => {
    const { admin, member: other } = await stack.auth.demoTokens();
    const asAdmin = await stack.client.data<{ _entities: Array<{ groupIds: string[] }> }>(USER_GROUPS, { r: [{ __typename: 'User', id: member.id }] }, { token: admin });
    expect(asAdmin._entities[0]!.groupIds).toEqual([sales, legal]);
    const refused = await stack.client.request(USER_GROUPS, { r: [{ __typename: 'User', id: member.id }] }, { token: other });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});
