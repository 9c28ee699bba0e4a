import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const TICKET_FIELDS = `id status channel dueAt isLate firstResponseAt solvedAt closedAt requester { id } submitter { id } replies { body internal fromSupport author { id } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { ${TICKET_FIELDS} } }`;
const SET_STATUS = `mutation($input: SetTicketStatusInput!) { setTicketStatus(input: $input) { ${TICKET_FIELDS} } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} requester { id name } } }`;
const QUEUE = `query($lateOnly: Boolean) { supportQueue(first: 10, lateOnly: $lateOnly) { edges { node { id isLate dueAt } } pageInfo { hasNextPage } } }`;

interface TicketData {
  id: string;
  status: string;
  dueAt: string;
  isLate: boolean;
  firstResponseAt: string | null;
  closedAt: string | null;
  requester: { id: string; name?: string };
  submitter: { id: string };
  replies: Array<{ body: string; internal: boolean; fromSupport: boolean; author: { id: string } | null }>;
}

const input = (subject: string) => ({
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
    const opened = (await stack.client.data<{ openTicket: TicketData }>(OPEN, { input: input('並べ替え') }, { token: customer })).openTicket;
    expect(opened).toMatchObject({ status: 'NEW', dueAt: '2025-11-18T08:30:00.000Z', isLate: false, requester: { id: DEMO.admin.id } });
    const member = await signInAs(stack.client, 'member');
    const refused = await stack.client.request(OPEN, { input: input('並べ替え') }, { token: member });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toMatch(/support registrants/);

    // a second ticket nobody answers: it will be late
    const unanswered = (await stack.client.data<{ openTicket: TicketData }>(OPEN, { input: input('未回答') }, { token: customer })).openTicket;

    // the vendor's agent (signed in through spaces, vendor tenant) answers the first in time
    clock.set('2025-11-18T02:00:00Z');
    await signInBoth();
    const answered = (await stack.client.data<{ replyToTicket: TicketData }>(REPLY, { input: { ticketId: opened.id, body: '列見出しをクリックしてください。' } }, { token: agent }))
      .replyToTicket;
    expect(answered).toMatchObject({ status: 'OPEN', firstResponseAt: '2025-11-18T02:00:00.000Z' });
    await stack.client.data(REPLY, { input: { ticketId: opened.id, body: '社内メモ', internal: true } }, { token: agent });
    await stack.client.data(SET_STATUS, { input: { ticketId: opened.id, status: 'PENDING' } }, { token: agent });

    // the customer replies back: PENDING -> OPEN; the internal note never reaches them
    const back = (await stack.client.data<{ replyToTicket: TicketData }>(REPLY, { input: { ticketId: opened.id, body: 'できました。ありがとうございます。' } }, { token: customer }))
      .replyToTicket;
    expect(back.status).toBe('OPEN');
    expect(back.replies.map((r) => [r.fromSupport, r.internal])).toEqual([
      [true, false],
      [false, false],
    ]);
    const asCustomer = (await stack.client.data<{ ticket: TicketData }>(TICKET, { id: opened.id }, { token: customer })).ticket;
    expect(asCustomer.requester).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    expect(asCustomer.replies.some((r) => r.internal)).toBe(false);
    // the agent sees who asked, across tenants, and the internal note
    const asAgent = (await stack.client.data<{ ticket: TicketData }>(TICKET, { id: opened.id }, { token: agent })).ticket;
    expect(asAgent.requester).toEqual({ id: DEMO.admin.id, name: DEMO.admin.name });
    expect(asAgent.replies.some((r) => r.internal)).toBe(true);

    // solved, then closes itself 7 days later
    const solved = (await stack.client.data<{ setTicketStatus: TicketData }>(SET_STATUS, { input: { ticketId: opened.id, status: 'SOLVED' } }, { token: agent })).setTicketStatus;
    expect(solved.status).toBe('SOLVED');
    clock.advanceDays(7);
    await signInBoth();
    const closed = (await stack.client.data<{ ticket: TicketData }>(TICKET, { id: opened.id }, { token: customer })).ticket;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2025-11-25T02:00:00.000Z' });

    // the unanswered ticket is late and first in the agent's queue
    const fresh = (await stack.client.data<{ openTicket: TicketData }>(OPEN, { input: input('新しい質問') }, { token: customer })).openTicket;
    const queue = await stack.client.data<{ supportQueue: { edges: Array<{ node: { id: string; isLate: boolean } }> } }>(QUEUE, {}, { token: agent });
    expect(queue.supportQueue.edges.map((e) => [e.node.id, e.node.isLate])).toEqual([
      [unanswered.id, true],
      [fresh.id, false],
    ]);
    const lateOnly = await stack.client.data<{ supportQueue: { edges: Array<{ node: { id: string } }> } }>(QUEUE, { lateOnly: true }, { token: agent });
    expect(lateOnly.supportQueue.edges.map((e) => e.node.id)).toEqual([unanswered.id]);
    expect(errorCodes(await stack.client.request(QUEUE, {}, { token: customer }))).toEqual(['FORBIDDEN']);
  });

  it('P7: businessDeadline through the gateway, without signing in', async () => {
    const data = await stack.client.data<{ businessDeadline: string }>(`{ businessDeadline(receivedAt: "2025-12-26T02:00:00Z") }`);
    expect(data.businessDeadline).toBe('2026-01-05T08:30:00.000Z');
  });
});
