import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportSubgraph } from '../src/index.js';
import { OPEN_TICKET, REPLY, ticketInput, type TicketData } from './support-api.js';

describe.each(testDialects())('ticket text inputs refuse control characters (P6) on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect });
    ({ admin } = await stack.auth.demoTokens());
  });
  afterAll(() => stack?.close());

  it.each([
    ['subject', { subject: '検索\u0000の使い方' }],
    ['subject', { subject: '検索\nの使い方' }],
    ['body', { body: 'NUL in a body\u0000' }],
    ['installFolder', { environment: { installFolder: 'C:\\dezie\u0008' } }],
  ])('P6: a ticket whose %s holds a forbidden control character is BAD_USER_INPUT naming it', async (field, overrides) => {
    const response = await stack.client.request(OPEN_TICKET, { input: ticketInput(overrides) }, { token: admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field });
  });

  it('P6: a ticket body and a reply keep line breaks and tabs', async () => {
    const ticket = (await stack.client.data<{ openTicket: TicketData }>(OPEN_TICKET, { input: ticketInput({ body: '手順:\n\t1. 検索\r\n\t2. 並べ替え' }) }, { token: admin })).openTicket;
    expect(ticket.body).toBe('手順:\n\t1. 検索\n\t2. 並べ替え');
    const replied = await stack.client.request<{ replyToTicket: TicketData }>(REPLY, { input: { ticketId: ticket.id, body: 'ok\nthanks' } }, { token: admin });
    expect(replied.errors).toBeUndefined();
    expect(errorCodes(await stack.client.request(REPLY, { input: { ticketId: ticket.id, body: 'esc\u001b' } }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
  });
});
