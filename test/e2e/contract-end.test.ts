import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, readMailbox, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`;
const SET_PASSWORD = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { token } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const CREATE_SPACE = `mutation($name: String!) { createSpace(input: { name: $name, isGuestSpace: true }) { id } }`;
const INVITE = `mutation($spaceId: ID!, $email: String!) { inviteGuest(input: { spaceId: $spaceId, email: $email }) { id } }`;
const LINK = `mutation($token: String!) { linkInvitation(input: { token: $token }) { active } }`;
const SWITCH = `mutation { switchTenant(tenant: "demo") { token } }`;
const NOTICE = `mutation { submitTerminationNotice(contract: BASE_CONTRACT) { endsOn } }`;
const SPACE = `query($id: ID!) { space(id: $id) { id name } }`;
const LOG = `query { auditLog(first: 100) { edges { node { actor { id } tenantId action subject before after } } } }`;
const SET_PASSWORD_LINK = /http:\/\/localhost:4000\/set-password\?token=([A-Za-z0-9_-]+)/;
const INVITATION_LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;

const A = { subdomain: 'kaede-works', admin: { email: 'mori@kaede.example', name: '森 葵', password: 'kaede-admin-pass-1' } };

type Entry = { actor: { id: string }; tenantId: string | null; action: string; subject: string; before: string | null; after: string | null };

/** Tokyo wall-clock instant of a day (Asia/Tokyo is UTC+9, no DST). */
const tokyo = (day: string, time: string) => `${new Date(new Date(`${day}T${time}Z`).getTime() - 9 * 3_600_000).toISOString()}`;
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

describe.each(testDialects())('a contract end takes effect by itself, through the gateway, on %s (L8, S9, A1)', (dialect) => {
  let stack: Stack;
  let operator: string;
  let tenantId: string;
  const clock = new ManualClock('2027-01-05T01:00:00Z'); // 5 January 2027, 10:00 in Tokyo
  beforeAll(async () => {
    stack = await startFullStack({ dialect, clock, env: { SPACES_CONTRACT_SYNC_MS: '100', SPACES_CONTRACT_JOB_MS: '100' } });
    operator = await signInAs(stack.client, 'operator');
  });
  afterAll(() => stack?.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.request<Record<string, never>>(query, variables, { token });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => stack.client.data<T>(query, variables, { token });
  const lastLink = async (email: string, pattern: RegExp): Promise<string> => {
    // mail is sent after the commit: wait for it
    for (let i = 0; i < 100; i++) {
      const match = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${email}`) && pattern.test(m.decoded)).at(-1);
      if (match) return pattern.exec(match.decoded)![1]!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no mail to ${email} with ${String(pattern)}`);
  };
  const signInA = async () => (await ok<{ signIn: { token: string } }>(SIGN_IN, { input: { tenant: A.subdomain, email: A.admin.email, password: A.admin.password } })).signIn.token;
  const until = async (what: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await what()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await what()).toBe(true);
  };

  it("L8/S9: after the last day of A's contract, with nobody acting, A's admin linked into B is refused there and A's guest spaces are closed; the end is audited", async () => {
    // A: a new tenant on an annual contract; its first administrator sets a password (T4)
    tenantId = (
      await ok<{ createTenant: { id: string } }>(
        CREATE_TENANT,
        { input: { subdomain: A.subdomain, name: '株式会社かえで', admin: { email: A.admin.email, name: A.admin.name }, contract: { course: 'LIGHT', billingCycle: 'ANNUAL', startsOn: '2027-01-05', memberSeats: 5 } } },
        operator,
      )
    ).createTenant.id;
    await ok(SET_PASSWORD, { input: { token: await lastLink(A.admin.email, SET_PASSWORD_LINK), password: A.admin.password } });
    let aAdmin = await signInA();
    const aSpace = (await ok<{ createSpace: { id: string } }>(CREATE_SPACE, { name: 'かえで 社外' }, aAdmin)).createSpace.id;

    // B (the demo tenant) invites A's admin into a guest space; A's admin links the invitation (S9)
    const demoAdmin = await signInAs(stack.client, 'admin');
    const bSpace = (await ok<{ createSpace: { id: string } }>(CREATE_SPACE, { name: 'Joint venture' }, demoAdmin)).createSpace.id;
    await ok(INVITE, { spaceId: bSpace, email: A.admin.email }, demoAdmin);
    expect((await ok<{ linkInvitation: { active: boolean } }>(LINK, { token: await lastLink(A.admin.email, INVITATION_LINK) }, aAdmin)).linkInvitation.active).toBe(true);
    expect((await ok<{ space: { id: string } }>(SPACE, { id: bSpace }, (await ok<{ switchTenant: { token: string } }>(SWITCH, {}, aAdmin)).switchTenant.token)).space.id).toBe(bSpace);

    // A's admin gives notice in time: the contract ends with its first term
    const lastDay = (await ok<{ submitTerminationNotice: { endsOn: string } }>(NOTICE, {}, aAdmin)).submitTerminationNotice.endsOn;
    // spaces learns the date from licensing's contract feed (no call to licensing on a read)
    await until(async () => ((await stack.handles.spaces!.dataSource.query('SELECT contractEndsAt FROM tenants WHERE id = ?', [tenantId])) as Array<{ contractEndsAt: unknown }>)[0]?.contractEndsAt != null);

    // the last day, five minutes before midnight: everything still works
    clock.set(new Date(tokyo(lastDay, '23:55:00')));
    aAdmin = await signInA();
    const linkedToken = (await ok<{ switchTenant: { token: string } }>(SWITCH, {}, aAdmin)).switchTenant.token;
    expect((await ok<{ space: { id: string } }>(SPACE, { id: bSpace }, linkedToken)).space.id).toBe(bSpace);
    expect((await ok<{ space: { id: string } }>(SPACE, { id: aSpace }, aAdmin)).space.id).toBe(aSpace);

    // the next day, nobody having done anything: the link is refused, even with the token from before midnight
    clock.set(new Date(tokyo(dayAfter(lastDay), '00:00:30')));
    const refusedSwitch = await gql(SWITCH, {}, aAdmin);
    expect(errorCodes(refusedSwitch)).toEqual(['FORBIDDEN']);
    expect(refusedSwitch.errors?.[0]?.message).toMatch(/\(S9\)/);
    expect(errorCodes(await gql(SPACE, { id: bSpace }, linkedToken))).toEqual(['FORBIDDEN']);
    // A's guest spaces are unreadable to its own members (L8)
    const closed = await gql(SPACE, { id: aSpace }, aAdmin);
    expect(errorCodes(closed)).toEqual(['FORBIDDEN']);
    expect(closed.errors?.[0]?.message).toMatch(/\(L8\)/);
    // B's own people are not affected
    expect((await ok<{ space: { id: string } }>(SPACE, { id: bSpace }, await signInAs(stack.client, 'admin'))).space.id).toBe(bSpace);

    // A1: the job records the end in A and the ended link in B, once
    const entries = async () => (await ok<{ auditLog: { edges: Array<{ node: Entry }> } }>(LOG, {}, await signInAs(stack.client, 'operator'))).auditLog.edges.map((e) => e.node);
    await until(async () => (await entries()).some((e) => e.action === 'accountLink.end'));
    const log = await entries();
    const ended = log.filter((e) => e.action === 'contract.end');
    expect(ended).toEqual([expect.objectContaining({ tenantId, subject: `Tenant:${tenantId}`, actor: { id: 'system' } })]);
    expect(JSON.parse(ended[0]!.after!)).toMatchObject({ guestSpacesReadable: false, linkedAccountsEnded: 1 });
    const link = log.filter((e) => e.action === 'accountLink.end');
    expect(link).toEqual([expect.objectContaining({ tenantId: DEMO.tenant.id, actor: { id: 'system' } })]);
    expect(JSON.parse(link[0]!.before!)).toMatchObject({ usable: true });
    expect(JSON.parse(link[0]!.after!)).toMatchObject({ usable: false });
    expect(log.some((e) => e.action === 'terminationNotice.submit' && e.tenantId === tenantId)).toBe(true);
  });
});
