import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportSubgraph } from '../src/index.js';
import { MY_TICKETS, OPEN_TICKET, ticketInput } from './support-api.js';

describe.each(testDialects())('C6: support refuses integration tokens on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it('C6: a cards:read token (even acting as an admin) may neither read tickets nor open one', async () => {
    const crm = await stack.auth.tokenFor({ id: DEMO.admin.id, scopes: ['cards:read'], tokenId: 'crm' });
    for (const [query, variables] of [
      [MY_TICKETS, { first: 5 }],
      [OPEN_TICKET, { input: ticketInput() }],
    ] as const) {
      const refused = await stack.client.request(query, variables, { token: crm });
      expect(refused.errors?.[0]).toMatchObject({ message: 'An integration token can only read what its scopes allow (cards:read).', extensions: { code: 'FORBIDDEN', rule: 'C6' } });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', rule: 'C6' });
      expect(refused.status).toBe(200);
    }
    // the same admin signed in normally is unaffected
    const admin = (await stack.auth.demoTokens()).admin;
    expect(errorCodes(await stack.client.request(MY_TICKETS, { first: 5 }, { token: admin }))).toEqual([]);
  });
});
