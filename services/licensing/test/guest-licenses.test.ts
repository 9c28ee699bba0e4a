import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingCycle, Contract, Course } from '../src/entities/contract.entity.js';
import { licensingSubgraph } from '../src/index.js';
import { PRICE_ROWS } from './price-rows.fixture.js';
import { priceBookOn } from '../src/domain/price-book.js';

const QUOTE = `query($input: QuoteGuestLicensesInput!) { quoteGuestLicenses(input: $input) { months unitPrice subtotal tax total effectiveFrom endsOn } }`;
const ORDER = `mutation($input: OrderGuestLicensesInput!) { orderGuestLicenses(input: $input) { id quantity guestLicensesAfter months subtotal tax total effectiveFrom invoice { total lines { amount } } } }`;
const ASSIGN = `mutation($userId: ID!) { assignGuestLicense(input: { userId: $userId }) }`;
const CONTRACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { course billingCycle endsOn guestLicenses guestLicensesAssigned status } storageQuotaBytes contractStatus cardDigitisation { includedSides purchasedSides } } } }`;
const LICENSE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { guestLicense { status trialEndsOn assigned } } } }`;

const ANNUAL_TENANT = '00000000-0000-4000-8000-00000000c001';
const ANNUAL_ADMIN = '00000000-0000-4000-8000-00000000c011';
const OTHER_GUEST = '00000000-0000-4000-8000-00000000c021';

describe.each(testDialects())('licensing guest licences, orders and invoices on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-15T03:00:00Z'); // 15 April 2026, 12:00 in Tokyo
  let admin: string;
  let member: string;
  let guest: string;
  let annualAdmin: string;
  const spaces = new FakeSpaces({
    [DEMO.guest.id]: { kind: 'GUEST', tenantId: DEMO.tenant.id },
    [DEMO.member.id]: { kind: 'MEMBER', tenantId: DEMO.tenant.id },
    [OTHER_GUEST]: { kind: 'GUEST', tenantId: ANNUAL_TENANT },
  });
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [licensingSubgraph, spaces.definition()], dialect, clock });
    await stack.handles.licensing!.dataSource.getRepository(Contract).insert({
      id: '00000000-0000-4000-8000-00000000c101',
      tenantId: ANNUAL_TENANT,
      course: Course.LIGHT,
      billingCycle: BillingCycle.ANNUAL,
      startsOn: '2025-11-01',
      endsOn: '2026-10-31',
      memberSeats: 3,
    });
    ({ admin, member, guest } = await stack.auth.demoTokens());
    annualAdmin = await stack.auth.tokenFor({ id: ANNUAL_ADMIN, tenantId: ANNUAL_TENANT, roles: ['ADMIN'] });
  });
  afterAll(() => stack?.close());

  const tenantOf = async (tenantId: string, token: string | null) =>
    (await stack.client.data<{ _entities: Array<Record<string, unknown>> }>(CONTRACT, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token }))._entities[0];

  it("L6: the vendor's example through the API: 2 Light guests on 1 March, annual term ending 31 October = 9,280 yen + tax", async () => {
    const { quoteGuestLicenses } = await stack.client.data<{ quoteGuestLicenses: unknown }>(QUOTE, { input: { quantity: 2, orderDate: '2026-03-01' } }, { token: annualAdmin });
    expect(quoteGuestLicenses).toEqual({ months: 8, unitPrice: 580, subtotal: 9280, tax: 928, total: 10208, effectiveFrom: '2026-03-01', endsOn: '2026-10-31' });
    const { orderGuestLicenses } = await stack.client.data<{ orderGuestLicenses: { total: number; invoice: { total: number; lines: Array<{ amount: number }> } } }>(
      ORDER,
      { input: { quantity: 2, orderDate: '2026-03-01', idempotencyKey: 'annual-1' } },
      { token: annualAdmin },
    );
    expect(orderGuestLicenses.total).toBe(10208);
    expect(orderGuestLicenses.invoice.total).toBe(10208);
    expect(orderGuestLicenses.invoice.lines.reduce((s, l) => s + l.amount, 0)).toBe(9280);
  });

  it('an impossible date is a plain BAD_USER_INPUT, not a server error', async () => {
    const r = await stack.client.request(QUOTE, { input: { quantity: 1, orderDate: '2026-02-30' } }, { token: annualAdmin });
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.message).toMatch(/orderDate/);
  });

  it('L6/L7: refused orders say why: under a month left, a decrease mid-term, a zero quantity (BAD_USER_INPUT)', async () => {
    const late = await stack.client.request(QUOTE, { input: { quantity: 1, orderDate: '2026-10-15' } }, { token: annualAdmin });
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors?.[0]?.message).toMatch(/Less than one whole month/);
    const decrease = await stack.client.request(ORDER, { input: { quantity: -1, idempotencyKey: 'annual-down' } }, { token: annualAdmin });
    expect(errorCodes(decrease)).toEqual(['BAD_USER_INPUT']);
    expect(decrease.errors?.[0]?.message).toMatch(/renewal/);
    expect(errorCodes(await stack.client.request(QUOTE, { input: { quantity: 0 } }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
  });

  it('L7/L16: monthly: billed from the 1st of next month by that invoice (nothing now), months null; L5: another seller refused', async () => {
    const { quoteGuestLicenses } = await stack.client.data<{ quoteGuestLicenses: unknown }>(QUOTE, { input: { quantity: 1 } }, { token: admin });
    expect(quoteGuestLicenses).toEqual({ months: null, unitPrice: 1200, subtotal: 0, tax: 0, total: 0, effectiveFrom: '2026-05-01', endsOn: null });
    const seller = await stack.client.request(QUOTE, { input: { quantity: 1, seller: 'Reseller K' } }, { token: admin });
    expect(errorCodes(seller)).toEqual(['BAD_USER_INPUT']);
    expect(seller.errors?.[0]?.message).toMatch(/same|seller of the base contract/);
  });

  it('orders are for administrators only: a member, a guest and an anonymous caller are refused', async () => {
    const input = { quantity: 1, idempotencyKey: 'nope' };
    expect(errorCodes(await stack.client.request(ORDER, { input }, { token: member }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(ORDER, { input }, { token: guest }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(ORDER, { input }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.client.request(`{ invoices { id } }`, {}, { token: member }))).toEqual(['FORBIDDEN']);
  });

  it('the same idempotency key twice buys once; a different order under a used key is a CONFLICT', async () => {
    const first = await stack.client.data<{ orderGuestLicenses: { id: string; guestLicensesAfter: number } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'demo-1' } }, { token: admin });
    const again = await stack.client.data<{ orderGuestLicenses: { id: string; guestLicensesAfter: number } }>(ORDER, { input: { quantity: 1, idempotencyKey: 'demo-1' } }, { token: admin });
    expect(again.orderGuestLicenses).toEqual(first.orderGuestLicenses);
    expect(first.orderGuestLicenses.guestLicensesAfter).toBe(1);
    const clash = await stack.client.request(ORDER, { input: { quantity: 5, idempotencyKey: 'demo-1' } }, { token: admin });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect((await tenantOf(DEMO.tenant.id, admin))?.contract).toMatchObject({ guestLicenses: 1 });
  });

  it('concurrent orders never leave the count wrong: 8 distinct keys + 4 repeats of one key add exactly 9', async () => {
    const before = ((await tenantOf(DEMO.tenant.id, admin))?.contract as { guestLicenses: number }).guestLicenses;
    const keys = [...Array.from({ length: 8 }, (_, i) => `race-${i}`), 'race-same', 'race-same', 'race-same', 'race-same'];
    const results = await Promise.all(keys.map((idempotencyKey) => stack.client.request<{ orderGuestLicenses: { id: string } }>(ORDER, { input: { quantity: 1, idempotencyKey } }, { token: admin })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.slice(8).map((r) => r.data?.orderGuestLicenses.id)).size).toBe(1);
    expect(((await tenantOf(DEMO.tenant.id, admin))?.contract as { guestLicenses: number }).guestLicenses).toBe(before + 9);
    const { invoices } = await stack.client.data<{ invoices: Array<{ total: number }> }>(`{ invoices { total } }`, {}, { token: admin });
    // L16: monthly orders issue no invoice of their own (the next 1st-of-month invoice bills them)
    expect(invoices).toHaveLength(0);
  });

  it('L3: a guest reads their own licence (trial to day 30, then expired); an assigned licence makes them LICENSED; members and other tenants get null', async () => {
    const rep = (firstSignInAt: string | null) => [{ __typename: 'User', id: DEMO.guest.id, kind: 'GUEST', isLinkedGuest: false, firstSignInAt, tenant: { id: DEMO.tenant.id } }];
    const read = async (token: string, firstSignInAt: string | null) =>
      (await stack.client.data<{ _entities: Array<{ guestLicense: unknown }> }>(LICENSE, { r: rep(firstSignInAt) }, { token }))._entities[0]?.guestLicense;
    expect(await read(guest, '2026-03-17T03:00:00Z')).toEqual({ status: 'TRIAL', trialEndsOn: '2026-04-15', assigned: false });
    expect(await read(guest, '2026-03-16T03:00:00Z')).toEqual({ status: 'TRIAL_EXPIRED', trialEndsOn: '2026-04-14', assigned: false });
    expect(await read(member, '2026-03-16T03:00:00Z')).toBeNull();
    expect(await read(annualAdmin, '2026-03-16T03:00:00Z')).toBeNull();
    const otherGuest = await stack.auth.tokenFor({ id: 'someone-else', kind: 'GUEST' });
    expect(await read(otherGuest, '2026-03-16T03:00:00Z')).toBeNull();
    await stack.client.data(ASSIGN, { userId: DEMO.guest.id }, { token: admin });
    expect(await read(admin, '2026-03-16T03:00:00Z')).toEqual({ status: 'LICENSED', trialEndsOn: '2026-04-14', assigned: true });
    const linked = [{ ...rep(null)[0], isLinkedGuest: true }];
    expect((await stack.client.data<{ _entities: Array<{ guestLicense: { status: string } }> }>(LICENSE, { r: linked }, { token: admin }))._entities[0]?.guestLicense.status).toBe('FREE');
  });

  it("assignGuestLicense asks spaces with the admin's token: a member is BAD_USER_INPUT; another tenant's guest is NOT_FOUND like an unknown user (T1); spaces down is SERVICE_UNAVAILABLE", async () => {
    const member = await stack.client.request(ASSIGN, { userId: DEMO.member.id }, { token: admin });
    expect(errorCodes(member)).toEqual(['BAD_USER_INPUT']);
    expect(member.errors?.[0]?.message).toMatch(/not a guest of this organisation/);
    const foreign = await stack.client.request(ASSIGN, { userId: OTHER_GUEST }, { token: admin });
    const unknown = await stack.client.request(ASSIGN, { userId: '00000000-0000-4000-8000-00000000dead' }, { token: admin });
    expect([errorCodes(foreign), errorCodes(unknown)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    // nothing tells another tenant's user apart from one that does not exist
    expect(foreign.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(spaces.authorizations.at(-1)).toBe(`Bearer ${admin}`);
    spaces.down = true;
    try {
      const unreachable = await stack.client.request(ASSIGN, { userId: DEMO.guest.id }, { token: admin });
      expect(errorCodes(unreachable)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(unreachable.errors?.[0]?.message).toMatch(/spaces service cannot be reached/);
    } finally {
      spaces.down = false;
    }
    expect(((await tenantOf(DEMO.tenant.id, admin))?.contract as { guestLicensesAssigned: number }).guestLicensesAssigned).toBe(1);
  });

  it('L4 storage quota, L15 card digitisation: members see them; guests, other tenants and anonymous callers get null', async () => {
    expect(await tenantOf(DEMO.tenant.id, member)).toMatchObject({ storageQuotaBytes: 10 * 5 * 1024 ** 3, contractStatus: 'ACTIVE', cardDigitisation: { includedSides: 1000, purchasedSides: 0 } });
    expect(await tenantOf(DEMO.tenant.id, guest)).toMatchObject({ contract: null, storageQuotaBytes: null, contractStatus: 'ACTIVE', cardDigitisation: null });
    expect(await tenantOf(DEMO.tenant.id, annualAdmin)).toMatchObject({ contract: null, storageQuotaBytes: null, contractStatus: null, cardDigitisation: null });
    expect(await tenantOf(DEMO.tenant.id, null)).toMatchObject({ contract: null, contractStatus: null, cardDigitisation: null });
  });

  it('L15: a digitisation pack adds 1,000 sides, once per idempotency key; admins only', async () => {
    const PACK = `mutation($input: OrderDigitisationPackInput!) { orderDigitisationPack(input: $input) { id packs sides } }`;
    expect(errorCodes(await stack.client.request(PACK, { input: { packs: 1, idempotencyKey: 'p1' } }, { token: member }))).toEqual(['FORBIDDEN']);
    const [a, b] = await Promise.all([1, 2].map(() => stack.client.data<{ orderDigitisationPack: { id: string } }>(PACK, { input: { packs: 2, idempotencyKey: 'p1' } }, { token: admin })));
    expect(a!.orderDigitisationPack.id).toBe(b!.orderDigitisationPack.id);
    expect((await tenantOf(DEMO.tenant.id, member))?.cardDigitisation).toEqual({ includedSides: 1000, purchasedSides: 2000 });
  });

  it('L1: priceBook lists the rows in force on a date, legacy rows included', async () => {
    const { priceBook } = await stack.client.data<{ priceBook: Array<{ product: string; course: string; billingCycle: string; amount: number; legacyCutoff: string | null }> }>(
      `{ priceBook(asOf: "2026-03-01") { product course billingCycle unit amount effectiveFrom effectiveTo legacyCutoff } }`,
    );
    expect(priceBook.filter((r) => r.product === 'GUEST_LICENSE' && r.legacyCutoff === null && r.course === 'LIGHT').map((r) => r.amount).sort()).toEqual([580, 6820]);
    // T5: the member seat rows sit beside them
    expect(priceBook.filter((r) => r.product === 'MEMBER_SEAT' && r.course === 'LIGHT').map((r) => r.amount).sort()).toEqual([780, 9170]);
    expect(priceBook.some((r) => r.legacyCutoff === '2014-04-12')).toBe(true);
    // the migration's frozen rows are the ones the domain tests price against
    const { priceBook: seeded } = await stack.client.data<{ priceBook: unknown[] }>(`{ priceBook(asOf: "2026-03-01") { id product course billingCycle unit amount effectiveFrom effectiveTo legacyCutoff } }`);
    expect(seeded).toEqual(priceBookOn(PRICE_ROWS, '2026-03-01'));
    expect((await stack.client.data<{ priceBook: unknown[] }>(`{ priceBook(asOf: "2010-01-01") { id } }`)).priceBook).toEqual([]);
  });

  it.each([
    ['monthly: the saving reaches the bill only after a decrease order', () => ({ tenantId: DEMO.tenant.id, guestId: DEMO.guest.id, token: admin })],
    ['annual: an invoice already issued is not refunded', () => ({ tenantId: ANNUAL_TENANT, guestId: OTHER_GUEST, token: annualAdmin })],
  ])('L9: a guest who becomes linked is FREE, and neither the licence count nor any invoice changes (%s); no credit note appears', async (_name, who) => {
    const { tenantId, guestId, token } = who();
    await stack.client.data(ASSIGN, { userId: guestId }, { token });
    const readInvoices = async () => (await stack.client.data<{ invoices: Array<{ total: number }> }>(`{ invoices { id issuedOn subtotal tax total lines { description quantity unitPrice amount } } }`, {}, { token })).invoices;
    const [contractBefore, invoicesBefore] = [(await tenantOf(tenantId, token))?.contract, await readInvoices()];
    expect(invoicesBefore.length).toBeGreaterThan(0);
    const status = async (isLinkedGuest: boolean) =>
      (await stack.client.data<{ _entities: Array<{ guestLicense: { status: string } }> }>(
        LICENSE,
        { r: [{ __typename: 'User', id: guestId, kind: 'GUEST', isLinkedGuest, firstSignInAt: '2026-01-01T00:00:00Z', tenant: { id: tenantId } }] },
        { token },
      ))._entities[0]?.guestLicense.status;
    expect(await status(false)).toBe('LICENSED');
    expect(await status(true)).toBe('FREE');
    expect((await tenantOf(tenantId, token))?.contract).toEqual(contractBefore);
    const invoicesAfter = await readInvoices();
    expect(invoicesAfter).toEqual(invoicesBefore);
    expect(invoicesAfter.every((invoice) => invoice.total > 0)).toBe(true);
  });

  it('L8: cancelling the base contract cancels the guest licences: count 0, the licensed guest loses the licence, no more orders', async () => {
    expect(errorCodes(await stack.client.request(`mutation { cancelContract { status } }`, {}, { token: member }))).toEqual(['FORBIDDEN']);
    const { cancelContract } = await stack.client.data<{ cancelContract: { status: string; guestLicenses: number; cancelledOn: string } }>(
      `mutation { cancelContract { status guestLicenses cancelledOn } }`,
      {},
      { token: admin },
    );
    expect(cancelContract).toEqual({ status: 'CANCELLED', guestLicenses: 0, cancelledOn: '2026-04-15' });
    expect((await tenantOf(DEMO.tenant.id, guest))?.contractStatus).toBe('CANCELLED');
    const refused = await stack.client.request(ORDER, { input: { quantity: 1, idempotencyKey: 'after-cancel' } }, { token: admin });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    const { _entities } = await stack.client.data<{ _entities: Array<{ guestLicense: { status: string } }> }>(
      LICENSE,
      { r: [{ __typename: 'User', id: DEMO.guest.id, kind: 'GUEST', isLinkedGuest: false, firstSignInAt: '2026-01-01T00:00:00Z', tenant: { id: DEMO.tenant.id } }] },
      { token: admin },
    );
    expect(_entities[0]?.guestLicense.status).toBe('TRIAL_EXPIRED');
  });
});
