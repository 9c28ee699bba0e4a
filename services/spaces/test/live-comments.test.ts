import { DEMO, errorCodes, startStack, subscribeOverSocket, testDialects, whenLive, type LiveResult, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';
import { addMembership, addUser } from './helpers.js';

const COMMENT_ADDED = 'subscription($threadId: ID!) { commentAdded(threadId: $threadId) { id body threadId author { id } } }';
const ADD_COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
const CREATE_SPACE = 'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }';
const REMOVE_GUEST = 'mutation($input: RemoveGuestInput!) { removeGuest(input: $input) }';

type Added = { commentAdded: { id: string; body: string; threadId: string; author: { id: string } | null } };
const isComment = (id: string) => (result: LiveResult<Added>) => result.data?.commentAdded?.id === id;

describe.each(testDialects())('commentAdded, live over the subgraph socket, on %s', (dialect) => {
  let stack: Stack;
  let url: string;
  let owner: { id: string; token: string };
  let guest: { id: string; token: string };
  let outsiderGuest: { id: string; token: string };
  let threadId: string;
  let spaceId: string;
  const streams: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    url = stack.subgraphUrls.spaces!;
    owner = await addUser(stack);
    guest = await addUser(stack, { kind: 'GUEST' });
    outsiderGuest = await addUser(stack, { kind: 'GUEST' });
    spaceId = (await stack.client.data<{ createSpace: { id: string } }>(CREATE_SPACE, { input: { name: 'Live with partner', isGuestSpace: true } }, { token: owner.token })).createSpace.id;
    await addMembership(stack, spaceId, guest.id);
    const otherSpaceId = (await stack.client.data<{ createSpace: { id: string } }>(CREATE_SPACE, { input: { name: 'Another partner', isGuestSpace: true } }, { token: owner.token })).createSpace.id;
    await addMembership(stack, otherSpaceId, outsiderGuest.id);
    threadId = (await stack.client.data<{ createThread: { id: string } }>(CREATE_THREAD, { input: { spaceId, title: 'Plans' } }, { token: owner.token })).createThread.id;
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await stack?.close();
  });

  const subscribe = (token: string | undefined, thread = threadId) => {
    const stream = subscribeOverSocket<Added>(url, COMMENT_ADDED, { threadId: thread }, { token });
    streams.push(stream);
    return stream;
  };
  const comment = async (token: string, text: string) =>
    (await stack.client.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { threadId, text } }, { token })).addComment.id;

  it('S1/S3: a member and a guest of the space get each comment, as themselves, once it is committed', async () => {
    const asOwner = subscribe(owner.token);
    const asGuest = subscribe(guest.token);
    await whenLive([asOwner, asGuest], () => comment(owner.token, 'warming up'));
    const id = await comment(guest.token, 'こんにちは from the guest');
    for (const stream of [asOwner, asGuest]) {
      const seen = await stream.waitFor(isComment(id));
      expect(seen.at(-1)).toEqual({ data: { commentAdded: { id, body: 'こんにちは from the guest', threadId, author: { id: guest.id } } } });
    }
  });

  it('S2/S3: a guest of another space is refused at subscribe time as the query would (NOT_FOUND), and so is an anonymous caller', async () => {
    const outsider = subscribe(outsiderGuest.token);
    await outsider.waitForEnd();
    expect(outsider.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['NOT_FOUND']);
    expect(outsider.results.some((r) => r.data?.commentAdded)).toBe(false);
    const anonymous = subscribe(undefined);
    await anonymous.waitForEnd();
    expect(anonymous.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['UNAUTHENTICATED']);
  });

  it('S10: a guest removed from the space mid-stream stops getting comments (the next one ends the stream with NOT_FOUND)', async () => {
    const watcher = subscribe(owner.token);
    const leaving = subscribe(guest.token);
    await whenLive([watcher, leaving], () => comment(owner.token, 'before removal'));
    const removed = await stack.client.request(REMOVE_GUEST, { input: { spaceId, userId: guest.id } }, { token: owner.token });
    expect(removed.errors).toBeUndefined();
    const after = await comment(owner.token, 'after removal: not for the guest');
    await watcher.waitFor(isComment(after));
    await leaving.waitForEnd();
    expect(leaving.results.some(isComment(after))).toBe(false);
    expect(errorCodes({ errors: leaving.results.at(-1)?.errors })).toEqual(['NOT_FOUND']);
  });

  it('a stream ends with UNAUTHENTICATED at the first event after its token expired (it never outlives the sign-in)', async () => {
    const shortLived = await stack.auth.issuer.sign({ userId: owner.id, tenantId: DEMO.tenant.id, kind: 'MEMBER', roles: [] }, { ttlSeconds: 3 });
    const expiresAt = Date.now() + 3000;
    const stream = subscribe(shortLived);
    await whenLive([stream], () => comment(owner.token, 'while the token is valid'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 1100));
    const late = await comment(owner.token, 'after it expired');
    await stream.waitForEnd();
    expect(stream.results.some(isComment(late))).toBe(false);
    expect(errorCodes({ errors: stream.results.at(-1)?.errors })).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses queries and mutations on the socket: they keep the HTTP path', async () => {
    const stream = subscribeOverSocket(url, '{ viewer { id } }', {}, { token: owner.token });
    streams.push(stream);
    await stream.waitForEnd();
    expect(errorCodes({ errors: stream.results[0]?.errors })).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('the subgraph socket in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], production: true });
  });
  afterAll(() => stack?.close());

  it('refuses a socket without the gateway credential and accepts one with it', async () => {
    const { member } = await stack.auth.demoTokens();
    const query = 'subscription($t: ID!) { commentAdded(threadId: $t) { id } }';
    const without = subscribeOverSocket(stack.subgraphUrls.spaces!, query, { t: 'no-such-thread' }, { token: member });
    await without.waitForEnd();
    expect(without.results[0]?.errors?.[0]?.message).toMatch(/4403/);
    const withCredential = subscribeOverSocket(stack.subgraphUrls.spaces!, query, { t: 'no-such-thread' }, { token: member, connectionParams: { 'x-kyodo-gateway-credential': stack.auth.gatewaySecret } });
    await withCredential.waitForEnd();
    // past the socket's door: the thread itself is what is not found
    expect(errorCodes({ errors: withCredential.results[0]?.errors })).toEqual(['NOT_FOUND']);
  });
});
