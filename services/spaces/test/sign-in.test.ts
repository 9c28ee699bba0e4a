import { generateTotpSecret, totpAt, GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { ManualClock } from '@kyodo/subgraph-kit';
import { createClient, DEMO, errorCodes, signInAs, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';
import { totpSecretsFor } from '../src/totp-secrets.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token expiresAt user { id name kind email firstSignInAt tenant { subdomain } } } }`;
const input = (email: string, password: string, extra: Record<string, unknown> = {}) => ({ input: { tenant: 'demo', email, password, ...extra } });

describe.each(testDialects())('spaces sign-in on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-11-21T01:00:00Z');
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, clock });
  });
  afterAll(() => stack?.close());

  it('T3: signs a member in with email and password and records the first sign-in', async () => {
    const r = await stack.client.request<{ signIn: { token: string; user: { kind: string; firstSignInAt: string; tenant: { subdomain: string } } } }>(
      SIGN_IN,
      input('member@demo.example', DEMO.member.password),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.signIn.user).toMatchObject({ kind: 'MEMBER', tenant: { subdomain: 'demo' }, firstSignInAt: '2026-11-21T01:00:00.000Z' });
    const viewer = await stack.client.data<{ viewer: { id: string } }>('{ viewer { id } }', {}, { token: r.data!.signIn.token });
    expect(viewer.viewer.id).toBe(DEMO.member.id);
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED message', async () => {
    const wrong = await stack.client.request(SIGN_IN, input('admin@demo.example', 'nope'));
    const unknown = await stack.client.request(SIGN_IN, input('nobody@demo.example', 'nope'));
    const otherTenant = await stack.client.request(SIGN_IN, { input: { tenant: 'no-such-tenant', email: 'admin@demo.example', password: 'nope' } });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(otherTenant.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(wrong.data).toBeNull();
  });

  it('locks an account after five wrong passwords, refuses the right one while locked, and unlocks after 15 minutes', async () => {
    const email = 'admin@demo.example';
    await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)); // resets the count left by the test above
    for (let i = 0; i < 5; i++) expect(errorCodes(await stack.client.request(SIGN_IN, input(email, `wrong-${i}`)))).toEqual(['UNAUTHENTICATED']);
    const locked = await stack.client.request(SIGN_IN, input(email, DEMO.admin.password));
    expect(errorCodes(locked)).toEqual(['TOO_MANY_REQUESTS']);
    // I1: an anonymous sign-in reads Japanese; the rule comes with it
    expect(locked.errors?.[0]?.extensions?.rule).toBe('T3');
    expect(locked.errors?.[0]?.message).toMatch(/あと 15 分間ロック/);
    clock.advance(15 * 60_000 + 1000);
    expect(errorCodes(await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)))).toEqual([]);
  });

  it('T3 under a race: 50 concurrent wrong passwords lock the account (the count is one atomic change, not read-then-write)', async () => {
    const email = 'admin@demo.example';
    const users = stack.handles.spaces!.dataSource.getRepository(User);
    clock.advance(16 * 60_000); // any lock left by the tests above has run out
    expect(errorCodes(await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)))).toEqual([]);
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => stack.client.request(SIGN_IN, input(email, `wrong-${i}`))));
    // exactly five guesses are judged; every other one is refused because the lock was reached meanwhile
    const codes = burst.map((r) => errorCodes(r)[0]);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(45);
    const row = await users.findOneByOrFail({ id: DEMO.admin.id });
    expect(row.lockedUntil).not.toBeNull();
    expect(errorCodes(await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)))).toEqual(['TOO_MANY_REQUESTS']);
    clock.advance(16 * 60_000);
  }, 30_000);

  it('T3 under a race: 49 wrong passwords and the right one in one burst: the right one is refused once the lock is reached', async () => {
    const email = 'admin@demo.example';
    expect(errorCodes(await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)))).toEqual([]);
    // the right password goes out while the burst is still in flight, once five wrong ones have been answered
    let answered = 0;
    let fiveAnswered!: () => void;
    const gate = new Promise<void>((resolve) => (fiveAnswered = resolve));
    const wrong = Array.from({ length: 49 }, (_, i) =>
      stack.client.request(SIGN_IN, input(email, `wrong-${i}`)).then((r) => {
        if (errorCodes(r)[0] === 'UNAUTHENTICATED' && ++answered === 5) fiveAnswered();
        return r;
      }),
    );
    await gate;
    const right = stack.client.request(SIGN_IN, input(email, DEMO.admin.password));
    const results = await Promise.all([...wrong, right]);
    expect(errorCodes(results.at(-1)!)).toEqual(['TOO_MANY_REQUESTS']);
    expect(results.some((r) => r.data)).toBe(false);
    expect((await stack.handles.spaces!.dataSource.getRepository(User).findOneByOrFail({ id: DEMO.admin.id })).lockedUntil).not.toBeNull();
    clock.advance(16 * 60_000);
    expect(errorCodes(await stack.client.request(SIGN_IN, input(email, DEMO.admin.password)))).toEqual([]);
  }, 30_000);

  it('T3: with TOTP on, asks for the code, refuses a wrong one, accepts the right one', async () => {
    const secret = generateTotpSecret();
    // stored as the service stores it: encrypted at rest (T3)
    const sealed = (await totpSecretsFor({ dataDir: stack.dataDir })).seal(secret, DEMO.member.id);
    await stack.handles.spaces!.dataSource.getRepository(User).update(DEMO.member.id, { totpSecret: sealed, totpEnabled: true });
    const missing = await stack.client.request(SIGN_IN, input(DEMO.member.email, DEMO.member.password));
    expect(errorCodes(missing)).toEqual(['UNAUTHENTICATED']);
    expect(missing.errors?.[0]?.extensions?.otpRequired).toBe(true);
    const wrongCode = String((Number(totpAt(secret, clock.now())) + 1) % 1_000_000).padStart(6, '0');
    expect(errorCodes(await stack.client.request(SIGN_IN, input(DEMO.member.email, DEMO.member.password, { otp: wrongCode })))).toEqual(['UNAUTHENTICATED']);
    const ok = await stack.client.request(SIGN_IN, input(DEMO.member.email, DEMO.member.password, { otp: totpAt(secret, clock.now()) }));
    expect(ok.errors).toBeUndefined();
    await stack.handles.spaces!.dataSource.getRepository(User).update(DEMO.member.id, { totpSecret: null, totpEnabled: false });
  });

  it('S5: refuses a guest signing in from the mobile app, allows the web', async () => {
    const mobile = await stack.client.request(SIGN_IN, input(DEMO.guest.email, DEMO.guest.password, { client: 'MOBILE' }));
    expect(errorCodes(mobile)).toEqual(['FORBIDDEN']);
    expect(mobile.errors?.[0]?.extensions?.rule).toBe('S5');
    expect(mobile.errors?.[0]?.message).toMatch(/ゲストはモバイルアプリを使えません/);
    expect(errorCodes(await stack.client.request(SIGN_IN, input(DEMO.guest.email, DEMO.guest.password, { client: 'WEB' })))).toEqual([]);
  });

  it("signs the vendor's support agent in with the SUPPORT_AGENT role; customers never get it", async () => {
    const agent = await stack.auth.verifier.verify(await signInAs(stack.client, 'agent'), { now: clock.now() });
    expect(agent).toMatchObject({ userId: DEMO.agent.id, tenantId: DEMO.vendorTenant.id, kind: 'MEMBER', roles: ['SUPPORT_AGENT'] });
    const admin = await stack.auth.verifier.verify(await signInAs(stack.client, 'admin'), { now: clock.now() });
    expect(admin.roles).toEqual(['ADMIN']);
    const wrongTenant = await stack.client.request(SIGN_IN, input(DEMO.agent.email, DEMO.agent.password));
    expect(errorCodes(wrongTenant)).toEqual(['UNAUTHENTICATED']);
  });

  it('viewer is null when anonymous; a forged token is refused with HTTP 401', async () => {
    expect((await stack.client.data<{ viewer: null }>('{ viewer { id } }')).viewer).toBeNull();
    const forged = await stack.client.request('{ viewer { id } }', {}, { token: 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('T1/S3 on _entities: another tenant sees nothing; a guest sees themselves and the co-members of their guest space', async () => {
    const otherTenant = await stack.auth.tokenFor({ id: 'someone-else', tenantId: 'another-tenant', roles: ['ADMIN'] });
    const guest = await signInAs(stack.client, 'guest');
    const admin = await signInAs(stack.client, 'admin');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } ... on Tenant { id name } } }`;
    const refs = { r: [{ __typename: 'User', id: DEMO.member.id }, { __typename: 'User', id: DEMO.guest.id }, { __typename: 'Tenant', id: DEMO.tenant.id }] };
    expect((await stack.client.data<{ _entities: unknown[] }>(query, refs, { token: otherTenant }))._entities).toEqual([null, null, null]);
    expect((await stack.client.data<{ _entities: unknown[] }>(query, refs))._entities).toEqual([null, null, null]);
    const asGuest = (await stack.client.data<{ _entities: Array<{ id: string } | null> }>(query, refs, { token: guest }))._entities;
    // the demo member shares the seeded guest space with the guest (S3); see spaces.test.ts for a stranger
    expect(asGuest.map((e) => e?.id ?? null)).toEqual([DEMO.member.id, DEMO.guest.id, DEMO.tenant.id]);
    const asAdmin = (await stack.client.data<{ _entities: Array<{ id: string } | null> }>(query, refs, { token: admin }))._entities;
    expect(asAdmin.map((e) => e?.id ?? null)).toEqual([DEMO.member.id, DEMO.guest.id, DEMO.tenant.id]);
  });
});

describe('spaces in production mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], production: true });
  });
  afterAll(() => stack?.close());

  it('refuses every request without the gateway credential, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "User", id: "x" }]) { __typename } }', '{ viewer { id } }']) {
      const r = await stack.client.request(query);
      expect(r.status).toBe(403);
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
    }
    const withCredential = createClient(stack.subgraphUrls.spaces!, { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    const sdl = await withCredential.data<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(sdl._service.sdl).toContain('type User');
    const wrong = createClient(stack.subgraphUrls.spaces!, { headers: { [GATEWAY_CREDENTIAL_HEADER]: 'guess' } });
    expect((await wrong.request('{ viewer { id } }')).status).toBe(403);
  });
});
