import { randomUUID } from 'node:crypto';
import { hashPassword } from '@kyodo/auth';
import { DEMO, errorCodes, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLinkUsable, refuseLink } from '../src/domain/account-links.js';
import { Tenant } from '../src/entities/tenant.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';

const LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;
const ACME = { id: randomUUID(), subdomain: 'acme', name: 'Acme Corp' };
const KEN = { id: randomUUID(), email: 'ken@acme.example', password: 'ken-password-1', name: 'Ken Acme' };

describe('account linking rules (S9)', () => {
  const member = { userId: 'u', tenantId: 'a', kind: 'MEMBER' as const, roles: [] };
  it('only a member of another organisation links an invitation', () => {
    expect(refuseLink(member, 'b')).toBeNull();
    expect(refuseLink(member, 'a')).toMatch(/your own organisation/);
    expect(refuseLink({ ...member, kind: 'GUEST' }, 'b')).toMatch(/\(S9\)/);
  });
  it("the link works until the member's own contract ends", () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(isLinkUsable({ contractCancelledAt: null }, now)).toBe(true);
    expect(isLinkUsable({ contractCancelledAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe(true);
    expect(isLinkUsable({ contractCancelledAt: now }, now)).toBe(false);
  });
});

describe.each(testDialects())('account linking on %s (S9)', (dialect) => {
  let stack: Stack;
  let demoAdmin: string;
  let ken: string;
  let spaceId: string;
  let linkedGuestId: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    const ds = stack.handles.spaces!.dataSource;
    await ds.getRepository(Tenant).insert({ ...ACME, requireTotp: false });
    await ds.getRepository(User).insert({ id: KEN.id, tenantId: ACME.id, email: KEN.email, name: KEN.name, kind: 'MEMBER', passwordHash: await hashPassword(KEN.password) });
    demoAdmin = (await stack.auth.demoTokens()).admin;
    ken = (await stack.client.data<{ signIn: { token: string } }>(`mutation { signIn(input: { tenant: "acme", email: "${KEN.email}", password: "${KEN.password}" }) { token } }`)).signIn.token;
    spaceId = (await ok<{ createSpace: { id: string } }>(`mutation { createSpace(input: { name: "Joint venture", isGuestSpace: true }) { id } }`, {}, demoAdmin)).createSpace.id;
    await ok(`mutation { createThread(input: { spaceId: "${spaceId}", title: "First" }) { id } }`, {}, demoAdmin);
  });
  afterAll(() => stack?.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });
  function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    return stack.client.data<T>(query, variables, { token });
  }
  async function inviteKen(): Promise<string> {
    await ok(`mutation { inviteGuest(input: { spaceId: "${spaceId}", email: "${KEN.email}" }) { id } }`, {}, demoAdmin);
    const mail = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${KEN.email}`)).at(-1)!;
    return LINK.exec(mail.decoded)![1]!;
  }
  const linked = async () => (await ok<{ viewer: { linkedAccounts: Array<{ tenantSubdomain: string; unreadCount: number; active: boolean }> } }>(`{ viewer { linkedAccounts { tenantSubdomain unreadCount active } } }`, {}, ken)).viewer.linkedAccounts;

  it('S9: a member of tenant A links an invitation into tenant B to their account; no second password', async () => {
    const token = await inviteKen();
    const r = await ok<{ linkInvitation: unknown }>(`mutation { linkInvitation(input: { token: "${token}" }) { tenantSubdomain tenantName unreadCount active } }`, {}, ken);
    expect(r.linkInvitation).toEqual({ tenantSubdomain: 'demo', tenantName: DEMO.tenant.name, unreadCount: 1, active: true });
    expect(errorCodes(await gql(`mutation { linkInvitation(input: { token: "${token}" }) { active } }`, {}, ken))).toEqual(['BAD_USER_INPUT']); // single use
    // the linked guest has no password of its own in B
    expect(errorCodes(await gql(`mutation { signIn(input: { tenant: "demo", email: "${KEN.email}", password: "${KEN.password}" }) { token } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it("S9: A's session switches into B's guest spaces without a password; A's viewer shows B's unread count", async () => {
    await ok(`mutation { createThread(input: { spaceId: "${spaceId}", title: "Second" }) { id } }`, {}, demoAdmin);
    expect(await linked()).toEqual([{ tenantSubdomain: 'demo', unreadCount: 2, active: true }]);
    const switched = await ok<{ switchTenant: { token: string; user: { id: string; kind: string; isLinkedGuest: boolean; firstSignInAt: string | null } } }>(
      `mutation { switchTenant(tenant: "demo") { token user { id kind isLinkedGuest firstSignInAt } } }`,
      {},
      ken,
    );
    expect(switched.switchTenant.user).toMatchObject({ kind: 'GUEST', isLinkedGuest: true });
    expect(switched.switchTenant.user.firstSignInAt).not.toBeNull();
    linkedGuestId = switched.switchTenant.user.id;
    const guest = switched.switchTenant.token;
    expect((await ok<{ spaces: Array<{ id: string }> }>(`{ spaces { id } }`, {}, guest)).spaces).toEqual([{ id: spaceId }]);
    await ok(`mutation { createThread(input: { spaceId: "${spaceId}", title: "From Ken" }) { id } }`, {}, guest);
    await ok(`mutation { markSpaceRead(spaceId: "${spaceId}") }`, {}, guest);
    expect(await linked()).toEqual([{ tenantSubdomain: 'demo', unreadCount: 0, active: true }]);
    // T1: the link shows only to Ken himself
    expect(errorCodes(await gql(`mutation { switchTenant(tenant: "demo") { token } }`, {}, demoAdmin))).toEqual(['NOT_FOUND']);
  });

  it('S9: a guest cannot link or switch; a member cannot link an invitation into their own tenant', async () => {
    const guest = (await stack.auth.demoTokens()).guest;
    expect(errorCodes(await gql(`mutation { switchTenant(tenant: "acme") { token } }`, {}, guest))).toEqual(['FORBIDDEN']);
    await ok(`mutation { inviteGuest(input: { spaceId: "${spaceId}", email: "someone@partner.example" }) { id } }`, {}, demoAdmin);
    const mail = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes('To: someone@partner.example')).at(-1)!;
    const token = LINK.exec(mail.decoded)![1]!;
    const own = await gql(`mutation { linkInvitation(input: { token: "${token}" }) { active } }`, {}, (await stack.auth.demoTokens()).member);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors?.[0]?.message).toMatch(/own organisation/);
  });

  it("S9: once A's contract ends the link stops working; B invites again and the new guest starts as a new user", async () => {
    const agent = (await stack.auth.demoTokens()).agent;
    expect(errorCodes(await gql(`mutation { recordContractCancellation(input: { tenant: "acme" }) }`, {}, demoAdmin))).toEqual(['FORBIDDEN']);
    await ok(`mutation { recordContractCancellation(input: { tenant: "acme" }) }`, {}, agent);
    const refused = await gql(`mutation { switchTenant(tenant: "demo") { token } }`, {}, ken);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/contract has ended.*\(S9\)/);
    expect(await linked()).toEqual([expect.objectContaining({ active: false })]);

    const token = await inviteKen();
    const fresh = await ok<{ acceptInvitation: { token: string; user: { id: string; isLinkedGuest: boolean } } }>(
      `mutation { acceptInvitation(input: { token: "${token}", name: "Ken (guest)", password: "new-guest-password" }) { token user { id isLinkedGuest } } }`,
    );
    expect(fresh.acceptInvitation.user.id).not.toBe(linkedGuestId);
    expect(fresh.acceptInvitation.user.isLinkedGuest).toBe(false);
    // nothing carried over: the new guest has read nothing; the old posts stay with the old user
    const threads = await ok<{ space: { threads: Array<{ title: string; author: { id: string } }> } }>(`{ space(id: "${spaceId}") { threads { title author { id } } } }`, {}, fresh.acceptInvitation.token);
    expect(threads.space.threads.find((t) => t.title === 'From Ken')?.author.id).toBe(linkedGuestId);
  });
});
