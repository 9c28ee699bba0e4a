import { ManualClock } from '@kyodo/subgraph-kit';
import { errorCodes, startFakeSpaces, startStack, subscribeOverSocket, testDialects, whenLive, type FakeSpaces, type LiveResult, type LiveStream, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportRegistrant } from '../src/entities/support-registrant.entity.js';
import { supportSubgraph } from '../src/index.js';
import { openTicket, SET_STATUS, TICKET } from './support-api.js';

const OTHER_TENANT = '00000000-0000-4000-8000-00000000b001';
const OTHER_ADMIN = '00000000-0000-4000-8000-00000000b011';
const START = '2025-11-19T01:00:00.000Z';
const TICKET_UPDATED = 'subscription { ticketUpdated { id status } }';

type Updated = { ticketUpdated: { id: string; status: string } };
const isTicket = (id: string, status?: string) => (result: LiveResult<Updated>) => result.data?.ticketUpdated?.id === id && (!status || result.data.ticketUpdated.status === status);
const ids = (results: LiveResult<Updated>[]) => results.map((r) => r.data?.ticketUpdated?.id);

describe.each(testDialects())('ticketUpdated, live over the subgraph socket, on %s', (dialect) => {
  let stack: Stack;
  let spaces: FakeSpaces;
  let url: string;
  const clock = new ManualClock(START);
  let tokens: { admin: string; guest: string; agent: string; otherAdmin: string };
  const streams: LiveStream<Updated>[] = [];

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect, clock });
    spaces = await startFakeSpaces(stack);
    spaces.users.set(OTHER_ADMIN, { kind: 'MEMBER', tenantId: OTHER_TENANT });
    await stack.handles.support!.dataSource.getRepository(SupportRegistrant).insert({ userId: OTHER_ADMIN, tenantId: OTHER_TENANT, registeredBy: OTHER_ADMIN });
    tokens = { ...(await stack.auth.demoTokens()), otherAdmin: await stack.auth.tokenFor({ id: OTHER_ADMIN, tenantId: OTHER_TENANT, roles: ['ADMIN'] }) };
    url = stack.subgraphUrls.support!;
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await spaces?.close();
    await stack?.close();
  });

  const subscribe = (token: string | undefined) => {
    const stream = subscribeOverSocket<Updated>(url, TICKET_UPDATED, {}, { token });
    streams.push(stream);
    return stream;
  };

  it("an agent sees every tenant's ticket changes; a customer only their own organisation's (T1, the ticket query's rule)", async () => {
    const agent = subscribe(tokens.agent);
    const demo = subscribe(tokens.admin);
    const other = subscribe(tokens.otherAdmin);
    await whenLive([agent, demo, other], async () => {
      await openTicket(stack.client, tokens.admin);
      await openTicket(stack.client, tokens.otherAdmin);
    });

    const theirs = await openTicket(stack.client, tokens.otherAdmin, { subject: '他社の問い合わせ' });
    const ours = await openTicket(stack.client, tokens.admin, { subject: '自社の問い合わせ' });
    await agent.waitFor(isTicket(theirs.id));
    await agent.waitFor(isTicket(ours.id));
    // events reach each subscriber in order: had the other tenant's ticket reached demo's customer, it would be before ours
    expect(ids(await demo.waitFor(isTicket(ours.id)))).not.toContain(theirs.id);

    // an agent's change reaches the ticket's own customer with the new status, and no one else's
    const moved = await stack.client.request(SET_STATUS, { input: { ticketId: ours.id, status: 'PENDING' } }, { token: tokens.agent });
    expect(moved.errors).toBeUndefined();
    await demo.waitFor(isTicket(ours.id, 'PENDING'));
    await agent.waitFor(isTicket(ours.id, 'PENDING'));
    const reopened = await stack.client.request(SET_STATUS, { input: { ticketId: theirs.id, status: 'PENDING' } }, { token: tokens.agent });
    expect(reopened.errors).toBeUndefined();
    const seenByOther = await other.waitFor(isTicket(theirs.id, 'PENDING'));
    expect(ids(seenByOther)).not.toContain(ours.id);
    expect(ids(other.results)).not.toContain(ours.id);
  });

  it('P8: the auto-close of a SOLVED ticket reaches its subscribers as CLOSED', async () => {
    const agent = subscribe(tokens.agent);
    await whenLive([agent], () => openTicket(stack.client, tokens.admin));
    const ticket = await openTicket(stack.client, tokens.admin, { subject: '解決済みのまま' });
    const solved = await stack.client.request(SET_STATUS, { input: { ticketId: ticket.id, status: 'SOLVED' } }, { token: tokens.agent });
    expect(solved.errors).toBeUndefined();
    await agent.waitFor(isTicket(ticket.id, 'SOLVED'));
    clock.advanceDays(8);
    // any read of tickets runs the close first (as the periodic sweep does)
    expect((await stack.client.request(TICKET, { id: ticket.id }, { token: tokens.agent })).errors).toBeUndefined();
    await agent.waitFor(isTicket(ticket.id, 'CLOSED'));
  });

  it('S3: a guest is refused (FORBIDDEN), and an anonymous caller is asked to sign in (UNAUTHENTICATED)', async () => {
    const guest = subscribe(tokens.guest);
    const anonymous = subscribe(undefined);
    await guest.waitForEnd();
    await anonymous.waitForEnd();
    expect(guest.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['FORBIDDEN']);
    expect(anonymous.results.flatMap((r) => errorCodes({ errors: r.errors }))).toEqual(['UNAUTHENTICATED']);
  });
});
