import { DEMO, errorCodes, readMailbox, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';
import {
  JourneyAcceptInvitationDocument,
  JourneyCreateSpaceDocument,
  JourneyCreateThreadDocument,
  JourneyInviteGuestDocument,
  JourneyPostThreadDocument,
  JourneyRemoveGuestDocument,
  JourneySignInDocument,
  JourneySpaceDocument,
  JourneySpaceIdsDocument,
  JourneySpacesDocument,
  JourneySpaceThreadAuthorsDocument,
  JourneySpaceThreadsDocument,
  JourneyUpdateProfileDocument,
  JourneyViewerDocument,
} from './gql/graphql.js';
import { typedClient } from './typed-client.js';

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

  // the refused requests stay raw strings on purpose; what must succeed goes through the typed client
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });

  it('S2/S4/S8: the admin creates a guest space and invites; the mail file under data/mail holds the link', async () => {
    const asAdmin = typedClient(stack, admin);
    spaceId = (await asAdmin.data(JourneyCreateSpaceDocument, { input: { name: 'Journey', isGuestSpace: true } })).createSpace.id;
    adminThreadId = (await asAdmin.data(JourneyCreateThreadDocument, { input: { spaceId, title: 'Welcome', body: 'Read me' } })).createThread.id;
    const invitation = await asAdmin.data(JourneyInviteGuestDocument, { input: { spaceId, email: GUEST_EMAIL } });
    expect(invitation.inviteGuest.email).toBe(GUEST_EMAIL);
    const mails = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${GUEST_EMAIL}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toMatch(LINK);
  });

  it('S4: the guest accepts with the token from the link and signs in; the first sign-in is recorded', async () => {
    const [mail] = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${GUEST_EMAIL}`));
    const token = LINK.exec(mail!.decoded)![1]!;
    const anonymous = typedClient(stack);
    const accepted = await anonymous.data(JourneyAcceptInvitationDocument, { input: { token, name: 'Journey Guest', password: GUEST_PASSWORD } });
    expect(accepted.acceptInvitation.user.kind).toBe('GUEST');
    expect(accepted.acceptInvitation.user.firstSignInAt).not.toBeNull();
    const signIn = await anonymous.data(JourneySignInDocument, { input: { tenant: DEMO.tenant.subdomain, email: GUEST_EMAIL, password: GUEST_PASSWORD } });
    guest = signIn.signIn.token;
    expect(guest).toBeTruthy();
  });

  it('S3: the guest sees only that space, and can post a thread in it', async () => {
    const asGuest = typedClient(stack, guest);
    const spaces = await asGuest.data(JourneySpacesDocument);
    expect(spaces.spaces).toEqual([{ id: spaceId, name: 'Journey', isGuestSpace: true }]);
    const posted = await asGuest.data(JourneyPostThreadDocument, { input: { spaceId, title: 'Hello from outside' } });
    expect(posted.createThread).toEqual({ title: 'Hello from outside', author: { name: 'Journey Guest' } });
    const space = await asGuest.data(JourneySpaceThreadsDocument, { id: spaceId });
    expect(space.space!.threads.map((t) => t.title).sort()).toEqual(['Hello from outside', 'Welcome']);
    // nothing internal: no internal space, no group directory, no member outside the space
    expect((await asGuest.data(JourneySpaceDocument, { id: '00000000-0000-4000-8000-000000000101' })).space).toBeNull();
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
    expect(r.errors?.[0]?.message).toMatch(/^ゲストは.*\(S5\)/);
  });

  it("S5: the guest may not edit or delete a thread created by someone else, nor use the mobile app", async () => {
    for (const query of [`mutation { updateThread(input: { id: "${adminThreadId}", title: "x" }) { id } }`, `mutation { deleteThread(id: "${adminThreadId}") }`]) {
      const r = await gql(query, {}, guest);
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors?.[0]?.message).toMatch(/他の人が作成したスレッド.*\(S5\)/);
    }
    const mobile = await gql(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: GUEST_EMAIL, password: GUEST_PASSWORD, client: 'MOBILE' },
    });
    expect(errorCodes(mobile)).toEqual(['FORBIDDEN']);
    expect(mobile.errors?.[0]?.message).toMatch(/\(S5\)/);
  });

  it('S5: the guest edits their own profile and cover image; their profile has no comment box', async () => {
    const r = await typedClient(stack, guest).data(JourneyUpdateProfileDocument, { input: { name: 'J. Guest', coverImageUrl: 'https://img.example/j.png' } });
    expect(r.updateProfile).toEqual({ name: 'J. Guest', coverImageUrl: 'https://img.example/j.png', canReceiveComments: false });
  });

  it('S2: the guest space stays out of the internal listing of a member who is not in it', async () => {
    const member = await signInAs(stack.client, 'member');
    const spaces = await typedClient(stack, member).data(JourneySpaceIdsDocument);
    expect(spaces.spaces!.map((s) => s.id)).not.toContain(spaceId);
  });

  it('S10: once removed, the same still-valid token sees nothing of the space; the posts stay attributed', async () => {
    const asGuest = typedClient(stack, guest);
    const me = (await asGuest.data(JourneyViewerDocument)).viewer!;
    await typedClient(stack, admin).data(JourneyRemoveGuestDocument, { input: { spaceId, userId: me.id } });
    expect((await asGuest.data(JourneySpaceIdsDocument)).spaces).toEqual([]);
    expect((await asGuest.data(JourneySpaceDocument, { id: spaceId })).space).toBeNull();
    const threads = await typedClient(stack, admin).data(JourneySpaceThreadAuthorsDocument, { id: spaceId });
    expect(threads.space!.threads.find((t) => t.title === 'Hello from outside')?.author?.id).toBe(me.id);
  });
});
