import { DEMO } from '@kyodo/subgraph-kit';
import type { GraphQLClient } from './client.js';

export { DEMO };

export type DemoPerson = 'admin' | 'member' | 'guest' | 'agent' | 'operator';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { token }
  }
`;

/** Signs a demo fixture in through the real signIn mutation (spaces must be in the stack). */
export async function signInAs(client: GraphQLClient, who: DemoPerson): Promise<string> {
  const person = DEMO[who];
  // the agent and the operator belong to the vendor's tenant, everyone else to the demo customer's
  const tenant = who === 'agent' || who === 'operator' ? DEMO.vendorTenant : DEMO.tenant;
  const data = await client.data<{ signIn: { token: string } }>(SIGN_IN, {
    input: { tenant: tenant.subdomain, email: person.email, password: person.password },
  });
  return data.signIn.token;
}
