import { DEMO, errorCodes, readMailbox, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;
const GUEST_EMAIL = 'journey@partner.example';
const GUEST_PASSWORD = 'journey-password-1';

describe.each(testDialects())('the guest journey through the gateway on %s (S2-S5, S8, S10)', (dialect) => {
  let stack: Stack;
  let admin: string;
  let guest: string;
  let spaceId: string;
  let adminThreadId: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    admin = await signInAs(stack.client, 'admin');
  });
  afterAll(() => stack?.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.data<T>(query, variables, { token });

  it('S2/S4/S8: the admin creates a guest space and invites; the mail file under data/mail holds the link', async () => {
    spaceId = (await ok<{ createSpace: { id: string } }>(`mutation { createSpace(input: { name: "Journey", isGuestSpace: true }) { id } }`, {}, admin)).createSpace.id;
    adminThreadId = (await ok<{ createThread: { id: string } }>(`mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, { i: { spaceId, title: 'Welcome', body: 'Read me' } }, admin)).createThread.id;
    const invitation = await ok<{ inviteGuest: { email: string; expiresAt: string } }>(
      `mutation($input: InviteGuestInput!) { inviteGuest(input: $input) { email expiresAt } }`,
      { input: { spaceId, email: GUEST_EMAIL } },
      admin,
    );
    expect(invitation.inviteGuest.email).toBe(GUEST_EMAIL);
    const mails = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${GUEST_EMAIL}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toMatch(LINK);
  });

  it('S4: the guest accepts with the token from the link and signs in; the first sign-in is recorded', async () => {
    const [mail] = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${GUEST_EMAIL}`));
    const token = LINK.exec(mail!.decoded)![1]!;
    const accepted = await ok<{ acceptInvitation: { token: string; user: { kind: string; firstSignInAt: string | null } } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { kind firstSignInAt } } }`,
      { input: { token, name: 'Journey Guest', password: GUEST_PASSWORD } },
    );
    expect(accepted.acceptInvitation.user.kind).toBe('GUEST');
    expect(accepted.acceptInvitation.user.firstSignInAt).not.toBeNull();
    const signIn = await ok<{ signIn: { token: string } }>(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: GUEST_EMAIL, password: GUEST_PASSWORD },
    });
    guest = signIn.signIn.token;
    expect(guest).toBeTruthy();
  });

  it('S3: the guest sees only that space, and can post a thread in it', async () => {
    const spaces = await ok<{ spaces: Array<{ id: string; name: string; isGuestSpace: boolean }> }>(`{ spaces { id name isGuestSpace } }`, {}, guest);
    expect(spaces.spaces).toEqual([{ id: spaceId, name: 'Journey', isGuestSpace: true }]);
    const posted = await ok<{ createThread: { title: string; author: { name: string } } }>(
      `mutation { createThread(input: { spaceId: "${spaceId}", title: "Hello from outside" }) { title author { name } } }`,
      {},
      guest,
    );
    expect(posted.createThread).toEqual({ title: 'Hello from outside', author: { name: 'Journey Guest' } });
    const space = await ok<{ space: { threads: Array<{ title: string }> } }>(`{ space(id: "${spaceId}") { threads { title } } }`, {}, guest);
    expect(space.space.threads.map((t) => t.title).sort()).toEqual(['Hello from outside', 'Welcome']);
    // nothing internal: no internal space, no group directory, no member outside the space
    expect((await ok<{ space: null }>(`{ space(id: "00000000-0000-4000-8000-000000000101") { id } }`, {}, guest)).space).toBeNull();
    expect(errorCodes(await gql(`{ groups { id } }`, {}, guest))).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['change the space settings', (id: string) => `mutation { updateSpaceSettings(input: { spaceId: "${id}", name: "Mine" }) { id } }`],
    ['delete the space', (id: string) => `mutation { deleteSpace(id: "${id}") }`],
    ['edit the body/notice board', (id: string) => `mutation { updateSpaceBody(input: { spaceId: "${id}", body: "x" }) { id } }`],
    ['add a member', (id: string) => `mutation { addSpaceMember(input: { spaceId: "${id}", userId: "${DEMO.member.id}" }) { id } }`],
    ['remove a member', (id: string) => `mutation { removeSpaceMember(input: { spaceId: "${id}", userId: "${DEMO.admin.id}" }) { id } }`],
    ['invite another guest', (id: string) => `mutation { inviteGuest(input: { spaceId: "${id}", email: "friend@partner.example" }) { id } }`],
    ['configure sign-in security', () => `mutation { setTenantRequiresTotp(required: false) { id } }`],
  ])('S5: the guest may not %s: FORBIDDEN with the reason', async (_what, query) => {
    const r = await gql(query(spaceId), {}, guest);
    expect(errorCodes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors?.[0]?.message).toMatch(/^Guests may not .*\(S5\)/);
  });

  it("S5: the guest may not edit or delete a thread created by someone else, nor use the mobile app", async () => {
    for (const query of [`mutation { updateThread(input: { id: "${adminThreadId}", title: "x" }) { id } }`, `mutation { deleteThread(id: "${adminThreadId}") }`]) {
      const r = await gql(query, {}, guest);
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors?.[0]?.message).toMatch(/created by someone else \(S5\)/);
    }
    const mobile = await gql(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: GUEST_EMAIL, password: GUEST_PASSWORD, client: 'MOBILE' },
    });
    expect(errorCodes(mobile)).toEqual(['FORBIDDEN']);
    expect(mobile.errors?.[0]?.message).toMatch(/\(S5\)/);
  });

  it('S5: the guest edits their own profile and cover image; their profile has no comment box', async () => {
    const r = await ok<{ updateProfile: { name: string; coverImageUrl: string; canReceiveComments: boolean } }>(
      `mutation { updateProfile(input: { name: "J. Guest", coverImageUrl: "https://img.example/j.png" }) { name coverImageUrl canReceiveComments } }`,
      {},
      guest,
    );
    expect(r.updateProfile).toEqual({ name: 'J. Guest', coverImageUrl: 'https://img.example/j.png', canReceiveComments: false });
  });

  it('S2: the guest space stays out of the internal listing of a member who is not in it', async () => {
    const member = await signInAs(stack.client, 'member');
    const spaces = await ok<{ spaces: Array<{ id: string }> }>(`{ spaces { id } }`, {}, member);
    expect(spaces.spaces.map((s) => s.id)).not.toContain(spaceId);
  });

  it('S10: once removed, the same still-valid token sees nothing of the space; the posts stay attributed', async () => {
    const me = await ok<{ viewer: { id: string } }>(`{ viewer { id } }`, {}, guest);
    await ok(`mutation { removeGuest(input: { spaceId: "${spaceId}", userId: "${me.viewer.id}" }) }`, {}, admin);
    expect((await ok<{ spaces: unknown[] }>(`{ spaces { id } }`, {}, guest)).spaces).toEqual([]);
    expect((await ok<{ space: null }>(`{ space(id: "${spaceId}") { id } }`, {}, guest)).space).toBeNull();
    const threads = await ok<{ space: { threads: Array<{ title: string; author: { id: string } }> } }>(`{ space(id: "${spaceId}") { threads { title author { id } } } }`, {}, admin);
    expect(threads.space.threads.find((t) => t.title === 'Hello from outside')?.author.id).toBe(me.viewer.id);
  });
});
