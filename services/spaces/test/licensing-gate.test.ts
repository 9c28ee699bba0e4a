import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SPACES } from '../src/seed.js';
import { spacesSubgraph } from '../src/index.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const SPACE = `query($id: ID!) { space(id: $id) { id name } }`;

/** L3/L8 enforcement fails closed: with licensing named but unreachable, guests get no access and no token. */
describe.each(testDialects())('spaces asks licensing, failing closed, on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it('licensing unreachable: guest sign-in and guest-space reads are refused with SERVICE_UNAVAILABLE; internal spaces still work', async () => {
    stack.subgraphUrls.licensing = 'http://127.0.0.1:9/graphql';
    try {
      const signIn = await stack.client.request(SIGN_IN, { input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password } });
      expect(errorCodes(signIn)).toEqual(['SERVICE_UNAVAILABLE']);
      // I1: an anonymous sign-in reads Japanese
      expect(signIn.errors?.[0]?.message).toMatch(/licensing サービスに接続できない/);
      const { guest, member } = await stack.auth.demoTokens();
      expect(errorCodes(await stack.client.request(SPACE, { id: DEMO_SPACES.partner.id }, { token: guest }))).toEqual(['SERVICE_UNAVAILABLE']);
      expect(errorCodes(await stack.client.request(SPACE, { id: DEMO_SPACES.partner.id }, { token: member }))).toEqual(['SERVICE_UNAVAILABLE']);
      const general = await stack.client.data<{ space: { name: string } }>(SPACE, { id: DEMO_SPACES.general.id }, { token: member });
      expect(general.space.name).toBe('General');
      // members still sign in: only guest access depends on licensing
      expect(errorCodes(await stack.client.request(SIGN_IN, { input: { tenant: DEMO.tenant.subdomain, email: DEMO.member.email, password: DEMO.member.password } }))).toEqual([]);
    } finally {
      delete stack.subgraphUrls.licensing;
    }
    // a deployment without licensing has nothing to enforce
    expect(errorCodes(await stack.client.request(SIGN_IN, { input: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password } }))).toEqual([]);
  });
});
