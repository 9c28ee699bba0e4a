import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';
import {
  LicensingAssignGuestLicenseDocument,
  LicensingCancelContractDocument,
  LicensingGuestLicenseDocument,
  LicensingOrderGuestLicensesDocument,
  LicensingQuoteGuestLicensesDocument,
  LicensingSpaceDocument,
  LicensingSpaceMembersDocument,
  LicensingSpaceNamesDocument,
  LicensingTenantContractDocument,
} from './gql/graphql.js';
import { typedClient } from './typed-client.js';

// the refused requests stay raw strings on purpose; what must succeed goes through the typed client
const SPACE = `query($id: ID!) { space(id: $id) { id name } }`;
const PARTNER_SPACE = '00000000-0000-4000-8000-000000000102';

describe.each(testDialects())('guest licences through the gateway on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-05-01T01:00:00Z'); // 1 May 2026, 10:00 in Tokyo
  beforeAll(async () => {
    stack = await startFullStack({ dialect, clock });
  });
  afterAll(() => stack?.close());

  it('L3: a guest signs in (trial starts); 31 days later the guest is refused; the admin buys and assigns a licence; the guest is back in', async () => {
    const guest = await signInAs(stack.client, 'guest');
    const asGuest = typedClient(stack, guest);
    expect((await asGuest.data(LicensingSpaceDocument, { id: PARTNER_SPACE })).space!.name).toBe('Partner Project');
    expect((await asGuest.data(LicensingGuestLicenseDocument)).viewer!.guestLicense).toEqual({ status: 'TRIAL', trialEndsOn: '2026-05-30' });

    clock.advanceDays(31);
    // the old token is spent; a new sign-in is refused with the reason
    const refused = await stack.client.request(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password },
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/試用期間は 2026-05-30 に終了しました.*管理者.*ゲストライセンス/);
    // a token issued before the trial ended does not open the guest space either
    const stale = await stack.auth.tokenFor({ id: DEMO.guest.id, kind: 'GUEST' });
    const read = await stack.client.request(SPACE, { id: PARTNER_SPACE }, { token: stale });
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);

    const admin = await signInAs(stack.client, 'admin');
    const asAdmin = typedClient(stack, admin);
    const members = (await asAdmin.data(LicensingSpaceMembersDocument, { id: PARTNER_SPACE })).space!.members;
    expect(members.find((m) => m.id === DEMO.guest.id)?.guestLicense).toEqual({ status: 'TRIAL_EXPIRED', trialEndsOn: '2026-05-30' });
    expect(members.filter((m) => m.kind === 'MEMBER').every((m) => m.guestLicense === null)).toBe(true);

    const quote = await asAdmin.data(LicensingQuoteGuestLicensesDocument, { input: { quantity: 1 } });
    // L16: nothing charged with a monthly order: the 1 July invoice bills the licence with the rest
    expect(quote.quoteGuestLicenses).toMatchObject({ months: null, total: 0, effectiveFrom: '2026-07-01' });
    await asAdmin.data(LicensingOrderGuestLicensesDocument, { input: { quantity: 1, idempotencyKey: 'e2e-1' } });
    await asAdmin.data(LicensingAssignGuestLicenseDocument, { input: { userId: DEMO.guest.id } });

    const back = await signInAs(stack.client, 'guest');
    const asBack = typedClient(stack, back);
    expect((await asBack.data(LicensingSpaceDocument, { id: PARTNER_SPACE })).space!.name).toBe('Partner Project');
    expect((await asBack.data(LicensingGuestLicenseDocument)).viewer!.guestLicense!.status).toBe('LICENSED');
    const { tenant } = (await asAdmin.data(LicensingTenantContractDocument)).viewer!;
    expect(tenant).toEqual({ contract: { course: 'STANDARD', billingCycle: 'MONTHLY', endsOn: null, guestLicenses: 1 }, storageQuotaBytes: 10 * 5 * 1024 ** 3 });
  });

  it('L8: once the base contract is cancelled, guest spaces are unreadable to members and guests alike', async () => {
    const admin = await signInAs(stack.client, 'admin');
    await typedClient(stack, admin).data(LicensingCancelContractDocument);
    const member = await signInAs(stack.client, 'member');
    const asMember = await stack.client.request(SPACE, { id: PARTNER_SPACE }, { token: member });
    expect(errorCodes(asMember)).toEqual(['FORBIDDEN']);
    expect(asMember.errors?.[0]?.message).toMatch(/契約は解約されたため/);
    expect(asMember.errors?.[0]?.extensions?.rule).toBe('L8');
    const list = await typedClient(stack, member).data(LicensingSpaceNamesDocument);
    expect(list.spaces!.map((s) => s.name)).toEqual(['General']);
    const guestSignIn = await stack.client.request(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password },
    });
    expect(errorCodes(guestSignIn)).toEqual(['FORBIDDEN']);
  });
});
