import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, FakeSpaces, FakeSubgraph, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensingSubgraph } from '../src/index.js';

const ADD = `mutation($input: PriceRowInput!) { addPriceRow(input: $input) { id product course billingCycle amount effectiveFrom } }`;
const UPDATE = `mutation($id: ID!, $input: PriceRowInput!) { updatePriceRow(id: $id, input: $input) { id amount effectiveFrom } }`;
const DELETE = `mutation($id: ID!) { deletePriceRow(id: $id) }`;
const RUN = `mutation($period: String!) { runBilling(period: $period) { issuedCount } }`;
const INVOICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { invoices { issuedOn subtotal total lines { quantity unitPrice amount } } } } }`;
const CREATE_SERVICE = `mutation($input: ServiceContractInput!) { createServiceContract(input: $input) { id seats deliveredOn billingStartsOn } }`;
const UPDATE_SERVICE = `mutation($input: ServiceContractInput!) { updateServiceContract(input: $input) { id seats deliveredOn billingStartsOn } }`;
const GRANT_PACK = `mutation($input: GrantDigitisationPackInput!) { grantDigitisationPack(input: $input) { id packs sides } }`;
const DIGITISATION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { cardDigitisation { includedSides purchasedSides } } } }`;
const AUDIT = `query { licensingAuditRecords(first: 100) { id actorId actorTenantId tenantId action subject before after } }`;

/** The seeded T5 row for Standard monthly seats (AddRecurringBilling). */
const STANDARD_MONTHLY_SEAT = '00000000-0000-4000-8000-0000000f0033';
const OTHER_TENANT = '00000000-0000-4000-8000-0000000e0001';

type AuditRow = { actorId: string; actorTenantId: string; tenantId: string | null; action: string; subject: string; before: string | null; after: string | null };

describe.each(testDialects())('licensing back office (L1, L11-L15, A1) on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-04-10T03:00:00Z'); // 10 April 2026 in Tokyo
  beforeAll(async () => {
    // support keeps the vendor's closing days (P7): here the New Year break and, once, 12 November 2026
    const support = new FakeSubgraph({
      name: 'support',
      resolvers: {
        Query: {
          closingDays: () => [
            ...[[12, 29], [12, 30], [12, 31], [1, 1], [1, 2], [1, 3]].map(([month, day]) => ({ id: `ny-${month}-${day}`, year: null, month, day, reason: 'New Year break' })),
            { id: 'once', year: 2026, month: 11, day: 12, reason: '棚卸し / Stocktaking' },
          ],
        },
      },
    });
    stack = await startStack({ subgraphs: [licensingSubgraph, new FakeSpaces({}).definition(), support.definition()], dialect, clock });
  });
  afterAll(() => stack?.close());

  const sign = (userId: string, tenantId: string, roles: Array<'ADMIN' | 'VENDOR_ADMIN' | 'SUPPORT_AGENT'>) => stack.auth.issuer.sign({ userId, tenantId, kind: 'MEMBER', roles, language: 'en' }, { now: clock.now() });
  const operator = () => sign(DEMO.operator.id, DEMO.vendorTenant.id, ['VENDOR_ADMIN']);
  const admin = () => sign(DEMO.admin.id, DEMO.tenant.id, ['ADMIN']);
  const tokyo = (day: string) => clock.set(new Date(`${day}T09:00:00+09:00`));
  const audit = async (token: string) => (await stack.client.data<{ licensingAuditRecords: AuditRow[] }>(AUDIT, {}, { token })).licensingAuditRecords;
  const demoInvoices = async () =>
    (await stack.client.data<{ _entities: Array<{ invoices: Array<{ issuedOn: string; subtotal: number; total: number; lines: Array<{ quantity: number; unitPrice: number; amount: number }> }> }> }>(INVOICES, { r: [{ __typename: 'Tenant', id: DEMO.tenant.id }] }, { token: await operator() }))._entities[0]!.invoices;
  const newSeatRow = { product: 'MEMBER_SEAT', course: 'STANDARD', billingCycle: 'MONTHLY', unit: 'USER_MONTH', amount: 1600, effectiveFrom: '2026-05-01' };

  it('L1: a new price row never changes what was already invoiced; the next period is billed at it', async () => {
    tokyo('2026-04-10');
    // the demo tenant: monthly Standard, 10 seats: April = 10 x 1,500 = 15,000 (+ 1,500 tax = 16,500); and its card
    // service's first term (L13, billing from 2026-04-01) on an invoice of its own
    expect((await stack.client.data<{ runBilling: { issuedCount: number } }>(RUN, { period: '2026-04' }, { token: await operator() })).runBilling.issuedCount).toBe(2);
    const seatInvoices = async (day: string) => (await demoInvoices()).filter((i) => i.issuedOn === day && i.lines[0]!.quantity === 10);
    const april = await seatInvoices('2026-04-01');
    expect(april).toEqual([{ issuedOn: '2026-04-01', subtotal: 15000, total: 16500, lines: [{ quantity: 10, unitPrice: 1500, amount: 15000 }] }]);
    const { addPriceRow } = await stack.client.data<{ addPriceRow: { id: string; amount: number } }>(ADD, { input: newSeatRow }, { token: await operator() });
    expect(addPriceRow.amount).toBe(1600);
    // April's invoice stands as issued; running April again issues nothing
    expect(await seatInvoices('2026-04-01')).toEqual(april);
    expect((await stack.client.data<{ runBilling: { issuedCount: number } }>(RUN, { period: '2026-04' }, { token: await operator() })).runBilling.issuedCount).toBe(0);
    // May is priced with the row in effect on 1 May: 10 x 1,600 = 16,000 (+ 1,600 = 17,600)
    tokyo('2026-05-01');
    await stack.client.data(RUN, { period: '2026-05' }, { token: await operator() });
    expect(await seatInvoices('2026-05-01')).toEqual([{ issuedOn: '2026-05-01', subtotal: 16000, total: 17600, lines: [{ quantity: 10, unitPrice: 1600, amount: 16000 }] }]);
    expect(await seatInvoices('2026-04-01')).toEqual(april);
  });

  it('L1: editing or deleting a row in effect is refused (CONFLICT, reason PRICE_ROW_IN_EFFECT): add a new one instead', async () => {
    tokyo('2026-05-02');
    for (const [query, variables] of [
      [UPDATE, { id: STANDARD_MONTHLY_SEAT, input: { ...newSeatRow, amount: 1, effectiveFrom: '2026-06-01' } }],
      [DELETE, { id: STANDARD_MONTHLY_SEAT }],
    ] as const) {
      const refused = await stack.client.request(query, variables, { token: await operator() });
      expect(errorCodes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors?.[0]?.extensions?.reason).toBe('PRICE_ROW_IN_EFFECT');
      expect(refused.errors?.[0]?.message).toMatch(/in effect since 2011-11-01.*add a new row/);
    }
    // a row dated in the past is refused too: it would re-price periods already billed
    const backDated = await stack.client.request(ADD, { input: { ...newSeatRow, effectiveFrom: '2026-05-01' } }, { token: await operator() });
    expect(errorCodes(backDated)).toEqual(['BAD_USER_INPUT']);
    // a row not yet in effect may still be corrected, then withdrawn
    const { addPriceRow } = await stack.client.data<{ addPriceRow: { id: string } }>(ADD, { input: { ...newSeatRow, amount: 1700, effectiveFrom: '2026-07-01' } }, { token: await operator() });
    const { updatePriceRow } = await stack.client.data<{ updatePriceRow: { amount: number } }>(UPDATE, { id: addPriceRow.id, input: { ...newSeatRow, amount: 1650, effectiveFrom: '2026-07-01' } }, { token: await operator() });
    expect(updatePriceRow.amount).toBe(1650);
    expect(await stack.client.data(DELETE, { id: addPriceRow.id }, { token: await operator() })).toEqual({ deletePriceRow: true });
    // A1: before and after of each change
    const entries = (await audit(await operator())).filter((e) => e.subject === `PriceRow:${addPriceRow.id}`);
    expect(entries.map((e) => e.action).sort()).toEqual(['priceRow.add', 'priceRow.delete', 'priceRow.update']);
    const update = entries.find((e) => e.action === 'priceRow.update')!;
    expect(JSON.parse(update.before!)).toMatchObject({ amount: 1700 });
    expect(JSON.parse(update.after!)).toMatchObject({ amount: 1650 });
    expect(entries.find((e) => e.action === 'priceRow.delete')!.after).toBeNull();
    expect(entries.every((e) => e.actorId === DEMO.operator.id && e.actorTenantId === DEMO.vendorTenant.id && e.tenantId === null)).toBe(true);
  });

  it('L13: a vendor operator records and changes a service contract (dates default to L13), audited with before/after', async () => {
    tokyo('2026-05-02');
    const input = { tenantId: OTHER_TENANT, product: 'START_PACK', deployment: 'CLOUD', seats: 5, papersReceivedOn: '2026-11-02' };
    const { createServiceContract } = await stack.client.data<{ createServiceContract: { id: string; deliveredOn: string; billingStartsOn: string } }>(CREATE_SERVICE, { input }, { token: await operator() });
    // L13 on the vendor's one calendar: 8 business days after Mon 2 Nov 2026, skipping 3 Nov (a national holiday),
    // the weekends and 12 Nov (the vendor's closing day, from support): 4, 5, 6, 9, 10, 11, 13, 16 -> 16 Nov; billing from 1 January
    expect(createServiceContract).toMatchObject({ deliveredOn: '2026-11-16', billingStartsOn: '2027-01-01' });
    expect(errorCodes(await stack.client.request(CREATE_SERVICE, { input }, { token: await operator() }))).toEqual(['CONFLICT']);
    expect(errorCodes(await stack.client.request(UPDATE_SERVICE, { input: { ...input, seats: 4 } }, { token: await operator() }))).toEqual(['BAD_USER_INPUT']);
    clock.advance(60_000); // the log orders by time: the update comes a minute later
    const { updateServiceContract } = await stack.client.data<{ updateServiceContract: { seats: number; deliveredOn: string } }>(
      UPDATE_SERVICE,
      { input: { ...input, seats: 12, deliveredOn: '2026-11-20', billingStartsOn: '2027-01-01' } },
      { token: await operator() },
    );
    expect(updateServiceContract).toMatchObject({ seats: 12, deliveredOn: '2026-11-20' });
    const entries = (await audit(await operator())).filter((e) => e.subject === `ServiceContract:${createServiceContract.id}`);
    expect(entries.map((e) => e.action)).toEqual(['serviceContract.update', 'serviceContract.create']);
    expect(JSON.parse(entries[0]!.before!)).toMatchObject({ seats: 5, deliveredOn: '2026-11-16' });
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ seats: 12, deliveredOn: '2026-11-20' });
    expect(entries[0]!.tenantId).toBe(OTHER_TENANT);
  });

  it('L15: a vendor operator records card packs for a tenant, once per idempotency key, audited', async () => {
    const input = { tenantId: DEMO.tenant.id, packs: 2, idempotencyKey: 'sales-0001' };
    const first = await stack.client.data<{ grantDigitisationPack: { id: string; sides: number } }>(GRANT_PACK, { input }, { token: await operator() });
    const again = await stack.client.data<{ grantDigitisationPack: { id: string } }>(GRANT_PACK, { input }, { token: await operator() });
    expect(again.grantDigitisationPack.id).toBe(first.grantDigitisationPack.id);
    expect(first.grantDigitisationPack.sides).toBe(2000);
    const quota = await stack.client.data<{ _entities: Array<{ cardDigitisation: { purchasedSides: number } }> }>(DIGITISATION, { r: [{ __typename: 'Tenant', id: DEMO.tenant.id }] }, { token: await admin() });
    expect(quota._entities[0]!.cardDigitisation.purchasedSides).toBe(2000);
    const entry = (await audit(await admin())).find((e) => e.action === 'digitisationPack.order')!;
    expect(entry).toMatchObject({ actorId: DEMO.operator.id, tenantId: DEMO.tenant.id });
    expect(JSON.parse(entry.after!)).toEqual({ purchasedSides: 2000, packs: 2 });
  });

  it("the back office is for vendor operators: a tenant's admin and a support agent are FORBIDDEN", async () => {
    for (const token of [await admin(), await sign(DEMO.agent.id, DEMO.vendorTenant.id, ['SUPPORT_AGENT'])]) {
      expect(errorCodes(await stack.client.request(ADD, { input: { ...newSeatRow, effectiveFrom: '2027-01-01' } }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.client.request(DELETE, { id: STANDARD_MONTHLY_SEAT }, { token }))).toEqual(['FORBIDDEN']);
    }
    // the admin names its own tenant, and is still refused: the back office is the vendor's
    const own = { tenantId: DEMO.tenant.id, product: 'START_PACK', deployment: 'CLOUD', seats: 9, papersReceivedOn: '2026-11-02' };
    expect(errorCodes(await stack.client.request(UPDATE_SERVICE, { input: own }, { token: await admin() }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(GRANT_PACK, { input: { tenantId: DEMO.tenant.id, packs: 1, idempotencyKey: 'self' } }, { token: await admin() }))).toEqual(['FORBIDDEN']);
  });

  it("A1: a tenant's admin reads only its tenant's entries (never the vendor's price rows or another tenant's); a member is FORBIDDEN", async () => {
    const mine = await audit(await admin());
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.tenantId === DEMO.tenant.id)).toBe(true);
    const all = await audit(await operator());
    expect(all.some((e) => e.tenantId === null)).toBe(true);
    expect(all.some((e) => e.tenantId === OTHER_TENANT)).toBe(true);
    expect(errorCodes(await stack.client.request(AUDIT, {}, { token: await sign(DEMO.member.id, DEMO.tenant.id, []) }))).toEqual(['FORBIDDEN']);
  });
});
