import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';

const QUOTE = `query($input: QuoteCourseChangeInput!) { quoteCourseChange(input: $input) { courseBefore course seats months unitPrice subtotal tax total effectiveFrom courseFrom } }`;
const ORDER = `mutation($input: OrderCourseChangeInput!) { orderCourseChange(input: $input) { id courseBefore course seats months total effectiveFrom courseFrom invoice { issuedOn total lines { quantity unitPrice amount periodFrom } } } }`;
const COURSE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { course } } } }`;
const SEAT_QUOTE = `query($input: QuoteMemberSeatsInput!) { quoteMemberSeats(input: $input) { unitPrice months subtotal } }`;
const AUDIT = `query { licensingAuditRecords(first: 50) { actorId tenantId action before after } }`;

const MONTHLY = '00000000-0000-4000-8000-0000000e0001'; // monthly Light, 6 seats
const MONTHLY_ADMIN = '00000000-0000-4000-8000-0000000e0011';
const ANNUAL = '00000000-0000-4000-8000-0000000e0002'; // annual Light, term 2025-11-01 .. 2026-10-31, 8 seats
const ANNUAL_ADMIN = '00000000-0000-4000-8000-0000000e0012';

describe.each(testDialects())('T6 course changes on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-15T03:00:00Z');
  const spaces = new FakeSpaces({});
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert([
      { id: '00000000-0000-4000-8000-0000000e0101', tenantId: MONTHLY, course: Course.LIGHT, billingCycle: BillingCycle.MONTHLY, startsOn: '2026-01-01', endsOn: null, memberSeats: 6 },
      { id: '00000000-0000-4000-8000-0000000e0102', tenantId: ANNUAL, course: Course.LIGHT, billingCycle: BillingCycle.ANNUAL, startsOn: '2025-11-01', endsOn: '2026-10-31', memberSeats: 8 },
    ]);
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN'> = [], kind: 'MEMBER' | 'GUEST' = 'MEMBER') => stack.auth.issuer.sign({ userId, tenantId, kind, roles, language: 'en' }, { now: clock.now() });
  const monthlyAdmin = () => sign(MONTHLY_ADMIN, MONTHLY, ['ADMIN']);
  const annualAdmin = () => sign(ANNUAL_ADMIN, ANNUAL, ['ADMIN']);
  const tokyo = (day: string) => clock.set(new Date(`${day}T12:00:00+09:00`));
  const courseOf = async (tenantId: string, token: string) =>
    (await stack.client.data<{ _entities: Array<{ contract: { course: string } }> }>(COURSE, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0]!.contract.course;

  it('T6 monthly: an upgrade is usable at once and charges nothing now (billed from next month); a downgrade takes effect on the 1st of next month', async () => {
    tokyo('2026-04-15');
    const { orderCourseChange: up } = await stack.client.data<{ orderCourseChange: unknown }>(ORDER, { input: { course: 'STANDARD', idempotencyKey: 'm-up' } }, { token: await monthlyAdmin() });
    expect(up).toMatchObject({ courseBefore: 'LIGHT', course: 'STANDARD', total: 0, invoice: null, courseFrom: '2026-04-15', effectiveFrom: '2026-05-01' });
    expect(await courseOf(MONTHLY, await monthlyAdmin())).toBe('STANDARD');
    // the same key again orders once
    const again = await stack.client.data<{ orderCourseChange: { id: string } }>(ORDER, { input: { course: 'STANDARD', idempotencyKey: 'm-up' } }, { token: await monthlyAdmin() });
    expect(again.orderCourseChange.id).toBe((up as { id: string }).id);
    tokyo('2026-05-10');
    const { orderCourseChange: down } = await stack.client.data<{ orderCourseChange: unknown }>(ORDER, { input: { course: 'LIGHT', idempotencyKey: 'm-down' } }, { token: await monthlyAdmin() });
    expect(down).toMatchObject({ courseBefore: 'STANDARD', course: 'LIGHT', total: 0, courseFrom: '2026-06-01' });
    expect(await courseOf(MONTHLY, await monthlyAdmin())).toBe('STANDARD');
    // one change at a time: another one while the downgrade is pending is a CONFLICT
    expect(errorCodes(await stack.client.request(ORDER, { input: { course: 'STANDARD', idempotencyKey: 'm-again' } }, { token: await monthlyAdmin() }))).toEqual(['CONFLICT']);
    tokyo('2026-06-01');
    expect(await courseOf(MONTHLY, await monthlyAdmin())).toBe('LIGHT');
  });

  it('T6 annual: an upgrade mid-term is invoiced on the order date: 6 whole months x (1,500 - 780) x 8 seats = 34,560 + 10 % = 38,016', async () => {
    tokyo('2026-05-01');
    const { quoteCourseChange } = await stack.client.data<{ quoteCourseChange: unknown }>(QUOTE, { input: { course: 'STANDARD' } }, { token: await annualAdmin() });
    expect(quoteCourseChange).toEqual({ courseBefore: 'LIGHT', course: 'STANDARD', seats: 8, months: 6, unitPrice: 720, subtotal: 34560, tax: 3456, total: 38016, effectiveFrom: '2026-05-01', courseFrom: '2026-05-01' });
    const { orderCourseChange } = await stack.client.data<{ orderCourseChange: { total: number; invoice: { issuedOn: string; total: number; lines: unknown[] } } }>(
      ORDER,
      { input: { course: 'STANDARD', idempotencyKey: 'a-up' } },
      { token: await annualAdmin() },
    );
    expect(orderCourseChange.invoice).toMatchObject({ issuedOn: '2026-05-01', total: 38016 });
    expect(orderCourseChange.invoice.lines).toHaveLength(6);
    expect(orderCourseChange.invoice.lines[0]).toEqual({ quantity: 8, unitPrice: 720, amount: 5760, periodFrom: '2026-05-01' });
    expect(await courseOf(ANNUAL, await annualAdmin())).toBe('STANDARD');
  });

  it('T6 annual: a downgrade mid-term is refused with BAD_USER_INPUT naming T6; ordered for the renewal it changes the course on the next term', async () => {
    tokyo('2026-06-10');
    const refused = await stack.client.request(ORDER, { input: { course: 'LIGHT', idempotencyKey: 'a-down-now' } }, { token: await annualAdmin() });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toMatch(/^T6:/);
    const { orderCourseChange } = await stack.client.data<{ orderCourseChange: unknown }>(ORDER, { input: { course: 'LIGHT', forRenewal: true, idempotencyKey: 'a-down' } }, { token: await annualAdmin() });
    expect(orderCourseChange).toMatchObject({ months: 0, total: 0, invoice: null, courseFrom: '2026-11-01' });
    expect(await courseOf(ANNUAL, await annualAdmin())).toBe('STANDARD');
    // seats added for the rest of this term are still at the course in force (Standard): 4 whole months to 31 October x 1,500
    const { quoteMemberSeats } = await stack.client.data<{ quoteMemberSeats: unknown }>(SEAT_QUOTE, { input: { quantity: 1 } }, { token: await annualAdmin() });
    expect(quoteMemberSeats).toEqual({ unitPrice: 1500, months: 4, subtotal: 6000 });
    tokyo('2026-11-01');
    expect(await courseOf(ANNUAL, await annualAdmin())).toBe('LIGHT');
  });

  it('T6: the same course is refused with BAD_USER_INPUT naming T6', async () => {
    tokyo('2026-11-10');
    const same = await stack.client.request(QUOTE, { input: { course: 'LIGHT' } }, { token: await annualAdmin() });
    expect(errorCodes(same)).toEqual(['BAD_USER_INPUT']);
    expect(same.errors?.[0]?.message).toMatch(/^T6: the base contract is already on the LIGHT course/);
  });

  it('course changes are for tenant administrators: a member, a guest, a vendor operator are FORBIDDEN; another tenant\'s admin changes only their own', async () => {
    tokyo('2026-11-10');
    for (const token of [await sign('00000000-0000-4000-8000-0000000e0099', MONTHLY), await sign('00000000-0000-4000-8000-0000000e0098', MONTHLY, [], 'GUEST'), await sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN'])]) {
      expect(errorCodes(await stack.client.request(ORDER, { input: { course: 'STANDARD', idempotencyKey: 'x' } }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.client.request(QUOTE, { input: { course: 'STANDARD' } }, { token }))).toEqual(['FORBIDDEN']);
    }
    // the annual tenant's admin upgrades: only the annual contract changes, the monthly one stays Light
    await stack.client.data(ORDER, { input: { course: 'STANDARD', idempotencyKey: 'a-up-2' } }, { token: await annualAdmin() });
    expect(await courseOf(ANNUAL, await annualAdmin())).toBe('STANDARD');
    expect(await courseOf(MONTHLY, await monthlyAdmin())).toBe('LIGHT');
    // and reading the other tenant's contract answers nothing
    const other = await stack.client.data<{ _entities: Array<{ contract: unknown }> }>(COURSE, { r: [{ __typename: 'Tenant', id: MONTHLY }] }, { token: await annualAdmin() });
    expect(other._entities[0]!.contract).toBeNull();
  });

  it('A1: every course order is audited: who, the tenant, before and after', async () => {
    const { licensingAuditRecords } = await stack.client.data<{ licensingAuditRecords: Array<{ actorId: string; tenantId: string; action: string; before: string; after: string }> }>(AUDIT, {}, { token: await monthlyAdmin() });
    const orders = licensingAuditRecords.filter((e) => e.action === 'course.order');
    // m-up, m-down (the refused and repeated ones left nothing)
    expect(orders).toHaveLength(2);
    expect(orders.every((e) => e.actorId === MONTHLY_ADMIN && e.tenantId === MONTHLY)).toBe(true);
    expect(orders.map((e) => JSON.parse(e.before).course).sort()).toEqual(['LIGHT', 'STANDARD']);
  });
});
