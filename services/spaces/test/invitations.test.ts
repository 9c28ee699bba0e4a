import { totpAt } from '@kyodo/auth';
import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invitation } from '../src/entities/invitation.entity.js';
import { User } from '../src/entities/user.entity.js';
import { DEMO_SPACES, spacesSubgraph } from '../src/index.js';

const INVITE = `mutation($input: InviteGuestInput!) { inviteGuest(input: $input) { id spaceId email expiresAt acceptedAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token totpEnrollmentRequired user { id kind name firstSignInAt } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token totpEnrollmentRequired } }`;
const LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;

describe.each(testDialects())('invitations, guests and account security on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  const clock = new ManualClock('2026-11-21T01:00:00Z');
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, clock });
    admin = (await stack.auth.demoTokens()).admin;
  });
  afterAll(() => stack?.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.data<T>(query, variables, { token });
  const newGuestSpace = async (name: string) => (await ok<{ createSpace: { id: string } }>(`mutation { createSpace(input: { name: "${name}", isGuestSpace: true }) { id } }`, {}, admin)).createSpace.id;

  /** Invites and returns the token from the mail written for that address. */
  async function invite(spaceId: string, email: string): Promise<{ token: string; mail: string }> {
    await ok(INVITE, { input: { spaceId, email } }, admin);
    const mails = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${email}`));
    const mail = mails.at(-1)!.decoded;
    return { token: LINK.exec(mail)![1]!, mail };
  }

  it('S4/S8: the invitation mail is an .eml file holding a single-use link; only a hash of the token is stored', async () => {
    const space = await newGuestSpace('Vendor A');
    const r = await ok<{ inviteGuest: { email: string; expiresAt: string; acceptedAt: null } }>(INVITE, { input: { spaceId: space, email: ' Alice@Partner.Example ' } }, admin);
    expect(r.inviteGuest).toMatchObject({ email: 'alice@partner.example', acceptedAt: null, expiresAt: '2026-11-28T01:00:00.000Z' }); // 7 days
    const [mail] = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes('To: alice@partner.example'));
    expect(mail).toBeDefined();
    const token = LINK.exec(mail!.decoded)![1]!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    // S8: the tenant's format is HTML by default: an HTML part (with a text alternative)
    expect(mail!.raw).toMatch(/Content-Type: text\/html/);
    const rows = await stack.handles.spaces!.dataSource.getRepository(Invitation).findBy({ email: 'alice@partner.example' });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('S4: accepting creates the guest, records the first sign-in, signs them in; the guest sees only that space; the link works once', async () => {
    const space = await newGuestSpace('Vendor B');
    const { token } = await invite(space, 'bob@partner.example');
    const accepted = await ok<{ acceptInvitation: { token: string; user: { kind: string; name: string; firstSignInAt: string } } }>(
      ACCEPT,
      { input: { token, name: 'Bob Partner', password: 'bob-password-1' } },
    );
    expect(accepted.acceptInvitation.user).toEqual({ id: expect.any(String), kind: 'GUEST', name: 'Bob Partner', firstSignInAt: '2026-11-21T01:00:00.000Z' });
    const spaces = await ok<{ spaces: Array<{ id: string }> }>(`{ spaces { id } }`, {}, accepted.acceptInvitation.token);
    expect(spaces.spaces).toEqual([{ id: space }]);
    // S8: an "account created" mail went out as well
    expect((await readMailbox(stack.dataDir)).some((m) => m.raw.includes('To: bob@partner.example') && /account/i.test(m.decoded) && !LINK.test(m.decoded))).toBe(true);
    const again = await gql(ACCEPT, { input: { token, name: 'Mallory', password: 'mallory-password' } });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    // I1: the invitee is anonymous: Japanese, unless Accept-Language asks for English
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'S4', field: 'token' });
    expect(again.errors?.[0]?.message).toMatch(/すでに使用されています/);
    // the new guest signs in normally
    const signIn = await ok<{ signIn: { token: string } }>(SIGN_IN, { input: { tenant: 'demo', email: 'bob@partner.example', password: 'bob-password-1' } });
    expect(signIn.signIn.token).toBeTruthy();
  });

  it('S4: an expired or unknown link is refused with a plain message', async () => {
    const space = await newGuestSpace('Vendor C');
    const { token } = await invite(space, 'carol@partner.example');
    clock.advanceDays(7);
    const expired = await gql(ACCEPT, { input: { token, name: 'Carol', password: 'carol-password' } });
    expect(errorCodes(expired)).toEqual(['BAD_USER_INPUT']);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ rule: 'S4', field: 'token' });
    expect(expired.errors?.[0]?.message).toMatch(/有効期限が切れています/);
    const expiredEn = await stack.client.request(ACCEPT, { input: { token, name: 'Carol', password: 'carol-password' } }, { headers: { 'accept-language': 'en' } });
    expect(expiredEn.errors?.[0]?.message).toMatch(/has expired/);
    clock.set('2026-11-21T01:00:00Z');
    const unknown = await gql(ACCEPT, { input: { token: 'not-a-token', name: 'Eve', password: 'eve-password-1' } });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    const weak = await gql(ACCEPT, { input: { token, name: 'Carol', password: 'short' } });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
  });

  it('S4: inviting an address that already has a guest account adds that guest at once', async () => {
    const space = await newGuestSpace('Vendor D');
    const { token } = await invite(space, DEMO.guest.email);
    const guest = (await stack.auth.demoTokens()).guest;
    const seen = await ok<{ spaces: Array<{ id: string }> }>(`{ spaces { id } }`, {}, guest);
    expect(seen.spaces.map((s) => s.id)).toEqual(expect.arrayContaining([DEMO_SPACES.partner.id, space]));
    // the link signs the existing guest in with their own password, and only with it
    expect(errorCodes(await gql(ACCEPT, { input: { token, name: 'x', password: 'wrong-password' } }))).toEqual(['UNAUTHENTICATED']);
    // T3: the wrong password counts towards the sign-in lockout
    const counted = await stack.handles.spaces!.dataSource.getRepository(User).findOneByOrFail({ id: DEMO.guest.id });
    expect(counted.failedSignIns).toBe(1);
    const r = await ok<{ acceptInvitation: { user: { id: string } } }>(ACCEPT, { input: { token, name: 'ignored', password: DEMO.guest.password } });
    expect(r.acceptInvitation.user.id).toBe(DEMO.guest.id);
    await ok(`mutation { removeGuest(input: { spaceId: "${space}", userId: "${DEMO.guest.id}" }) }`, {}, admin);
  });

  it('S4/S5/S2: only space administrators invite, only into guest spaces, never a member\'s address', async () => {
    const guest = (await stack.auth.demoTokens()).guest;
    const byGuest = await gql(INVITE, { input: { spaceId: DEMO_SPACES.partner.id, email: 'x@partner.example' } }, guest);
    expect(errorCodes(byGuest)).toEqual(['FORBIDDEN']);
    expect(byGuest.errors?.[0]?.message).toMatch(/Guests may not add or remove members \(S5\)/);
    const member = (await stack.auth.demoTokens()).member;
    expect(errorCodes(await gql(INVITE, { input: { spaceId: DEMO_SPACES.partner.id, email: 'x@partner.example' } }, member))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(INVITE, { input: { spaceId: DEMO_SPACES.general.id, email: 'x@partner.example' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(INVITE, { input: { spaceId: DEMO_SPACES.partner.id, email: DEMO.member.email } }, admin))).toEqual(['CONFLICT']);
    expect(errorCodes(await gql(INVITE, { input: { spaceId: DEMO_SPACES.partner.id, email: 'not an email' } }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('S8: with the tenant set to TEXT, invitation mail has no HTML part', async () => {
    await ok(`mutation { updateTenantSettings(input: { mailFormat: TEXT }) { mailFormat } }`, {}, admin);
    const space = await newGuestSpace('Vendor E');
    const { mail } = await invite(space, 'dave@partner.example');
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).not.toMatch(/text\/html/);
    await ok(`mutation { updateTenantSettings(input: { mailFormat: HTML }) { mailFormat } }`, {}, admin);
  });

  it('S7: under SINGLE_SPACE a guest in another space cannot be invited until an administrator removes them (CONFLICT)', async () => {
    const first = await newGuestSpace('Single 1');
    const second = await newGuestSpace('Single 2');
    const { token } = await invite(first, 'erin@partner.example');
    const erin = (await ok<{ acceptInvitation: { user: { id: string } } }>(ACCEPT, { input: { token, name: 'Erin', password: 'erin-guest-password' } })).acceptInvitation.user.id;
    await ok(`mutation { updateTenantSettings(input: { guestPolicy: SINGLE_SPACE }) { guestPolicy } }`, {}, admin);
    const refused = await gql(INVITE, { input: { spaceId: second, email: 'erin@partner.example' } }, admin);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.message).toMatch(/\(S7\)/);
    await ok(`mutation { removeGuest(input: { spaceId: "${first}", userId: "${erin}" }) }`, {}, admin);
    await ok(INVITE, { input: { spaceId: second, email: 'erin@partner.example' } }, admin);
    await ok(`mutation { updateTenantSettings(input: { guestPolicy: KINTONE }) { guestPolicy } }`, {}, admin);
  });

  it('S10: removeGuest ends access at once for a still-valid token; refresh is refused; posts stay attributed', async () => {
    const space = await newGuestSpace('Vendor F');
    const { token } = await invite(space, 'frank@partner.example');
    const frank = (await ok<{ acceptInvitation: { token: string; user: { id: string } } }>(ACCEPT, { input: { token, name: 'Frank', password: 'frank-password' } })).acceptInvitation;
    await ok(`mutation { createThread(input: { spaceId: "${space}", title: "Frank's note" }) { id } }`, {}, frank.token);
    expect((await ok<{ refreshToken: { token: string } }>(`mutation { refreshToken { token } }`, {}, frank.token)).refreshToken.token).toBeTruthy();
    await ok(`mutation { removeGuest(input: { spaceId: "${space}", userId: "${frank.user.id}" }) }`, {}, admin);
    expect((await ok<{ spaces: unknown[] }>(`{ spaces { id } }`, {}, frank.token)).spaces).toEqual([]);
    expect((await ok<{ space: null }>(`{ space(id: "${space}") { id } }`, {}, frank.token)).space).toBeNull();
    expect(errorCodes(await gql(`mutation { refreshToken { token } }`, {}, frank.token))).toEqual(['UNAUTHENTICATED']);
    const threads = await ok<{ space: { threads: Array<{ author: { id: string } }> } }>(`{ space(id: "${space}") { threads { author { id } } } }`, {}, admin);
    expect(threads.space.threads).toEqual([{ author: { id: frank.user.id } }]);
    expect(errorCodes(await gql(`mutation { removeGuest(input: { spaceId: "${space}", userId: "${DEMO.member.id}" }) }`, {}, admin))).toEqual(['NOT_FOUND']);
  });

  it('T3: enableTotp gives a secret and an otpauth URI; confirmTotp turns it on; sign-in then needs the code', async () => {
    const member = (await stack.auth.demoTokens()).member;
    const setup = await ok<{ enableTotp: { secret: string; otpauthUri: string } }>(`mutation { enableTotp { secret otpauthUri } }`, {}, member);
    expect(setup.enableTotp.otpauthUri).toMatch(/^otpauth:\/\/totp\/Kyodo%3Amember%40demo\.example\?secret=[A-Z2-7]+/);
    expect(errorCodes(await gql(`mutation { confirmTotp(code: "000000") }`, {}, member))).toEqual(['BAD_USER_INPUT']);
    expect((await ok<{ confirmTotp: boolean }>(`mutation { confirmTotp(code: "${totpAt(setup.enableTotp.secret, clock.now())}") }`, {}, member)).confirmTotp).toBe(true);
    const input = { tenant: 'demo', email: DEMO.member.email, password: DEMO.member.password };
    expect(errorCodes(await gql(SIGN_IN, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(SIGN_IN, { input: { ...input, otp: totpAt(setup.enableTotp.secret, clock.now()) } }))).toEqual([]);
  });

  it('T3: when an administrator requires TOTP, sign-in without one succeeds but says enrolment is required; only admins may set it', async () => {
    const member = (await stack.auth.demoTokens()).member;
    expect(errorCodes(await gql(`mutation { setTenantRequiresTotp(required: true) { requireTotp } }`, {}, member))).toEqual(['FORBIDDEN']);
    await ok(`mutation { setTenantRequiresTotp(required: true) { requireTotp } }`, {}, admin);
    const r = await ok<{ signIn: { totpEnrollmentRequired: boolean } }>(SIGN_IN, { input: { tenant: 'demo', email: DEMO.admin.email, password: DEMO.admin.password } });
    expect(r.signIn.totpEnrollmentRequired).toBe(true);
    await ok(`mutation { setTenantRequiresTotp(required: false) { requireTotp } }`, {}, admin);
    const after = await ok<{ signIn: { totpEnrollmentRequired: boolean } }>(SIGN_IN, { input: { tenant: 'demo', email: DEMO.admin.email, password: DEMO.admin.password } });
    expect(after.signIn.totpEnrollmentRequired).toBe(false);
  });

  it('a signed-in member refreshes their token; anonymous cannot', async () => {
    const r = await ok<{ refreshToken: { token: string; expiresAt: string } }>(`mutation { refreshToken { token expiresAt } }`, {}, admin);
    const viewer = await stack.auth.verifier.verify(r.refreshToken.token, { now: clock.now() });
    expect(viewer).toMatchObject({ userId: DEMO.admin.id, roles: ['ADMIN'] });
    expect(errorCodes(await gql(`mutation { refreshToken { token } }`))).toEqual(['UNAUTHENTICATED']);
  });
});
