import { createTokenIssuer, generateSigningKeys } from '@kyodo/auth';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKyodoClient, ViewerDocument } from '@kyodo/client';
import { startFullStack } from './full-stack.js';

const VIEWER = /* GraphQL */ `
  {
    viewer {
      id
      name
      kind
      tenant { subdomain contract { course billingCycle } }
      cardCount
      isSupportRegistrant
    }
  }
`;

interface ViewerData {
  viewer: {
    id: string;
    name: string;
    kind: string;
    tenant: { subdomain: string; contract: { course: string; billingCycle: string } | null };
    cardCount: number;
    isSupportRegistrant: boolean;
  } | null;
}

/** The typed client (packages/client): a schema change that breaks the README's query fails to typecheck. */
async function viewerOf(stack: Stack, token: string) {
  const client = createKyodoClient({ url: stack.gatewayUrl ?? '', send: 'document' });
  client.setSession({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  return client.data(ViewerDocument);
}

describe.each(testDialects())('the supergraph through the gateway on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
  });
  afterAll(() => stack?.close());

  it('answers the foundation query for the demo admin with a field from every subgraph', async () => {
    const token = await signInAs(stack.client, 'admin');
    const data = await viewerOf(stack, token);
    expect(data.viewer).toEqual({
      id: DEMO.admin.id,
      name: DEMO.admin.name,
      kind: 'MEMBER',
      tenant: { subdomain: 'demo', contract: { course: 'STANDARD', billingCycle: 'MONTHLY' } },
      cardCount: 2,
      isSupportRegistrant: true,
    });
  });

  it('gives a plain member the contract but not the admin\'s cards or support registration', async () => {
    const token = await signInAs(stack.client, 'member');
    const data = await viewerOf(stack, token);
    expect(data.viewer).toMatchObject({ id: DEMO.member.id, kind: 'MEMBER', cardCount: 0, isSupportRegistrant: false });
    expect(data.viewer?.tenant.contract).toEqual({ course: 'STANDARD', billingCycle: 'MONTHLY' });
  });

  it('S3/C3: a guest sees themselves but not the contract, and no cards', async () => {
    const token = await signInAs(stack.client, 'guest');
    const data = await viewerOf(stack, token);
    expect(data.viewer).toMatchObject({ id: DEMO.guest.id, kind: 'GUEST', cardCount: 0, isSupportRegistrant: false });
    expect(data.viewer?.tenant.contract).toBeNull();
  });

  it('is anonymous without a token: viewer is null', async () => {
    const data = await stack.client.data<ViewerData>(VIEWER);
    expect(data.viewer).toBeNull();
  });

  it('refuses a forged or expired token with HTTP 401 and UNAUTHENTICATED', async () => {
    const forged = await createTokenIssuer(await generateSigningKeys()).sign({ userId: DEMO.admin.id, tenantId: DEMO.tenant.id, kind: 'MEMBER', roles: ['ADMIN'] });
    const r1 = await stack.client.request(VIEWER, {}, { token: forged });
    expect(r1.status).toBe(401);
    expect(errorCodes(r1)).toEqual(['UNAUTHENTICATED']);

    const expired = await stack.auth.issuer.sign(
      { userId: DEMO.admin.id, tenantId: DEMO.tenant.id, kind: 'MEMBER', roles: ['ADMIN'] },
      { now: new Date(Date.now() - 3_600_000), ttlSeconds: 60 },
    );
    const r2 = await stack.client.request(VIEWER, {}, { token: expired });
    expect(r2.status).toBe(401);
    expect(errorCodes(r2)).toEqual(['UNAUTHENTICATED']);
    // an expired token's language is not read: no Accept-Language, so Japanese (I1)
    expect(r2.errors?.[0]?.message).toMatch(/有効期限が切れました/);
  });

  it('passes a wrong password through as UNAUTHENTICATED with the subgraph\'s message', async () => {
    const r = await stack.client.request('mutation { signIn(input: { tenant: "demo", email: "admin@demo.example", password: "nope" }) { token } }');
    expect(errorCodes(r)).toEqual(['UNAUTHENTICATED']);
    // I1: anonymous, no Accept-Language: Japanese; in English on request
    expect(r.errors?.[0]?.message).toBe('この組織のメールアドレスまたはパスワードが正しくありません。');
    const english = await stack.client.request('mutation { signIn(input: { tenant: "demo", email: "admin@demo.example", password: "nope" }) { token } }', {}, { headers: { 'accept-language': 'en' } });
    expect(english.errors?.[0]?.message).toBe('The email or password is wrong for this tenant.');
  });

  it('T1: an admin of another tenant sees nothing of the demo tenant through entity fields', async () => {
    const token = await stack.auth.tokenFor({ id: 'stranger', tenantId: 'other-tenant', roles: ['ADMIN'] });
    const data = await viewerOf(stack, token);
    // the stranger's own user does not exist in spaces: nothing resolves, nothing leaks
    expect(data.viewer).toBeNull();
  });
});

describe('production mode: subgraphs answer only the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startFullStack({ production: true });
  });
  afterAll(() => stack?.close());

  it('works through the gateway, which adds its credential', async () => {
    const token = await signInAs(stack.client, 'admin');
    const data = await viewerOf(stack, token);
    expect(data.viewer?.tenant.contract?.course).toBe('STANDARD');
    expect(data.viewer?.cardCount).toBe(2);
  });

  it.each(['spaces', 'licensing', 'cards', 'support'])('refuses a direct call to %s, _entities and _service included', async (name) => {
    const token = await signInAs(stack.client, 'admin');
    const direct = stack.clientFor(name);
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "User", id: "x" }]) { __typename } }']) {
      const r = await direct.request(query, {}, { token });
      expect(r.status).toBe(403);
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
    }
  });
});
