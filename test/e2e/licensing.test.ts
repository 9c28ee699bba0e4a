import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const SPACE = `query($id: ID!) { space(id: $id) { id name } }`;
const PARTNER_SPACE = '00000000-0000-4000-8000-000000000102';
const GUEST_LICENSE = `query { viewer { id guestLicense { status trialEndsOn } } }`;
const GUESTS = `query($id: ID!) { space(id: $id) { members { id kind guestLicense { status trialEndsOn } } } }`;

describe.each(testDialects())('guest licences through the gateway on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-05-01T01:00:00Z'); // 1 May 2026, 10:00 in Tokyo
  beforeAll(async () => {
    stack = await startFullStack({ dialect, clock });
  });
  afterAll(() => stack?.close());

  it('L3: a guest signs in (trial starts); 31 days later the guest is refused; the admin buys and assigns a licence; the guest is back in', async () => {
    const guest = await signInAs(stack.client, 'guest');
    expect((await stack.client.data<{ space: { name: string } }>(SPACE, { id: PARTNER_SPACE }, { token: guest })).space.name).toBe('Partner Project');
    expect((await stack.client.data<{ viewer: { guestLicense: unknown } }>(GUEST_LICENSE, {}, { token: guest })).viewer.guestLicense).toEqual({ status: 'TRIAL', trialEndsOn: '2026-05-30' });

    clock.advanceDays(31);
    // the old token is spent; a new sign-in is refused with the reason
    const refused = await stack.client.request(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password },
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/trial ended on 2026-05-30.*administrator.*licence/);
    // a token issued before the trial ended does not open the guest space either
    const stale = await stack.auth.tokenFor({ id: DEMO.guest.id, kind: 'GUEST' });
    const read = await stack.client.request(SPACE, { id: PARTNER_SPACE }, { token: stale });
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);

    const admin = await signInAs(stack.client, 'admin');
    const members = (await stack.client.data<{ space: { members: Array<{ id: string; kind: string; guestLicense: { status: string } | null }> } }>(GUESTS, { id: PARTNER_SPACE }, { token: admin })).space.members;
    expect(members.find((m) => m.id === DEMO.guest.id)?.guestLicense).toEqual({ status: 'TRIAL_EXPIRED', trialEndsOn: '2026-05-30' });
    expect(members.filter((m) => m.kind === 'MEMBER').every((m) => m.guestLicense === null)).toBe(true);

    const quote = await stack.client.data<{ quoteGuestLicenses: { months: number | null; total: number; effectiveFrom: string } }>(
      `query { quoteGuestLicenses(input: { quantity: 1 }) { months unitPrice subtotal tax total effectiveFrom endsOn } }`,
      {},
      { token: admin },
    );
    expect(quote.quoteGuestLicenses).toMatchObject({ months: null, total: 1320, effectiveFrom: '2026-07-01' });
    await stack.client.data(`mutation { orderGuestLicenses(input: { quantity: 1, idempotencyKey: "e2e-1" }) { id total } }`, {}, { token: admin });
    await stack.client.data(`mutation($userId: ID!) { assignGuestLicense(input: { userId: $userId }) }`, { userId: DEMO.guest.id }, { token: admin });

    const back = await signInAs(stack.client, 'guest');
    expect((await stack.client.data<{ space: { name: string } }>(SPACE, { id: PARTNER_SPACE }, { token: back })).space.name).toBe('Partner Project');
    expect((await stack.client.data<{ viewer: { guestLicense: { status: string } } }>(GUEST_LICENSE, {}, { token: back })).viewer.guestLicense.status).toBe('LICENSED');
    const { tenant } = (await stack.client.data<{ viewer: { tenant: { contract: unknown; storageQuotaBytes: number } } }>(
      `query { viewer { tenant { contract { course billingCycle endsOn guestLicenses } storageQuotaBytes } } }`,
      {},
      { token: admin },
    )).viewer;
    expect(tenant).toEqual({ contract: { course: 'STANDARD', billingCycle: 'MONTHLY', endsOn: null, guestLicenses: 1 }, storageQuotaBytes: 10 * 5 * 1024 ** 3 });
  });

  it('L8: once the base contract is cancelled, guest spaces are unreadable to members and guests alike', async () => {
    const admin = await signInAs(stack.client, 'admin');
    await stack.client.data(`mutation { cancelContract { status } }`, {}, { token: admin });
    const member = await signInAs(stack.client, 'member');
    const asMember = await stack.client.request(SPACE, { id: PARTNER_SPACE }, { token: member });
    expect(errorCodes(asMember)).toEqual(['FORBIDDEN']);
    expect(asMember.errors?.[0]?.message).toMatch(/contract has been cancelled/);
    const list = await stack.client.data<{ spaces: Array<{ name: string }> }>(`query { spaces { name } }`, {}, { token: member });
    expect(list.spaces.map((s) => s.name)).toEqual(['General']);
    const guestSignIn = await stack.client.request(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password },
    });
    expect(errorCodes(guestSignIn)).toEqual(['FORBIDDEN']);
  });
});
