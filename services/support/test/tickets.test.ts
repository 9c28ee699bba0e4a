import { JobLeaseEntity, jobLeases, ManualClock, silentLogger } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startFakeSpaces, startStack, testDialects, type FakeSpaces, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_CLOSE_LEASE, startAutoCloseSweep } from '../src/auto-close.js';
import { SupportRegistrant } from '../src/entities/support-registrant.entity.js';
import { Ticket } from '../src/entities/ticket.entity.js';
import { supportSubgraph } from '../src/index.js';
import { JAPANESE_ONLY_NOTICE } from '../src/domain/language.js';
import { ASSIGN, MY_TICKETS, OPEN_TICKET, openTicket, REPLY, reply, SET_STATUS, TICKET, ticketInput, type TicketData } from './support-api.js';

const OTHER_TENANT = '00000000-0000-4000-8000-00000000b001';
const OTHER_ADMIN = '00000000-0000-4000-8000-00000000b011';
/** Wednesday 2025-11-19, 10:00 in Tokyo: due Thursday 17:30 JST. */
const START = '2025-11-19T01:00:00.000Z';
const DUE_THURSDAY = '2025-11-20T08:30:00.000Z';

describe.each(testDialects())('support tickets on %s', (dialect) => {
  let stack: Stack;
  let spaces: FakeSpaces;
  const clock = new ManualClock(START);
  let tokens: { admin: string; member: string; guest: string; agent: string; otherAdmin: string };
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect, clock });
    spaces = await startFakeSpaces(stack);
    spaces.users.set(OTHER_ADMIN, { kind: 'MEMBER', tenantId: OTHER_TENANT });
    await stack.handles.support!.dataSource.getRepository(SupportRegistrant).insert({ userId: OTHER_ADMIN, tenantId: OTHER_TENANT, registeredBy: OTHER_ADMIN });
    tokens = { ...(await stack.auth.demoTokens()), otherAdmin: await stack.auth.tokenFor({ id: OTHER_ADMIN, tenantId: OTHER_TENANT, roles: ['ADMIN'] }) };
  });
  afterAll(async () => {
    await spaces?.close();
    await stack?.close();
  });

  const open = (token: string | null, overrides: Record<string, unknown> = {}) =>
    stack.client.request<{ openTicket: TicketData }>(OPEN_TICKET, { input: ticketInput(overrides) }, { token });
  const read = (id: string, token: string) => stack.client.request<{ ticket: TicketData | null }>(TICKET, { id }, { token });

  it('P1/P6/P7: a support registrant opens a ticket online; it is NEW and due at 17:30 JST on the next business day', async () => {
    const environment = {
      serverOs: 'Windows Server',
      serverOsVersion: '2022',
      webServer: 'IIS',
      webServerVersion: '10.0',
      documentRoot: 'C:\\inetpub\\wwwroot',
      installFolder: 'C:\\inetpub\\scripts\\cbdz',
      productVersion: '7.1.2',
      registeredUsers: 120,
    };
    const r = await open(tokens.admin, { environment, attachments: [{ name: 'error.png', url: 'https://files.example/error.png' }] });
    expect(r.errors).toBeUndefined();
    expect(r.data!.openTicket).toMatchObject({
      status: 'NEW',
      channel: 'ONLINE',
      inScope: true,
      priority: 'NORMAL',
      dueAt: DUE_THURSDAY,
      isLate: false,
      firstResponseAt: null,
      needsJapanese: false,
      languageNotice: null,
      createdAt: START,
      requester: { id: DEMO.admin.id },
      submitter: { id: DEMO.admin.id },
      assignee: null,
      environment,
      attachments: [{ name: 'error.png', url: 'https://files.example/error.png' }],
      replies: [],
    });
  });

  it('P1: a member who is not a registrant is refused FORBIDDEN with the reason; a guest too; anonymous UNAUTHENTICATED', async () => {
    const member = await open(tokens.member);
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
    expect(member.errors?.[0]?.message).toMatch(/not one of your organisation's support registrants.*\(P1\)/);
    const guest = await open(tokens.guest);
    expect(errorCodes(guest)).toEqual(['FORBIDDEN']);
    expect(guest.errors?.[0]?.message).toMatch(/Guests cannot contact support/);
    expect(errorCodes(await open(null))).toEqual(['UNAUTHENTICATED']);
    expect(await stack.handles.support!.dataSource.getRepository(Ticket).countBy({ requesterId: DEMO.member.id })).toBe(0);
  });

  it('P1: the tenant admin adds and removes registrants; only an admin may, and only within the tenant', async () => {
    const ADD = `mutation($u: ID!) { addSupportRegistrant(userId: $u) { id isSupportRegistrant } }`;
    const REMOVE = `mutation($u: ID!) { removeSupportRegistrant(userId: $u) }`;
    const LIST = `{ supportRegistrants { id } }`;
    expect(errorCodes(await stack.client.request(ADD, { u: DEMO.member.id }, { token: tokens.member }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(LIST, {}, { token: tokens.member }))).toEqual(['FORBIDDEN']);
    const added = await stack.client.data<{ addSupportRegistrant: { id: string; isSupportRegistrant: boolean } }>(ADD, { u: DEMO.member.id }, { token: tokens.admin });
    expect(added.addSupportRegistrant).toEqual({ id: DEMO.member.id, isSupportRegistrant: true });
    await stack.client.data(ADD, { u: DEMO.member.id }, { token: tokens.admin }); // twice changes nothing
    expect((await stack.client.data<{ supportRegistrants: Array<{ id: string }> }>(LIST, {}, { token: tokens.admin })).supportRegistrants.map((u) => u.id).sort()).toEqual(
      [DEMO.admin.id, DEMO.member.id].sort(),
    );
    expect((await open(tokens.member)).errors).toBeUndefined();
    // T1: another tenant's user is not found here, whether or not they are a registrant over there
    expect(errorCodes(await stack.client.request(ADD, { u: OTHER_ADMIN }, { token: tokens.admin }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.client.request(REMOVE, { u: OTHER_ADMIN }, { token: tokens.admin }))).toEqual(['NOT_FOUND']);
    expect((await stack.client.data<{ removeSupportRegistrant: boolean }>(REMOVE, { u: DEMO.member.id }, { token: tokens.admin })).removeSupportRegistrant).toBe(true);
    expect(errorCodes(await open(tokens.member))).toEqual(['FORBIDDEN']);
  });

  it("T1/P1: an admin cannot make another tenant's user a registrant (NOT_FOUND, nothing written), so no agent's ticket for them is filed under the admin's tenant", async () => {
    const FOREIGN_MEMBER = '00000000-0000-4000-8000-00000000b012';
    spaces.users.set(FOREIGN_MEMBER, { kind: 'MEMBER', tenantId: OTHER_TENANT });
    const ADD = `mutation($u: ID!) { addSupportRegistrant(userId: $u) { id } }`;
    const foreign = await stack.client.request(ADD, { u: FOREIGN_MEMBER }, { token: tokens.admin });
    const unknown = await stack.client.request(ADD, { u: '00000000-0000-4000-8000-00000000dead' }, { token: tokens.admin });
    expect([errorCodes(foreign), errorCodes(unknown)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    expect(foreign.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const registrants = stack.handles.support!.dataSource.getRepository(SupportRegistrant);
    expect(await registrants.countBy({ userId: FOREIGN_MEMBER })).toBe(0);
    const phone = await open(tokens.agent, { channel: 'PHONE', requesterId: FOREIGN_MEMBER });
    expect(errorCodes(phone)).toEqual(['BAD_USER_INPUT']);
    expect(await stack.handles.support!.dataSource.getRepository(Ticket).countBy({ requesterId: FOREIGN_MEMBER })).toBe(0);
  });

  it('P2: FAX is refused with a plain message; a customer cannot file a phone call', async () => {
    const fax = await open(tokens.admin, { channel: 'FAX' });
    expect(errorCodes(fax)).toEqual(['BAD_USER_INPUT']);
    expect(fax.errors?.[0]?.message).toBe('FAX is not a support channel (P2): use the online form, e-mail, phone or a remote session.');
    const phone = await open(tokens.admin, { channel: 'PHONE' });
    expect(errorCodes(phone)).toEqual(['BAD_USER_INPUT']);
    expect(phone.errors?.[0]?.message).toMatch(/recorded by the support agent/);
  });

  it('P3: an e-mail needs the 6-digit customer number and a licensed product ID; mismatches are refused, the right ones accepted', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{}, /needs your customer number/],
      [{ customerNumber: '1234' }, /not valid.*6-digit/],
      [{ customerNumber: '654321' }, /654321 does not match your organisation's licence certificate/],
    ];
    for (const [extra, message] of cases) {
      const r = await open(tokens.admin, { channel: 'EMAIL', ...extra });
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).toMatch(message);
    }
    // the other tenant has no licence on record; Kyodo is on the demo licence, so narrow it first
    const noRecord = await open(tokens.otherAdmin, { channel: 'EMAIL', customerNumber: '123456' });
    expect(noRecord.errors?.[0]?.message).toMatch(/no licence certificate on record/);
    const SET = `mutation($input: SetSupportLicenceInput!) { setSupportLicence(input: $input) { tenantId customerNumber productIds } }`;
    expect(errorCodes(await stack.client.request(SET, { input: { tenantId: DEMO.tenant.id, customerNumber: '123456', productIds: ['kyodo'] } }, { token: tokens.admin }))).toEqual([
      'FORBIDDEN',
    ]);
    await stack.client.data(SET, { input: { tenantId: DEMO.tenant.id, customerNumber: '123456', productIds: ['kyodo'] } }, { token: tokens.agent });
    const wrongProduct = await open(tokens.admin, { channel: 'EMAIL', customerNumber: '123456' });
    expect(wrongProduct.errors?.[0]?.message).toMatch(/product ID "dezie" is not on the licence with customer number 123456/);
    const restored = await stack.client.data<{ setSupportLicence: unknown }>(
      SET,
      { input: { tenantId: DEMO.tenant.id, customerNumber: '123456', productIds: ['kyodo', 'dezie'] } },
      { token: tokens.agent },
    );
    expect(restored.setSupportLicence).toEqual({ tenantId: DEMO.tenant.id, customerNumber: '123456', productIds: ['dezie', 'kyodo'] });
    const ok = await open(tokens.admin, { channel: 'EMAIL', customerNumber: '123456' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.openTicket.channel).toBe('EMAIL');
  });

  it('P5: no ticket for a version past its end of support (Dezie 6, ended 2012-01-31); unknown products and versions are named', async () => {
    const eos = await open(tokens.admin, { productVersion: '6' });
    expect(errorCodes(eos)).toEqual(['BAD_USER_INPUT']);
    expect(eos.errors?.[0]?.message).toBe('Support for Dezie 6 ended on 2012-01-31 (P5), so no ticket can be opened for it. Please upgrade to a supported version.');
    expect((await open(tokens.admin, { productVersion: '5' })).errors?.[0]?.message).toMatch(/Dezie has no version "5"\. Versions: 6, 7/);
    expect((await open(tokens.admin, { productId: 'garoon' })).errors?.[0]?.message).toMatch(/"garoon" is not a product.*dezie \(Dezie\), kyodo \(Kyodo\)/);
    const products = await stack.client.data<{ supportProducts: Array<{ id: string; versions: Array<{ version: string; endOfSupport: string | null; supported: boolean }> }> }>(
      '{ supportProducts { id versions { version endOfSupport supported } } }',
    );
    expect(products.supportProducts.find((p) => p.id === 'dezie')?.versions).toEqual([
      { version: '6', endOfSupport: '2012-01-31', supported: false },
      { version: '7', endOfSupport: null, supported: true },
    ]);
  });

  it('P4: an out-of-scope ticket gets the standard answer in Japanese from the system and is SOLVED at once; an unknown category lists the valid ones', async () => {
    const r = await open(tokens.admin, { category: 'CUSTOMISATION', subject: 'HTMLの書き方', body: '一覧画面のHTMLを変更する方法を教えてください。' });
    expect(r.errors).toBeUndefined();
    const ticket = r.data!.openTicket;
    expect(ticket).toMatchObject({ status: 'SOLVED', inScope: false, solvedAt: START, firstResponseAt: START, isLate: false });
    expect(ticket.replies).toHaveLength(1);
    expect(ticket.replies[0]).toMatchObject({ internal: false, fromSupport: true, author: null });
    expect(ticket.replies[0]!.body).toMatch(/サポートサービスの対象範囲外/);
    const unknown = await open(tokens.admin, { category: 'BILLING' });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0]?.message).toMatch(/"BILLING" is not a support category\. Use one of: INSTALLATION, .*SYSTEM_DESIGN/);
  });

  it('P2: a body without Japanese is accepted but flagged, and the customer is told support answers in Japanese', async () => {
    const ticket = await openTicket(stack.client, tokens.admin, { subject: 'Sorting search results', body: 'How do I sort the results of a library search?' });
    expect(ticket.needsJapanese).toBe(true);
    expect(ticket.languageNotice).toBe(JAPANESE_ONLY_NOTICE);
    expect(ticket.status).toBe('NEW');
  });

  it('agents: an agent files a phone call for a registrant; the requester is the customer, the submitter the agent', async () => {
    const missing = await open(tokens.agent, { channel: 'PHONE' });
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await open(tokens.agent, { channel: 'PHONE', requesterId: DEMO.member.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await open(tokens.admin, { requesterId: DEMO.member.id }))).toEqual(['FORBIDDEN']);
    const ticket = await openTicket(stack.client, tokens.agent, { channel: 'PHONE', requesterId: DEMO.admin.id });
    expect(ticket).toMatchObject({ channel: 'PHONE', requester: { id: DEMO.admin.id }, submitter: { id: DEMO.agent.id } });
    expect((await read(ticket.id, tokens.admin)).data?.ticket?.id).toBe(ticket.id);
  });

  it('P7/P8: the agent\'s public reply meets the deadline and opens the ticket; internal notes never reach the customer', async () => {
    const ticket = await openTicket(stack.client, tokens.admin);
    clock.set('2025-11-20T05:00:00Z'); // Thursday 14:00 JST, before the deadline
    const note = await reply(stack.client, tokens.agent, ticket.id, '社内メモ: 既知の不具合 #123 と同じ症状', true);
    expect(note.status).toBe('NEW');
    expect(note.firstResponseAt).toBeNull();
    const answered = await reply(stack.client, tokens.agent, ticket.id, '並べ替えは一覧画面の列見出しをクリックしてください。');
    expect(answered).toMatchObject({ status: 'OPEN', firstResponseAt: '2025-11-20T05:00:00.000Z', assignee: { id: DEMO.agent.id } });
    expect(answered.replies.map((r) => r.internal)).toEqual([true, false]);
    clock.set('2025-11-21T01:00:00Z'); // past due, but answered in time: not late
    const asCustomer = (await read(ticket.id, tokens.admin)).data!.ticket!;
    expect(asCustomer.isLate).toBe(false);
    expect(asCustomer.replies).toHaveLength(1);
    expect(asCustomer.replies[0]).toMatchObject({ internal: false, fromSupport: true, author: { id: DEMO.agent.id } });
    const list = await stack.client.data<{ myTickets: { edges: Array<{ node: TicketData }> } }>(MY_TICKETS, { first: 100 }, { token: tokens.admin });
    const listed = list.myTickets.edges.find((e) => e.node.id === ticket.id)!.node;
    expect(listed.replies.map((r) => r.internal)).toEqual([false]);
    expect(list.myTickets.edges.flatMap((e) => e.node.replies).some((r) => r.internal)).toBe(false);
    expect((await read(ticket.id, tokens.agent)).data!.ticket!.replies).toHaveLength(2);
    const customerNote = await stack.client.request(REPLY, { input: { ticketId: ticket.id, body: 'メモ', internal: true } }, { token: tokens.admin });
    expect(errorCodes(customerNote)).toEqual(['FORBIDDEN']);
    // Ticket is not a federated entity: no `_entities` path leads to it at all
    const entities = await stack.client.request(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: 'Ticket', id: ticket.id }] }, { token: tokens.admin });
    expect(entities.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(entities.data ?? null)).not.toContain('社内メモ');
  });

  it('P7: a ticket past due without a public reply from support is late', async () => {
    clock.set(START);
    const ticket = await openTicket(stack.client, tokens.admin);
    clock.set('2025-11-20T08:30:01Z');
    expect((await read(ticket.id, tokens.admin)).data!.ticket!.isLate).toBe(true);
  });

  it('T1: a customer of another tenant cannot read or reply to the ticket: NOT_FOUND, as if it did not exist; a guest neither', async () => {
    clock.set(START);
    const ticket = await openTicket(stack.client, tokens.admin);
    const foreign = await read(ticket.id, tokens.otherAdmin);
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    const missing = await read('00000000-0000-4000-8000-0000000fffff', tokens.otherAdmin);
    expect(foreign.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(errorCodes(await stack.client.request(REPLY, { input: { ticketId: ticket.id, body: '見えますか' } }, { token: tokens.otherAdmin }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await read(ticket.id, tokens.guest))).toEqual(['NOT_FOUND']);
    const theirs = await stack.client.data<{ myTickets: { edges: Array<{ node: { id: string } }> } }>(MY_TICKETS, {}, { token: tokens.otherAdmin });
    expect(theirs.myTickets.edges.map((e) => e.node.id)).not.toContain(ticket.id);
    expect(errorCodes(await stack.client.request(MY_TICKETS, {}, { token: tokens.guest }))).toEqual(['FORBIDDEN']);
  });

  it('P8: the life of a ticket through the API, auto-close 7 days after SOLVED, and a follow-up for a reply to a CLOSED ticket', async () => {
    clock.set(START);
    const ticket = await openTicket(stack.client, tokens.admin);
    const status = (token: string, s: string) => stack.client.request<{ setTicketStatus: TicketData }>(SET_STATUS, { input: { ticketId: ticket.id, status: s } }, { token });
    expect(errorCodes(await status(tokens.admin, 'SOLVED'))).toEqual(['FORBIDDEN']);
    const assigned = await stack.client.data<{ assignTicket: TicketData }>(ASSIGN, { input: { ticketId: ticket.id } }, { token: tokens.agent });
    expect(assigned.assignTicket).toMatchObject({ status: 'OPEN', assignee: { id: DEMO.agent.id } });
    expect((await status(tokens.agent, 'PENDING')).data?.setTicketStatus.status).toBe('PENDING');
    expect((await reply(stack.client, tokens.admin, ticket.id, '追加の情報です。')).status).toBe('OPEN');
    expect((await status(tokens.agent, 'SOLVED')).data?.setTicketStatus).toMatchObject({ status: 'SOLVED', solvedAt: START });
    expect((await reply(stack.client, tokens.admin, ticket.id, 'まだ解決していません。')).status).toBe('OPEN');
    const back = await status(tokens.agent, 'NEW');
    expect(errorCodes(back)).toEqual(['CONFLICT']);
    expect(back.errors?.[0]?.message).toMatch(/from OPEN back to NEW/);
    expect(errorCodes(await status(tokens.agent, 'CLOSED'))).toEqual(['BAD_USER_INPUT']);
    clock.set('2025-11-20T01:00:00Z');
    expect((await status(tokens.agent, 'SOLVED')).data?.setTicketStatus.solvedAt).toBe('2025-11-20T01:00:00.000Z');

    clock.set('2025-11-27T00:59:59Z'); // one second short of 7 days
    expect((await read(ticket.id, tokens.admin)).data!.ticket!.status).toBe('SOLVED');
    clock.set('2025-11-27T01:00:00Z');
    const closed = (await read(ticket.id, tokens.admin)).data!.ticket!;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2025-11-27T01:00:00.000Z' });
    const row = await stack.handles.support!.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(row.status).toBe('CLOSED'); // persisted, not just shown
    const reopen = await status(tokens.agent, 'OPEN');
    expect(errorCodes(reopen)).toEqual(['CONFLICT']);
    expect(reopen.errors?.[0]?.message).toMatch(/CLOSED ticket is final/);
    expect(errorCodes(await stack.client.request(REPLY, { input: { ticketId: ticket.id, body: '回答です' } }, { token: tokens.agent }))).toEqual(['CONFLICT']);

    clock.set('2025-11-28T01:00:00Z'); // Friday 10:00 JST
    const followUp = await reply(stack.client, tokens.admin, ticket.id, '同じ件で再度質問です。');
    expect(followUp.id).not.toBe(ticket.id);
    expect(followUp).toMatchObject({ status: 'NEW', followUpOf: { id: ticket.id, status: 'CLOSED' }, body: '同じ件で再度質問です。', dueAt: '2025-12-01T08:30:00.000Z' });
    expect(followUp.subject).toMatch(/^Follow-up: /);
    expect((await read(ticket.id, tokens.admin)).data!.ticket!.status).toBe('CLOSED');
  });

  it('P8: the background sweep closes solved tickets by itself too', async () => {
    clock.set(START);
    const ticket = await openTicket(stack.client, tokens.admin, { category: 'HARDWARE' });
    expect(ticket.status).toBe('SOLVED');
    const { closeSolvedTickets } = await import('../src/auto-close.js');
    clock.advanceDays(7);
    expect(await closeSolvedTickets(stack.handles.support!.dataSource.manager, clock.now())).toBeGreaterThanOrEqual(1);
    const row = await stack.handles.support!.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(row).toMatchObject({ status: 'CLOSED', closedAt: new Date('2025-11-26T01:00:00Z') });
  });

  it('P8 with replicas: the sweep runs under a lease: skipped while another replica holds it, taken over once that lease expires; two sweepers racing run it once', async () => {
    clock.set(START);
    const ticket = await openTicket(stack.client, tokens.admin, { category: 'HARDWARE' });
    clock.advanceDays(7);
    const dataSource = stack.handles.support!.dataSource;
    const statusNow = async () => (await dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id })).status;
    // a replica that was killed while it held the sweep's lease
    await dataSource.getRepository(JobLeaseEntity).insert({ jobKey: AUTO_CLOSE_LEASE, owner: 'killed-replica', leaseUntil: clock.now().getTime() + 60_000 });
    const stop = startAutoCloseSweep({ dataSource, clock, logger: silentLogger, deps: { databaseUrl: '', verifier: stack.auth.verifier, env: { JOB_LEASE_MS: '1000' } } }, 10);
    try {
      await new Promise((r) => setTimeout(r, 150));
      expect(await statusNow()).toBe('SOLVED');
      clock.advance(60_001);
      for (let i = 0; i < 200 && (await statusNow()) !== 'CLOSED'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await statusNow()).toBe('CLOSED');
    } finally {
      await stop();
    }
    // the lease is given back after each round
    expect(await dataSource.getRepository(JobLeaseEntity).countBy({ jobKey: AUTO_CLOSE_LEASE })).toBe(0);
    let runs = 0;
    const sweep = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
    };
    const [a, b] = [jobLeases(dataSource, { clock }), jobLeases(dataSource, { clock })];
    const results = await Promise.all([a.run(AUTO_CLOSE_LEASE, sweep), b.run(AUTO_CLOSE_LEASE, sweep)]);
    expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
    expect(runs).toBe(1);
  });

  it('P7: businessDeadline answers anyone, before a ticket is sent', async () => {
    const q = `query($at: DateTime!) { businessDeadline(receivedAt: $at) }`;
    expect((await stack.client.data<{ businessDeadline: string }>(q, { at: '2025-12-26T02:00:00Z' })).businessDeadline).toBe('2026-01-05T08:30:00.000Z');
    expect((await stack.client.data<{ businessDeadline: string }>(q, { at: '2025-05-02T02:00:00Z' })).businessDeadline).toBe('2025-05-07T08:30:00.000Z');
  });

  it('P7: businessDeadline refuses instants outside the years the holiday calendar covers, and impossible dates, as BAD_USER_INPUT', async () => {
    const q = `query($at: DateTime!) { businessDeadline(receivedAt: $at) }`;
    for (const at of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '1969-12-31T12:00:00Z', '2050-12-31T12:00:00Z', '10000-01-01T00:00:00Z', '2027-02-30T00:00:00Z', '2027-13-01T00:00:00Z']) {
      const response = await stack.client.request(q, { at });
      expect(errorCodes(response), at).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message, at).toMatch(/receivedAt|DateTime/);
    }
    const outside = await stack.client.request(q, { at: '9999-12-31T23:59:59Z' });
    expect(outside.errors![0]!.message).toMatch(/1970-01-01.*2050-12-31/);
    // inside the range, up to the last year's end
    expect((await stack.client.data<{ businessDeadline: string }>(q, { at: '1970-01-05T02:00:00Z' })).businessDeadline).toBe('1970-01-06T08:30:00.000Z');
    expect((await stack.client.data<{ businessDeadline: string }>(q, { at: '2050-12-27T02:00:00Z' })).businessDeadline).toBe('2050-12-28T08:30:00.000Z');
  });

  it('myTickets pages with an opaque cursor and refuses more than 100 at once', async () => {
    const first = await stack.client.data<{ myTickets: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      MY_TICKETS,
      { first: 2 },
      { token: tokens.admin },
    );
    expect(first.myTickets.edges).toHaveLength(2);
    expect(first.myTickets.pageInfo.hasNextPage).toBe(true);
    const all = await stack.client.data<{ myTickets: { edges: Array<{ node: { id: string } }> } }>(MY_TICKETS, { first: 100 }, { token: tokens.admin });
    const next = await stack.client.data<{ myTickets: { edges: Array<{ node: { id: string } }> } }>(
      MY_TICKETS,
      { first: 2, after: first.myTickets.pageInfo.endCursor },
      { token: tokens.admin },
    );
    expect(next.myTickets.edges.map((e) => e.node.id)).toEqual(all.myTickets.edges.slice(2, 4).map((e) => e.node.id));
    expect(errorCodes(await stack.client.request(MY_TICKETS, { first: 101 }, { token: tokens.admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(MY_TICKETS, { after: 'not-a-cursor' }, { token: tokens.admin }))).toEqual(['BAD_USER_INPUT']);
  });
});
