import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SPACES, spacesSubgraph } from '../src/index.js';
import { addMembership, addUser } from './helpers.js';

const CREATE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id name isGuestSpace isPrivate body guestPermissions { addThreads editThreads deleteThreads addComments deleteComments addAttachments deleteAttachments } members { id } administrators { id } } }`;
const SPACES = `{ spaces { id name isGuestSpace } }`;
const SPACE = `query($id: ID!) { space(id: $id) { id name body members { id kind } threads { id title author { id } comments { id text author { id } } } } }`;

describe.each(testDialects())('spaces on %s', (dialect) => {
  let stack: Stack;
  let tokens: { admin: string; member: string; guest: string };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    const demo = await stack.auth.demoTokens();
    tokens = { admin: demo.admin, member: demo.member, guest: demo.guest };
  });
  afterAll(() => stack?.close());

  const gql = (query: string, variables: Record<string, unknown>, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });
  async function ok<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    return stack.client.data<T>(query, variables, { token });
  }
  const createSpace = async (token: string, input: Record<string, unknown>) =>
    (await ok<{ createSpace: { id: string } }>(CREATE, { input }, token)).createSpace.id;
  const names = async (token: string) => (await ok<{ spaces: Array<{ name: string }> }>(SPACES, {}, token)).spaces.map((s) => s.name);

  it('S1/S6: a member creates a space, becomes its administrator; guest permissions default to the least', async () => {
    const r = await ok<{ createSpace: Record<string, unknown> }>(CREATE, { input: { name: '  Design  ', isGuestSpace: true } }, tokens.member);
    expect(r.createSpace).toMatchObject({
      name: 'Design',
      isGuestSpace: true,
      isPrivate: false,
      body: '',
      members: [{ id: DEMO.member.id }],
      administrators: [{ id: DEMO.member.id }],
      guestPermissions: { addThreads: true, editThreads: false, deleteThreads: false, addComments: true, deleteComments: false, addAttachments: false, deleteAttachments: false },
    });
    expect(errorCodes(await gql(CREATE, { input: { name: ' ', isGuestSpace: false } }, tokens.member))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(CREATE, { input: { name: 'x', isGuestSpace: false } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('S1/S2/S3: listings: private spaces only to members of them, guest spaces only to those in them, guests only their guest spaces', async () => {
    const owner = await addUser(stack);
    const outsider = await addUser(stack);
    await createSpace(owner.token, { name: 'Open internal', isGuestSpace: false });
    await createSpace(owner.token, { name: 'Private internal', isGuestSpace: false, isPrivate: true });
    await createSpace(owner.token, { name: 'Owner guest space', isGuestSpace: true });
    expect(await names(owner.token)).toEqual(expect.arrayContaining(['Open internal', 'Private internal', 'Owner guest space', 'General']));
    const seenByOutsider = await names(outsider.token);
    expect(seenByOutsider).toContain('Open internal');
    expect(seenByOutsider).not.toContain('Private internal');
    expect(seenByOutsider).not.toContain('Owner guest space'); // S2
    expect(seenByOutsider).not.toContain(DEMO_SPACES.partner.name); // S2: the outsider is not in it
    // S2 holds for a tenant administrator too: a guest space is not part of the internal listing
    expect(await names(tokens.admin)).not.toContain('Owner guest space');
    // S3: the demo guest sees exactly the guest space they were invited into
    expect(await names(tokens.guest)).toEqual([DEMO_SPACES.partner.name]);
    expect((await ok<{ space: null }>(SPACE, { id: DEMO_SPACES.general.id }, tokens.guest)).space).toBeNull();
    expect(errorCodes(await gql(SPACES, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('T1: an administrator of another tenant sees none of these spaces', async () => {
    const stranger = await stack.auth.tokenFor({ id: 'stranger', tenantId: 'another-tenant', roles: ['ADMIN'] });
    expect(await names(stranger)).toEqual([]);
    expect((await ok<{ space: null }>(SPACE, { id: DEMO_SPACES.general.id }, stranger)).space).toBeNull();
  });

  it('S1: threads and comments; S5: a guest may not edit or delete threads created by someone else', async () => {
    const thread = (
      await ok<{ createThread: { id: string } }>(`mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, { i: { spaceId: DEMO_SPACES.partner.id, title: 'Kick-off', body: 'Agenda' } }, tokens.member)
    ).createThread.id;
    await ok(`mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`, { i: { threadId: thread, text: 'Sounds good' } }, tokens.guest);
    const space = (await ok<{ space: { members: Array<{ id: string }>; threads: Array<{ title: string; author: { id: string }; comments: Array<{ text: string; author: { id: string } }> }> } }>(SPACE, { id: DEMO_SPACES.partner.id }, tokens.guest)).space;
    expect(space.threads.find((t) => t.title === 'Kick-off')).toEqual(expect.objectContaining({ author: { id: DEMO.member.id }, comments: [{ id: expect.any(String), text: 'Sounds good', author: { id: DEMO.guest.id } }] }));
    // S3: the guest sees the members of their guest space
    expect(space.members.map((m) => m.id)).toEqual(expect.arrayContaining([DEMO.admin.id, DEMO.member.id, DEMO.guest.id]));

    const edit = await gql(`mutation { updateThread(input: { id: "${thread}", title: "Mine now" }) { id } }`, {}, tokens.guest);
    expect(errorCodes(edit)).toEqual(['FORBIDDEN']);
    expect(edit.errors?.[0]?.message).toMatch(/Guests may not edit threads created by someone else \(S5\)/);
    const del = await gql(`mutation { deleteThread(id: "${thread}") }`, {}, tokens.guest);
    expect(errorCodes(del)).toEqual(['FORBIDDEN']);
    expect(del.errors?.[0]?.message).toMatch(/\(S5\)/);
    // the author edits; a space administrator deletes
    await ok(`mutation { updateThread(input: { id: "${thread}", title: "Kick-off (moved)" }) { id updatedAt } }`, {}, tokens.member);
    expect((await ok<{ deleteThread: boolean }>(`mutation { deleteThread(id: "${thread}") }`, {}, tokens.admin)).deleteThread).toBe(true);
  });

  it('S6: a guest edits their own thread only when the space allows it', async () => {
    const thread = (await ok<{ createThread: { id: string } }>(`mutation { createThread(input: { spaceId: "${DEMO_SPACES.partner.id}", title: "Guest idea" }) { id } }`, {}, tokens.guest)).createThread.id;
    const refused = await gql(`mutation { updateThread(input: { id: "${thread}", body: "more" }) { id } }`, {}, tokens.guest);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/\(S6\)/);
    await ok(`mutation { updateSpaceSettings(input: { spaceId: "${DEMO_SPACES.partner.id}", guestCanEditThreads: true }) { id } }`, {}, tokens.admin);
    await ok(`mutation { updateThread(input: { id: "${thread}", body: "more" }) { id } }`, {}, tokens.guest);
    await ok(`mutation { updateSpaceSettings(input: { spaceId: "${DEMO_SPACES.partner.id}", guestCanEditThreads: false, guestCanAddThreads: false }) { id } }`, {}, tokens.admin);
    const add = await gql(`mutation { createThread(input: { spaceId: "${DEMO_SPACES.partner.id}", title: "Another" }) { id } }`, {}, tokens.guest);
    expect(errorCodes(add)).toEqual(['FORBIDDEN']);
    await ok(`mutation { updateSpaceSettings(input: { spaceId: "${DEMO_SPACES.partner.id}", guestCanAddThreads: true }) { id } }`, {}, tokens.admin);
  });

  it('S5: a guest may not change settings, delete the space, edit the body, or add/remove members', async () => {
    const id = DEMO_SPACES.partner.id;
    const attempts = [
      `mutation { updateSpaceSettings(input: { spaceId: "${id}", name: "Taken" }) { id } }`,
      `mutation { deleteSpace(id: "${id}") }`,
      `mutation { updateSpaceBody(input: { spaceId: "${id}", body: "hacked" }) { id } }`,
      `mutation { addSpaceMember(input: { spaceId: "${id}", userId: "${DEMO.member.id}" }) { id } }`,
      `mutation { removeSpaceMember(input: { spaceId: "${id}", userId: "${DEMO.member.id}" }) { id } }`,
    ];
    for (const query of attempts) {
      const r = await gql(query, {}, tokens.guest);
      expect(errorCodes(r), query).toEqual(['FORBIDDEN']);
      expect(r.errors?.[0]?.message).toMatch(/^Guests may not .* \(S5\)\.$/);
    }
  });

  it('S1: space administrators edit the body and manage members; plain members may not', async () => {
    const space = await createSpace(tokens.admin, { name: 'Board', isGuestSpace: false, isPrivate: true });
    const refused = await gql(`mutation { updateSpaceBody(input: { spaceId: "${space}", body: "x" }) { id } }`, {}, tokens.member);
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']); // private and the member is not in it
    await ok(`mutation { addSpaceMember(input: { spaceId: "${space}", userId: "${DEMO.member.id}" }) { id } }`, {}, tokens.admin);
    const notAdmin = await gql(`mutation { updateSpaceBody(input: { spaceId: "${space}", body: "x" }) { id } }`, {}, tokens.member);
    expect(errorCodes(notAdmin)).toEqual(['FORBIDDEN']);
    expect(notAdmin.errors?.[0]?.message).toMatch(/Only an administrator of this space/);
    const body = await ok<{ updateSpaceBody: { body: string } }>(`mutation { updateSpaceBody(input: { spaceId: "${space}", body: "Notice: meeting at 10" }) { body } }`, {}, tokens.admin);
    expect(body.updateSpaceBody.body).toBe('Notice: meeting at 10');
    const guestIntoInternal = await gql(`mutation { addSpaceMember(input: { spaceId: "${space}", userId: "${DEMO.guest.id}" }) { id } }`, {}, tokens.admin);
    expect(errorCodes(guestIntoInternal)).toEqual(['BAD_USER_INPUT']);
    await ok(`mutation { removeSpaceMember(input: { spaceId: "${space}", userId: "${DEMO.member.id}" }) { id } }`, {}, tokens.admin);
    expect((await ok<{ space: null }>(SPACE, { id: space }, tokens.member)).space).toBeNull();
    expect((await ok<{ deleteSpace: boolean }>(`mutation { deleteSpace(id: "${space}") }`, {}, tokens.admin)).deleteSpace).toBe(true);
    expect((await ok<{ space: null }>(SPACE, { id: space }, tokens.admin)).space).toBeNull();
  });

  it('S2/S3 on users: a guest sees co-members of their guest space only; a member sees guests only of guest spaces they share', async () => {
    const loner = await addUser(stack);
    const otherGuest = await addUser(stack, { kind: 'GUEST' });
    const otherSpace = await createSpace(tokens.admin, { name: 'Other guests', isGuestSpace: true });
    await addMembership(stack, otherSpace, otherGuest.id);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id } } }`;
    const refs = { r: [DEMO.member.id, DEMO.guest.id, otherGuest.id, loner.id].map((id) => ({ __typename: 'User', id })) };
    const ids = async (token: string) => (await ok<{ _entities: Array<{ id: string } | null> }>(query, refs, token))._entities.map((e) => e?.id ?? null);
    expect(await ids(tokens.guest)).toEqual([DEMO.member.id, DEMO.guest.id, null, null]);
    expect(await ids(loner.token)).toEqual([DEMO.member.id, null, null, loner.id]);
    expect(await ids(tokens.member)).toEqual([DEMO.member.id, DEMO.guest.id, null, loner.id]);
    expect(await ids(otherGuest.token)).toEqual([null, null, otherGuest.id, null]);
  });

  it('S10: removing a guest ends access at once; their posts stay, attributed to them', async () => {
    const space = await createSpace(tokens.admin, { name: 'Short project', isGuestSpace: true });
    const guest = await addUser(stack, { kind: 'GUEST' });
    await addMembership(stack, space, guest.id);
    await ok(`mutation { createThread(input: { spaceId: "${space}", title: "From the guest" }) { id } }`, {}, guest.token);
    expect(await names(guest.token)).toEqual(['Short project']);
    await ok(`mutation { removeSpaceMember(input: { spaceId: "${space}", userId: "${guest.id}" }) { id } }`, {}, tokens.admin);
    // the same, still valid token sees nothing of the space
    expect(await names(guest.token)).toEqual([]);
    expect((await ok<{ space: null }>(SPACE, { id: space }, guest.token)).space).toBeNull();
    expect(errorCodes(await gql(`mutation { createThread(input: { spaceId: "${space}", title: "again" }) { id } }`, {}, guest.token))).toEqual(['NOT_FOUND']);
    const threads = (await ok<{ space: { threads: Array<{ title: string; author: { id: string } }> } }>(SPACE, { id: space }, tokens.admin)).space.threads;
    expect(threads).toEqual([expect.objectContaining({ title: 'From the guest', author: { id: guest.id } })]);
  });

  it('S5: a guest edits their own profile and cover image; a guest profile has no comment box', async () => {
    const r = await ok<{ updateProfile: { name: string; coverImageUrl: string; canReceiveComments: boolean } }>(
      `mutation { updateProfile(input: { name: "Pat Partner", coverImageUrl: "https://img.example/cover.png" }) { name coverImageUrl canReceiveComments } }`,
      {},
      tokens.guest,
    );
    expect(r.updateProfile).toEqual({ name: 'Pat Partner', coverImageUrl: 'https://img.example/cover.png', canReceiveComments: false });
    const member = await ok<{ viewer: { canReceiveComments: boolean } }>(`{ viewer { canReceiveComments } }`, {}, tokens.member);
    expect(member.viewer.canReceiveComments).toBe(true);
    expect(errorCodes(await gql(`mutation { updateProfile(input: { coverImageUrl: "javascript:alert(1)" }) { name } }`, {}, tokens.guest))).toEqual(['BAD_USER_INPUT']);
  });

  it('S1/S3/S5: apps attached to a space: administrators add and remove them, guests of the space see them but may not change them', async () => {
    const id = DEMO_SPACES.partner.id;
    const added = await ok<{ addSpaceApp: { id: string; name: string } }>(`mutation { addSpaceApp(input: { spaceId: "${id}", name: " Orders " }) { id name } }`, {}, tokens.admin);
    expect(added.addSpaceApp.name).toBe('Orders');
    const apps = async (token: string) => (await ok<{ space: { apps: Array<{ name: string }> } | null }>(`{ space(id: "${id}") { apps { name } } }`, {}, token)).space?.apps.map((a) => a.name);
    expect(await apps(tokens.guest)).toContain('Orders');
    const refused = await gql(`mutation { addSpaceApp(input: { spaceId: "${id}", name: "Mine" }) { id } }`, {}, tokens.guest);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toBe('Guests may not add apps to a space (S5).');
    expect(errorCodes(await gql(`mutation { removeSpaceApp(id: "${added.addSpaceApp.id}") }`, {}, tokens.guest))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(`mutation { addSpaceApp(input: { spaceId: "${id}", name: "${'x'.repeat(101)}" }) { id } }`, {}, tokens.admin))).toEqual(['BAD_USER_INPUT']);
    expect(await ok(`mutation { removeSpaceApp(id: "${added.addSpaceApp.id}") }`, {}, tokens.admin)).toEqual({ removeSpaceApp: true });
    expect(await apps(tokens.admin)).not.toContain('Orders');
  });

  it('groups: members see the tenant groups, guests are refused (S3)', async () => {
    await ok(`mutation { createGroup(input: { name: "Sales" }) { id } }`, {}, tokens.admin);
    const groups = await ok<{ groups: Array<{ name: string; members: unknown[] }> }>(`{ groups { name members { id } } }`, {}, tokens.member);
    expect(groups.groups.map((g) => g.name)).toContain('Sales');
    const refused = await gql(`{ groups { name } }`, {}, tokens.guest);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});
