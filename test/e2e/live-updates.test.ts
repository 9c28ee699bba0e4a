import { DEMO_SPACES } from '@kyodo/spaces';
import { errorCodes, signInAs, subscribeOverSse, testDialects, whenLive, type LiveResult, type LiveStream, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const COMMENT_ADDED = 'subscription($threadId: ID!) { commentAdded(threadId: $threadId) { id body author { id name } } }';
const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }';
const ADD_COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';

const TICKET_UPDATED = 'subscription { ticketUpdated { id status } }';
const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

type Updated = { ticketUpdated: { id: string; status: string } };
type Added = { commentAdded: { id: string; body: string; author: { id: string; name: string } | null } };

/**
 * The contract apps rely on: `subscription { commentAdded(threadId) { ... } }` at the gateway's
 * /graphql, over Server-Sent Events to a POST with `Accept: text/event-stream` and the same
 * Authorization header as queries. The subgraphs run as in production (they refuse anything
 * without the gateway credential), so the gateway's WebSocket to spaces must carry it.
 */
describe.each(testDialects())('live updates through the gateway over SSE on %s', (dialect) => {
  let stack: Stack;
  let tokens: { member: string; guest: string; admin: string; agent: string };
  const streams: LiveStream<Added>[] = [];
  const ticketStreams: LiveStream<Updated>[] = [];
  beforeAll(async () => {
    stack = await startFullStack({ dialect, production: true });
    tokens = {
      member: await signInAs(stack.client, 'member'),
      guest: await signInAs(stack.client, 'guest'),
      admin: await signInAs(stack.client, 'admin'),
      agent: await signInAs(stack.client, 'agent'),
    };
  });
  afterAll(async () => {
    await Promise.all([...streams, ...ticketStreams].map((stream) => stream.close()));
    await stack?.close();
  });

  const subscribe = (threadId: string, token?: string) => {
    const stream = subscribeOverSse<Added>(stack.gatewayUrl!, COMMENT_ADDED, { threadId }, { token });
    streams.push(stream);
    return stream;
  };
  const thread = async (spaceId: string, title: string) =>
    (await stack.client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId, title } }, { token: tokens.member })).createThread.id;
  const comment = async (threadId: string, text: string) =>
    (await stack.client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { threadId, text } }, { token: tokens.member })).addComment.id;

  it('S3: a guest of the space receives the comment another user adds, with fields from the gateway plan (author)', async () => {
    const threadId = await thread(DEMO_SPACES.partner.id, 'Kick-off');
    const guest = subscribe(threadId, tokens.guest);
    await whenLive([guest], () => comment(threadId, 'warming up'));
    const id = await comment(threadId, '資料を共有しました');
    const seen = await guest.waitFor((result: LiveResult<Added>) => result.data?.commentAdded?.id === id);
    expect(seen.at(-1)?.errors).toBeUndefined();
    expect(seen.at(-1)?.data?.commentAdded).toMatchObject({ id, body: '資料を共有しました', author: { id: expect.any(String) } });
  });

  it('S2: a guest subscribing to an internal thread is refused as the query would (NOT_FOUND); an anonymous caller with UNAUTHENTICATED', async () => {
    const threadId = await thread(DEMO_SPACES.general.id, 'Internal only');
    const guest = subscribe(threadId, tokens.guest);
    await guest.waitForEnd();
    expect(guest.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['NOT_FOUND']);
    expect(guest.results.some((r) => r.data?.commentAdded)).toBe(false);
    const anonymous = subscribe(threadId);
    await anonymous.waitForEnd();
    expect(anonymous.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['UNAUTHENTICATED']);
  });

  it("P8: the support desk's agent sees a ticket a customer opens arrive live; a guest is refused (S3)", async () => {
    const agent = subscribeOverSse<Updated>(stack.gatewayUrl!, TICKET_UPDATED, {}, { token: tokens.agent });
    const guest = subscribeOverSse<Updated>(stack.gatewayUrl!, TICKET_UPDATED, {}, { token: tokens.guest });
    ticketStreams.push(agent, guest);
    const open = async (subject: string) =>
      (
        await stack.client.data<{ openTicket: { id: string } }>(
          OPEN_TICKET,
          { input: { channel: 'ONLINE', category: 'OPERATION', productId: 'dezie', productVersion: '7', subject, body: '検索結果の並べ替え方法を教えてください。' } },
          { token: tokens.admin },
        )
      ).openTicket.id;
    await whenLive([agent], () => open('warming up'));
    const id = await open('ライブで届く問い合わせ');
    const seen = await agent.waitFor((result) => result.data?.ticketUpdated?.id === id);
    expect(seen.at(-1)).toEqual({ data: { ticketUpdated: { id, status: 'NEW' } } });
    await guest.waitForEnd();
    expect(guest.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['FORBIDDEN']);
  });

  it('a subscription sent as a plain JSON request is refused with a code, never a 500', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await fetch(stack.gatewayUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${tokens.agent}` },
        body: JSON.stringify({ query: TICKET_UPDATED }),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(response.status, accept).toBe(406);
      expect(errorCodes({ errors: body.errors }), accept).toEqual(['BAD_REQUEST']);
      expect(body.errors?.[0]?.message).toMatch(/Accept: text\/event-stream/);
    }
  });

  it('a subscription with a missing or mistyped variable is refused as BAD_USER_INPUT before planning', async () => {
    for (const variables of [{}, { threadId: { not: 'an id' } }]) {
      const stream = subscribeOverSse<Added>(stack.gatewayUrl!, COMMENT_ADDED, variables, { token: tokens.member });
      streams.push(stream);
      await stream.waitForEnd();
      expect(stream.results.flatMap((r) => errorCodes({ errors: r.errors })), JSON.stringify(stream.results)).toEqual(['BAD_USER_INPUT']);
    }
  });

  // last: it stops the support subgraph
  it('a subscription whose subgraph goes away ends with SERVICE_UNAVAILABLE, naming no address', async () => {
    const agent = subscribeOverSse<Updated>(stack.gatewayUrl!, TICKET_UPDATED, {}, { token: tokens.agent });
    ticketStreams.push(agent);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await stack.handles.support!.close();
    await agent.waitForEnd(20_000);
    const errors = agent.results.flatMap((r) => r.errors ?? []);
    expect(errors.map((e) => e.extensions?.code), JSON.stringify(agent.results)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
