import { ManualClock } from '@kyodo/subgraph-kit';
import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TicketReply } from '../src/entities/ticket-reply.entity.js';
import { Ticket } from '../src/entities/ticket.entity.js';
import { supportSubgraph } from '../src/index.js';
import { openTicket, QUEUE, reply, type QueueData } from './support-api.js';

describe.each(testDialects())('support queue on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2025-11-17T01:00:00Z'); // Monday 10:00 JST
  let statements: string[] = [];
  let tokens: Awaited<ReturnType<Stack['auth']['demoTokens']>>;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect, clock, onQuery: (_s, sql) => statements.push(sql) });
    tokens = await stack.auth.demoTokens();
  });
  afterAll(() => stack?.close());
  beforeEach(async () => {
    const ds = stack.handles.support!.dataSource;
    await ds.getRepository(TicketReply).clear();
    await ds.getRepository(Ticket).clear();
  });

  const queue = async (variables: Record<string, unknown> = {}, token = tokens.agent) =>
    (await stack.client.data<QueueData>(QUEUE, variables, { token })).supportQueue;

  it('P7: late tickets come first, then the rest by due time; solved and closed ones are not in the queue', async () => {
    clock.set('2025-11-17T01:00:00Z'); // Monday -> due Tuesday
    const monday = await openTicket(stack.client, tokens.admin, { subject: 'Monday' });
    const mondayAnswered = await openTicket(stack.client, tokens.admin, { subject: 'Monday, answered' });
    await reply(stack.client, tokens.agent, mondayAnswered.id, '回答します。');
    clock.set('2025-11-19T01:00:00Z'); // Wednesday -> due Thursday
    const wednesday = await openTicket(stack.client, tokens.admin, { subject: 'Wednesday' });
    await openTicket(stack.client, tokens.admin, { category: 'OS' }); // out of scope: SOLVED at once
    clock.set('2025-11-18T01:00:00Z'); // Tuesday -> due Wednesday (tickets may arrive in any order)
    const tuesday = await openTicket(stack.client, tokens.admin, { subject: 'Tuesday' });

    clock.set('2025-11-19T09:00:00Z'); // Wednesday 18:00 JST: Monday's and Tuesday's unanswered tickets are late
    const all = await queue();
    expect(all.edges.map((e) => [e.node.id, e.node.isLate])).toEqual([
      [monday.id, true],
      [tuesday.id, true],
      [mondayAnswered.id, false],
      [wednesday.id, false],
    ]);
    const late = await queue({ lateOnly: true });
    expect(late.edges.map((e) => e.node.id)).toEqual([monday.id, tuesday.id]);
    expect(late.pageInfo.hasNextPage).toBe(false);

    // paging one at a time walks the same order across the late/on-time boundary
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: QueueData['supportQueue'] = await queue({ first: 1, after });
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
  });

  it('supportQueue is for agents only, and pages of at most 100', async () => {
    for (const token of [tokens.admin, tokens.member, tokens.guest]) {
      const r = await stack.client.request(QUEUE, {}, { token });
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors?.[0]?.message).toMatch(/agents only/);
    }
    expect(errorCodes(await stack.client.request(QUEUE, {}, { token: null }))).toEqual(['UNAUTHENTICATED']);
    const tooMany = await stack.client.request(QUEUE, { first: 101 }, { token: tokens.agent });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0]?.message).toMatch(/between 1 and 100/);
  });

  it('no N+1: the queue with 20 tickets and their replies costs the same SQL statements as with 1', async () => {
    clock.set('2025-11-17T01:00:00Z');
    const addTicket = async (i: number) => {
      const t = await openTicket(stack.client, tokens.admin, { subject: `質問 ${i}` });
      await reply(stack.client, tokens.agent, t.id, `内部メモ ${i}`, true);
      await reply(stack.client, tokens.admin, t.id, `補足 ${i}`);
    };
    const measure = async () => {
      statements = [];
      const page = await queue({ first: 100 });
      return { page, statements: [...statements] };
    };
    await addTicket(0);
    const one = await measure();
    expect(one.page.edges).toHaveLength(1);
    for (let i = 1; i < 20; i++) await addTicket(i);
    const twenty = await measure();
    expect(twenty.page.edges).toHaveLength(20);
    expect(twenty.page.edges.every((e) => (e.node as unknown as { replies: unknown[] }).replies.length === 2)).toBe(true);
    expect(twenty.statements.length, twenty.statements.join('\n')).toBe(one.statements.length);
    expect(twenty.statements.filter((sql) => /FROM [`"]support_ticket_replies[`"]/.test(sql))).toHaveLength(1);
  });
});
