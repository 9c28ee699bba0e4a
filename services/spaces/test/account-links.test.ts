import { randomUUID } from 'node:crypto';
import { hashPassword } from '@kyodo/auth';
import { AuditEntryRecord } from '@kyodo/subgraph-kit';
import { In } from 'typeorm';
import { DEMO, errorCodes, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEndedContracts } from '../src/contract-copy.js';
import { contractEndOf, hasContractEnded, isLinkUsable, refuseCancellationDate, refuseLink } from '../src/domain/account-links.js';
import { Tenant } from '../src/entities/tenant.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesRefusals } from '../src/refusals/refusals.js';
import { spacesSubgraph } from '../src/index.js';

const LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;
const ACME = { id: randomUUID(), subdomain: 'acme', name: 'Acme Corp' };
const KEN = { id: randomUUID(), email: 'ken@acme.example', password: 'ken-password-1', name: 'Ken Acme' };

describe('account linking rules (S9)', () => {
  const member = { userId: 'u', tenantId: 'a', kind: 'MEMBER' as const, roles: [] };
  it('only a member of another organisation links an invitation', () => {
    expect(refuseLink(member, 'b')).toBeNull();
    expect(spacesRefusals.messageOf(refuseLink(member, 'a')!, 'en')).toMatch(/your own organisation/);
    expect(spacesRefusals.messageOf(refuseLink({ ...member, kind: 'GUEST' }, 'b')!, 'en')).toMatch(/\(S9\)/);
  });
  it("the link works until the member's own contract ends", () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(isLinkUsable({ contractCancelledAt: null }, now)).toBe(true);
    expect(isLinkUsable({ contractCancelledAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe(true);
    expect(isLinkUsable({ contractCancelledAt: now }, now)).toBe(false);
  });
  it("L8: the contract ends at the earlier of licensing's date and one recorded by hand, by itself once it has come", () => {
    const now = new Date('2026-11-21T00:00:00Z');
    const later = new Date('2026-12-01T00:00:00Z');
    expect(contractEndOf({ contractCancelledAt: null, contractEndsAt: null })).toBeNull();
    expect(contractEndOf({ contractCancelledAt: later, contractEndsAt: now })).toEqual(now);
    expect(hasContractEnded({ contractCancelledAt: null, contractEndsAt: later }, now)).toBe(false);
    expect(hasContractEnded({ contractCancelledAt: null, contractEndsAt: later }, later)).toBe(true);
    expect(isLinkUsable({ contractCancelledAt: null, contractEndsAt: new Date(now.getTime() - 1) }, now)).toBe(false);
  });
  it('L8: a cancellation recorded by hand is dated today or later (Tokyo days), never in the past', () => {
    const now = new Date('2026-11-21T03:00:00Z'); // 12:00 in Tokyo
    expect(refuseCancellationDate(now, now)).toBeNull();
    expect(refuseCancellationDate(new Date('2026-11-20T15:00:00Z'), now)).toBeNull(); // 00:00 today in Tokyo
    expect(refuseCancellationDate(new Date('2026-12-01T00:00:00Z'), now)).toBeNull();
    const past = refuseCancellationDate(new Date('2026-11-20T14:59:59Z'), now);
    expect(past).toEqual({ key: 'cancellationInPast', params: { date: '2026-11-20' } });
    expect(spacesRefusals.messageOf(past!, 'ja')).toMatch(/過去.*2026-11-20.*\(L8\)/);
    expect(spacesRefusals.messageOf(past!, 'en')).toMatch(/in the past \(2026-11-20\).*\(L8\)/);
  });
});

describe.each(testDialects())('account linking on %s (S9)', (dialect) => {
  let stack: Stack;
  let demoAdmin: string;
  let ken: string;
  let spaceId: string;
  let linkedGuestId: string;
  let linkedGuestToken: string;
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
    linkedGuestToken = guest;
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

  it("S9/L8: once A's contract ends the link stops working, for a token issued before too; recorded by a vendor operator only, audited, never in the past", async () => {
    const { agent, operator } = await stack.auth.demoTokens();
    expect(errorCodes(await gql(`mutation { recordContractCancellation(input: { tenant: "acme" }) }`, {}, demoAdmin))).toEqual(['FORBIDDEN']);
    // a support agent is not a vendor operator (L8): refused, nothing recorded
    expect(errorCodes(await gql(`mutation { recordContractCancellation(input: { tenant: "acme" }) }`, {}, agent))).toEqual(['FORBIDDEN']);
    const past = await gql(`mutation { recordContractCancellation(input: { tenant: "acme", cancelledAt: "2020-01-01T00:00:00Z" }) }`, {}, operator);
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors?.[0]?.message).toMatch(/\(L8\)/);
    await ok(`{ space(id: "${spaceId}") { id } }`, {}, linkedGuestToken);
    await ok(`mutation { recordContractCancellation(input: { tenant: "acme" }) }`, {}, operator);
    const refused = await gql(`mutation { switchTenant(tenant: "demo") { token } }`, {}, ken);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    // I1: Ken's own token (signed in to Acme, a Japanese tenant) reads the refusal in Japanese, with its rule
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'S9' });
    expect(refused.errors?.[0]?.message).toMatch(/契約が終了.*\(S9\)/);
    expect(await linked()).toEqual([expect.objectContaining({ active: false })]);
    // the linked guest's token from before the end reads nothing of B any more (L8: the same day)
    const read = await gql(`{ space(id: "${spaceId}") { id } }`, {}, linkedGuestToken);
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    expect(read.errors?.[0]?.message).toMatch(/\(S9\)/);

    // A1: the operator's record, and the job's record of the end in A and in B (once, however often it runs)
    const ds = stack.handles.spaces!.dataSource;
    expect(await recordEndedContracts(ds, new Date())).toBe(1);
    expect(await recordEndedContracts(ds, new Date())).toBe(0);
    const entries = await ds.getRepository(AuditEntryRecord).find({ where: { tenantId: In([ACME.id, DEMO.tenant.id]) }, order: { at: 'ASC' } });
    const actions = entries.map((e) => [e.action, e.tenantId, e.actorId]);
    expect(actions).toEqual(expect.arrayContaining([
      ['contract.recordCancellation', ACME.id, DEMO.operator.id],
      ['contract.end', ACME.id, 'system'],
      ['accountLink.end', DEMO.tenant.id, 'system'],
    ]));
    const recorded = entries.find((e) => e.action === 'contract.recordCancellation')!;
    expect(JSON.parse(recorded.before!)).toEqual({ contractCancelledAt: null });
    expect(JSON.parse(recorded.after!).contractCancelledAt).toMatch(/^\d{4}-/);
    const ended = entries.find((e) => e.action === 'accountLink.end')!;
    expect(ended.subject).toBe(`User:${linkedGuestId}`);
    expect(JSON.parse(ended.after!)).toMatchObject({ linkedUserId: KEN.id, usable: false });
    expect(JSON.parse(entries.find((e) => e.action === 'contract.end')!.after!)).toMatchObject({ guestSpacesReadable: false, linkedAccountsEnded: 1 });

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
