import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';
import {
  SupportBusinessDeadlineDocument,
  SupportOpenTicketDocument,
  SupportAgentQueueDocument,
  SupportReplyToTicketDocument,
  SupportSetTicketStatusDocument,
  SupportTicketDocument,
  type OpenTicketInput,
} from './gql/graphql.js';
import { typedClient } from './typed-client.js';

// the refused requests stay raw strings on purpose; what must succeed goes through the typed client
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const QUEUE = `query($lateOnly: Boolean) { supportQueue(first: 10, lateOnly: $lateOnly) { edges { node { id } } } }`;

const input = (subject: string): OpenTicketInput => ({
  channel: 'ONLINE',
  category: 'OPERATION',
  productId: 'dezie',
  productVersion: '7',
  subject,
  body: 'ライブラリの検索結果を並べ替える方法を教えてください。',
});

describe.each(testDialects())('the support desk through the gateway on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2025-11-17T01:00:00Z'); // Monday 10:00 in Tokyo
  // tokens live minutes: sign in again after each move of the clock, as a person would
  let customer: string;
  let agent: string;
  const signInBoth = async () => {
    customer = await signInAs(stack.client, 'admin');
    agent = await signInAs(stack.client, 'agent');
  };
  beforeAll(async () => {
    stack = await startFullStack({ dialect, clock });
    await signInBoth();
  });
  afterAll(() => stack?.close());

  it('P1/P7/P8: registrant opens, non-registrant refused, the vendor\'s agent replies, the customer replies back, solved, closes itself; late first in the queue', async () => {
    // P1: the demo admin is a support registrant; the plain member is not
    const opened = (await typedClient(stack, customer).data(SupportOpenTicketDocument, { input: input('並べ替え') })).openTicket;
    expect(opened).toMatchObject({ status: 'NEW', dueAt: '2025-11-18T08:30:00.000Z', isLate: false, requester: { id: DEMO.admin.id } });
    const member = await signInAs(stack.client, 'member');
    const refused = await stack.client.request(OPEN, { input: input('並べ替え') }, { token: member });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/サポート登録者/);
    expect(refused.errors?.[0]?.extensions?.rule).toBe('P1');

    // a second ticket nobody answers: it will be late
    const unanswered = (await typedClient(stack, customer).data(SupportOpenTicketDocument, { input: input('未回答') })).openTicket;

    // the vendor's agent (signed in through spaces, vendor tenant) answers the first in time
    clock.set('2025-11-18T02:00:00Z');
    await signInBoth();
    const asAgentNow = typedClient(stack, agent);
    const answered = (await asAgentNow.data(SupportReplyToTicketDocument, { input: { ticketId: opened.id, body: '列見出しをクリックしてください。' } })).replyToTicket;
    expect(answered).toMatchObject({ status: 'OPEN', firstResponseAt: '2025-11-18T02:00:00.000Z' });
    await asAgentNow.data(SupportReplyToTicketDocument, { input: { ticketId: opened.id, body: '社内メモ', internal: true } });
    await asAgentNow.data(SupportSetTicketStatusDocument, { input: { ticketId: opened.id, status: 'PENDING' } });

    // the customer replies back: PENDING -> OPEN; the internal note never reaches them
    const back = (await typedClient(stack, customer).data(SupportReplyToTicketDocument, { input: { ticketId: opened.id, body: 'できました。ありがとうございます。' } })).replyToTicket;
    expect(back.status).toBe('OPEN');
    expect(back.replies.map((r) => [r.fromSupport, r.internal])).toEqual([
      [true, false],
      [false, false],
    ]);
    const asCustomer = (await typedClient(stack, customer).data(SupportTicketDocument, { id: opened.id })).ticket!;
    expect(asCustomer.requester).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    expect(asCustomer.replies.some((r) => r.internal)).toBe(false);
    // the agent sees who asked, across tenants, and the internal note
    const asAgent = (await asAgentNow.data(SupportTicketDocument, { id: opened.id })).ticket!;
    expect(asAgent.requester).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    expect(asAgent.replies.some((r) => r.internal)).toBe(true);

    // solved, then closes itself 7 days later
    const solved = (await asAgentNow.data(SupportSetTicketStatusDocument, { input: { ticketId: opened.id, status: 'SOLVED' } })).setTicketStatus;
    expect(solved.status).toBe('SOLVED');
    clock.advanceDays(7);
    await signInBoth();
    const closed = (await typedClient(stack, customer).data(SupportTicketDocument, { id: opened.id })).ticket;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2025-11-25T02:00:00.000Z' });

    // the unanswered ticket is late and first in the agent's queue
    const fresh = (await typedClient(stack, customer).data(SupportOpenTicketDocument, { input: input('新しい質問') })).openTicket;
    const queue = await typedClient(stack, agent).data(SupportAgentQueueDocument, {});
    expect(queue.supportQueue!.edges.map((e) => [e.node.id, e.node.isLate])).toEqual([
      [unanswered.id, true],
      [fresh.id, false],
    ]);
    const lateOnly = await typedClient(stack, agent).data(SupportAgentQueueDocument, { lateOnly: true });
    expect(lateOnly.supportQueue!.edges.map((e) => e.node.id)).toEqual([unanswered.id]);
    expect(errorCodes(await stack.client.request(QUEUE, {}, { token: customer }))).toEqual(['FORBIDDEN']);
  });

  it('P7: businessDeadline through the gateway, without signing in', async () => {
    const data = await typedClient(stack).data(SupportBusinessDeadlineDocument, { receivedAt: '2025-12-26T02:00:00Z' });
    expect(data.businessDeadline).toBe('2026-01-05T08:30:00.000Z');
  });
});
