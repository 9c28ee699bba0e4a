import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const QUOTE = `query($input: QuoteMemberSeatsInput!) { quoteMemberSeats(input: $input) { quantity seatsAfter months unitPrice subtotal tax total effectiveFrom seatsFrom } }`;
const ORDER = `mutation($input: OrderMemberSeatsInput!) { orderMemberSeats(input: $input) { id quantity seatsAfter months subtotal tax total effectiveFrom seatsFrom invoice { total lines { quantity unitPrice amount periodFrom } } } }`;
const SEATS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { memberSeats } storageQuotaBytes } } }`;
const AUDIT = `query { licensingAuditRecords(first: 50) { actorId tenantId action subject before after } }`;
const INVOICES = `query { invoices { issuedOn total } }`;

const MONTHLY = '00000000-0000-4000-8000-0000000d0001'; // monthly Light, 6 seats, 5 active members
const MONTHLY_ADMIN = '00000000-0000-4000-8000-0000000d0011';
const ANNUAL = '00000000-0000-4000-8000-0000000d0002'; // annual Light, term 2025-11-01 .. 2026-10-31, 8 seats
const ANNUAL_ADMIN = '00000000-0000-4000-8000-0000000d0012';

describe.each(testDialects())('T5/T6 member seat orders on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-15T03:00:00Z'); // 15 April 2026, 12:00 in Tokyo
  const spaces = new FakeSpaces({});
  spaces.activeMembers.set(MONTHLY, 5);
  spaces.activeMembers.set(ANNUAL, 7);
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert([
      { id: '00000000-0000-4000-8000-0000000d0101', tenantId: MONTHLY, course: Course.LIGHT, billingCycle: BillingCycle.MONTHLY, startsOn: '2026-01-01', endsOn: null, memberSeats: 6 },
      { id: '00000000-0000-4000-8000-0000000d0102', tenantId: ANNUAL, course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2025-11-01', endsOn: '2026-10-31', memberSeats: 8 },
    ]);
  });
  afterAll(() => stack?.close());

  // tokens are minted on the test clock's day, which moves
  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN'> = [], kind: 'MEMBER' | 'GUEST' = 'MEMBER') => stack.auth.issuer.sign({ userId, tenantId, kind, roles, language: 'en' }, { now: clock.now() });
  const monthlyAdmin = () => sign(MONTHLY_ADMIN, MONTHLY, ['ADMIN']);
  const annualAdmin = () => sign(ANNUAL_ADMIN, ANNUAL, ['ADMIN']);
  const tokyo = (day: string) => clock.set(new Date(`${day}T12:00:00+09:00`));
  const seatsOf = async (tenantId: string, token: string) =>
    (await stack.client.data<{ _entities: Array<{ contract: { memberSeats: number }; storageQuotaBytes: number }> }>(SEATS, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0]!;

  it('T6/L16 monthly: an increase is usable at once and billed from next month by the 1st-of-month invoice (no invoice with the order)', async () => {
    tokyo('2026-04-15');
    const { quoteMemberSeats } = await stack.client.data<{ quoteMemberSeats: unknown }>(QUOTE, { input: { quantity: 2 } }, { token: await monthlyAdmin() });
    // nothing charged now: May's invoice (dated 2026-05-01) bills the 8 seats in force that day
    expect(quoteMemberSeats).toEqual({ quantity: 2, seatsAfter: 8, months: null, unitPrice: 780, subtotal: 0, tax: 0, total: 0, effectiveFrom: '2026-05-01', seatsFrom: '2026-04-15' });
    const { orderMemberSeats } = await stack.client.data<{ orderMemberSeats: { total: number; invoice: unknown } }>(ORDER, { input: { quantity: 2, idempotencyKey: 'm-up' } }, { token: await monthlyAdmin() });
    expect(orderMemberSeats).toMatchObject({ total: 0, invoice: null });
    const now = await seatsOf(MONTHLY, await monthlyAdmin());
    expect(now.contract.memberSeats).toBe(8);
    // L4: storage follows the seats in force
    expect(now.storageQuotaBytes).toBe(8 * 5 * 1024 ** 3);
  });

  it('T6 monthly: a decrease takes effect on the 1st of next month, not before, and charges nothing', async () => {
    tokyo('2026-04-20');
    const { orderMemberSeats } = await stack.client.data<{ orderMemberSeats: { total: number; invoice: unknown; seatsFrom: string; seatsAfter: number } }>(
      ORDER,
      { input: { quantity: -3, idempotencyKey: 'm-down' } },
      { token: await monthlyAdmin() },
    );
    expect(orderMemberSeats).toMatchObject({ total: 0, invoice: null, seatsFrom: '2026-05-01', seatsAfter: 5 });
    expect((await seatsOf(MONTHLY, await monthlyAdmin())).contract.memberSeats).toBe(8);
    tokyo('2026-04-30');
    expect((await seatsOf(MONTHLY, await monthlyAdmin())).contract.memberSeats).toBe(8);
    tokyo('2026-05-01');
    expect((await seatsOf(MONTHLY, await monthlyAdmin())).contract.memberSeats).toBe(5);
  });

  it('T5: a decrease below the active members (spaces counts them) is refused with CONFLICT; below 5 seats with BAD_USER_INPUT', async () => {
    tokyo('2026-05-10');
    spaces.activeMembers.set(MONTHLY, 5);
    // 5 seats held: removing 1 leaves 4, under the T5 minimum
    const belowFive = await stack.client.request(ORDER, { input: { quantity: -1, idempotencyKey: 'm-below-5' } }, { token: await monthlyAdmin() });
    expect(errorCodes(belowFive)).toEqual(['BAD_USER_INPUT']);
    expect(belowFive.errors?.[0]?.message).toMatch(/T5: a base contract has at least 5 member seats/);
    // the annual tenant has 7 active members and 8 seats: going to 6 for the renewal is refused
    tokyo('2026-06-01');
    const belowMembers = await stack.client.request(ORDER, { input: { quantity: -2, forRenewal: true, idempotencyKey: 'a-below-members' } }, { token: await annualAdmin() });
    expect(errorCodes(belowMembers)).toEqual(['CONFLICT']);
    expect(belowMembers.errors?.[0]?.message).toMatch(/T5: the organisation has 7 active member\(s\), more than the 6 seat\(s\)/);
    expect((await seatsOf(ANNUAL, await annualAdmin())).contract.memberSeats).toBe(8);
    // spaces gives no count (it does not know the tenant): refused, nothing ordered (fail closed)
    spaces.activeMembers.delete(ANNUAL);
    const unknown = await stack.client.request(ORDER, { input: { quantity: -1, forRenewal: true, idempotencyKey: 'a-no-count' } }, { token: await annualAdmin() });
    expect(errorCodes(unknown)).toEqual(['SERVICE_UNAVAILABLE']);
    spaces.activeMembers.set(ANNUAL, 7);
  });

  it('T6 annual: an increase costs whole months remaining x monthly price x seats (L6): 2 Light seats on 15 June, term ending 31 October = 4 months', async () => {
    tokyo('2026-06-15');
    // whole months from 2026-06-15 to 2026-10-31: addMonths(06-15, 4) - 1 day = 10-14 <= 10-31; 5 months would end 11-14; so 4
    // 2 x 780 x 4 = 6,240; tax 624; 6,864
    const { orderMemberSeats } = await stack.client.data<{ orderMemberSeats: { months: number; subtotal: number; tax: number; total: number; invoice: { lines: unknown[] } } }>(
      ORDER,
      { input: { quantity: 2, idempotencyKey: 'a-up' } },
      { token: await annualAdmin() },
    );
    expect(orderMemberSeats).toMatchObject({ months: 4, subtotal: 6240, tax: 624, total: 6864 });
    expect(orderMemberSeats.invoice.lines).toHaveLength(4);
    expect((await seatsOf(ANNUAL, await annualAdmin())).contract.memberSeats).toBe(10);
  });

  it('T6 annual: a decrease mid-term is refused; ordered for the renewal it costs nothing and counts from the next term', async () => {
    tokyo('2026-07-01');
    const midTerm = await stack.client.request(ORDER, { input: { quantity: -1, idempotencyKey: 'a-down-now' } }, { token: await annualAdmin() });
    expect(errorCodes(midTerm)).toEqual(['BAD_USER_INPUT']);
    expect(midTerm.errors?.[0]?.message).toMatch(/T6: on annual billing member seats cannot be reduced during the term/);
    const { orderMemberSeats } = await stack.client.data<{ orderMemberSeats: unknown }>(ORDER, { input: { quantity: -3, forRenewal: true, idempotencyKey: 'a-down-renewal' } }, { token: await annualAdmin() });
    expect(orderMemberSeats).toMatchObject({ months: 0, total: 0, seatsFrom: '2026-11-01', seatsAfter: 7 });
    tokyo('2026-10-31');
    expect((await seatsOf(ANNUAL, await annualAdmin())).contract.memberSeats).toBe(10);
    tokyo('2026-11-01');
    expect((await seatsOf(ANNUAL, await annualAdmin())).contract.memberSeats).toBe(7);
  });

  it('T6: the same idempotency key twice orders once (no invoice on monthly, L16); the key reused for another order is CONFLICT', async () => {
    tokyo('2026-11-10');
    const token = await monthlyAdmin();
    const invoicesBefore = (await stack.client.data<{ invoices: unknown[] }>(INVOICES, {}, { token })).invoices.length;
    const first = await stack.client.data<{ orderMemberSeats: { id: string } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'm-once' } }, { token });
    const again = await stack.client.data<{ orderMemberSeats: { id: string } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'm-once' } }, { token });
    expect(again.orderMemberSeats.id).toBe(first.orderMemberSeats.id);
    expect((await stack.client.data<{ invoices: unknown[] }>(INVOICES, {}, { token })).invoices.length).toBe(invoicesBefore);
    expect((await seatsOf(MONTHLY, token)).contract.memberSeats).toBe(6);
    const reused = await stack.client.request(ORDER, { input: { quantity: 2, idempotencyKey: 'm-once' } }, { token });
    expect(errorCodes(reused)).toEqual(['CONFLICT']);
  });

  it('seat orders are for tenant administrators: a member, a guest, a vendor operator are FORBIDDEN', async () => {
    for (const token of [await sign('00000000-0000-4000-8000-0000000d0099', MONTHLY), await sign('00000000-0000-4000-8000-0000000d0098', MONTHLY, [], 'GUEST'), await sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN'])]) {
      expect(errorCodes(await stack.client.request(ORDER, { input: { quantity: 1, idempotencyKey: 'x' } }, { token }))).toEqual(['FORBIDDEN']);
    }
  });

  it('A1: every seat order is audited in the same transaction: who, the tenant, before and after', async () => {
    const { licensingAuditRecords } = await stack.client.data<{ licensingAuditRecords: Array<{ actorId: string; tenantId: string; action: string; before: string; after: string }> }>(AUDIT, {}, { token: await monthlyAdmin() });
    const orders = licensingAuditRecords.filter((e) => e.action === 'memberSeats.order');
    // m-up, m-down, m-once (refused orders left nothing)
    expect(orders).toHaveLength(3);
    expect(orders.every((e) => e.tenantId === MONTHLY && e.actorId === MONTHLY_ADMIN)).toBe(true);
    const down = orders.find((e) => JSON.parse(e.after).quantity === -3)!;
    expect(JSON.parse(down.before)).toEqual({ memberSeats: 8 });
    expect(JSON.parse(down.after)).toMatchObject({ memberSeats: 5, seatsFrom: '2026-05-01' });
  });

  it('T6: concurrent retries of one idempotency key all answer the first order, and it is placed once (issue 19)', async () => {
    tokyo('2026-04-15');
    const token = await monthlyAdmin();
    const before = (await seatsOf(MONTHLY, token)).contract.memberSeats;
    const answers = await Promise.all(Array.from({ length: 8 }, () => stack.client.request<{ orderMemberSeats: { id: string } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'm-race' } }, { token })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.orderMemberSeats.id)).size).toBe(1);
    expect((await seatsOf(MONTHLY, token)).contract.memberSeats).toBe(before + 1);
  });
});
