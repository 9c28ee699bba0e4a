import { recordAudit } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, signInAs, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const LOG = `query($first: Int, $after: String, $action: String, $tenantId: ID, $from: Date, $to: Date) { auditLog(first: $first, after: $after, action: $action, tenantId: $tenantId, from: $from, to: $to) { edges { cursor node { id at actor { id display } tenantId action subject before after } } pageInfo { hasNextPage endCursor } } }`;

type Entry = { id: string; at: string; actor: { id: string; display: string }; tenantId: string | null; action: string; subject: string; before: string | null; after: string | null };
type Page = { auditLog: { edges: Array<{ cursor: string; node: Entry }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const TENANT_B = '00000000-0000-4000-8000-00000000b501';
const ADMIN_B = '00000000-0000-4000-8000-00000000b511';

describe.each(testDialects())('A1 the audit log through the gateway on %s', (dialect) => {
  let stack: Stack;
  let admin: string;
  let operator: string;
  let adminB: string;
  beforeAll(async () => {
    stack = await startFullStack({ dialect });
    [admin, operator] = await Promise.all([signInAs(stack.client, 'admin'), signInAs(stack.client, 'operator')]);
    adminB = await stack.auth.tokenFor({ id: ADMIN_B, tenantId: TENANT_B, roles: ['ADMIN'] });
    // the demo tenant's admin changes a space's settings (spaces) and buys a guest licence (licensing)
    const { createSpace } = await stack.client.data<{ createSpace: { id: string } }>('mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }', { i: { name: 'Audit', isGuestSpace: true } }, { token: admin });
    await stack.client.data('mutation($i: UpdateSpaceSettingsInput!) { updateSpaceSettings(input: $i) { id } }', { i: { spaceId: createSpace.id, isPrivate: true } }, { token: admin });
    await stack.client.data('mutation($i: OrderGuestLicensesInput!) { orderGuestLicenses(input: $i) { id } }', { i: { quantity: 1, idempotencyKey: 'audit-e2e' } }, { token: admin });
    // ... and lets the member open support tickets (support: a permission)
    await stack.client.data('mutation($u: ID!) { addSupportRegistrant(userId: $u) { id } }', { u: DEMO.member.id }, { token: admin });
    // ... and lets the member export cards (cards: a permission)
    await stack.client.data('mutation($i: CardExportPermissionInput!) { setCardExportPermission(input: $i) }', { i: { userId: DEMO.member.id, allowed: true } }, { token: admin });
    // the vendor's operator changes the vendor's own data (support and licensing): no tenant
    await stack.client.data('mutation($i: ClosingDayInput!) { addClosingDay(input: $i) { id } }', { i: { month: 8, day: 14, reason: '夏季休業 / Summer break' } }, { token: operator });
    await stack.client.data('mutation($i: PriceRowInput!) { addPriceRow(input: $i) { id } }', {
      i: { product: 'GUEST_LICENSE', course: 'LIGHT', billingCycle: 'MONTHLY', unit: 'GUEST_MONTH', amount: 600, effectiveFrom: '2999-01-01' },
    }, { token: operator });
    // tenant B has entries in every subgraph too
    for (const name of ['spaces', 'licensing', 'cards', 'support'] as const) {
      await recordAudit(stack.handles[name]!.dataSource.manager, { at: new Date(), actor: { userId: ADMIN_B, tenantId: TENANT_B }, tenantId: TENANT_B, action: `b.${name}`, subject: `B:${name}`, before: { n: 1 }, after: { n: 2 } });
    }
  }, 90_000);
  afterAll(() => stack?.close());

  const readAll = async (token: string, first: number, filter: { action?: string; tenantId?: string; from?: string; to?: string } = {}): Promise<Entry[]> => {
    const entries: Entry[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const data: Page = await stack.client.data<Page>(LOG, { first, after, ...filter }, { token });
      entries.push(...data.auditLog.edges.map((e) => e.node));
      if (!data.auditLog.pageInfo.hasNextPage) return entries;
      after = data.auditLog.pageInfo.endCursor;
    }
    throw new Error('the audit log did not end');
  };

  it("A1: a tenant's admin reads its own tenant's entries from every subgraph, with who, when (UTC), before and after; never tenant B's or the vendor's", async () => {
    const mine = await readAll(admin, 50);
    expect(mine.every((e) => e.tenantId === DEMO.tenant.id)).toBe(true);
    const settings = mine.find((e) => e.action === 'space.settings')!;
    expect(settings.actor).toEqual({ id: DEMO.admin.id, display: DEMO.admin.name });
    expect(JSON.parse(settings.before!)).toEqual({ isPrivate: false });
    expect(JSON.parse(settings.after!)).toEqual({ isPrivate: true });
    expect(settings.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(mine.find((e) => e.action === 'supportRegistrant.add')).toMatchObject({ subject: `User:${DEMO.member.id}`, after: JSON.stringify({ registrant: true }) });
    expect(mine.find((e) => e.action === 'cardExport.permission')).toMatchObject({ actor: { id: DEMO.admin.id, display: DEMO.admin.name }, subject: `User:${DEMO.member.id}`, before: JSON.stringify({ allowed: false }), after: JSON.stringify({ allowed: true }) });
    const order = mine.find((e) => e.action === 'guestLicenses.order')!;
    expect(JSON.parse(order.after!)).toMatchObject({ quantity: 1 });
    expect(mine.some((e) => e.action === 'b.spaces' || e.action === 'closingDay.add' || e.action === 'priceRow.add')).toBe(false);

    const theirs = await readAll(adminB, 50);
    expect(theirs.map((e) => e.action).sort()).toEqual(['b.cards', 'b.licensing', 'b.spaces', 'b.support']);
  });

  it('A1: a vendor operator reads every entry, newest first, and pages of 2 give the same list as one page, with no entry twice', async () => {
    const all = await readAll(operator, 100);
    const actions = all.map((e) => e.action);
    for (const action of ['space.settings', 'guestLicenses.order', 'closingDay.add', 'priceRow.add', 'b.spaces', 'b.licensing', 'b.support']) expect(actions).toContain(action);
    const closing = all.find((e) => e.action === 'closingDay.add')!;
    expect(closing).toMatchObject({ tenantId: null, actor: { id: DEMO.operator.id } });
    expect(JSON.parse(closing.after!)).toMatchObject({ month: 8, day: 14 });
    const order = all.map((e) => [e.at, e.id] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] === b[0] ? b[1].localeCompare(a[1]) : b[0].localeCompare(a[0]))));
    const paged = await readAll(operator, 2);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('A1: the filters narrow every subgraph\'s entries alike: an action, a tenant (operators), Tokyo days from/to inclusive; pages of 1 give the same list', async () => {
    const all = await readAll(operator, 100);
    const byAction = (action: string) => all.filter((e) => e.action === action).map((e) => e.id);
    // one action from each subgraph: spaces, licensing, support
    for (const action of ['space.settings', 'guestLicenses.order', 'closingDay.add', 'b.cards']) {
      expect((await readAll(operator, 100, { action })).map((e) => e.id)).toEqual(byAction(action));
      expect(byAction(action).length).toBeGreaterThan(0);
    }
    const tenantB = await readAll(operator, 1, { tenantId: TENANT_B });
    expect(tenantB.map((e) => e.action).sort()).toEqual(['b.cards', 'b.licensing', 'b.spaces', 'b.support']);
    // an administrator's tenant filter never widens the scope: tenant B's entries stay out of reach
    expect(await readAll(admin, 50, { tenantId: TENANT_B })).toEqual([]);
    expect((await readAll(admin, 50, { tenantId: DEMO.tenant.id })).map((e) => e.id)).toEqual((await readAll(admin, 50)).map((e) => e.id));
    // days are Tokyo's: the entries were written today, so today finds them all and yesterday none
    const tokyoDay = (iso: string, days = 0) => new Date(Date.parse(iso) + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const today = tokyoDay(all[0]!.at);
    const todays = all.filter((e) => tokyoDay(e.at) === today).map((e) => e.id);
    expect((await readAll(operator, 100, { from: today, to: today })).map((e) => e.id)).toEqual(todays);
    expect(await readAll(operator, 100, { to: tokyoDay(all[0]!.at, -400) })).toEqual([]);
    expect(await readAll(operator, 100, { from: tokyoDay(all[0]!.at, 1) })).toEqual([]);
    expect((await readAll(operator, 1, { action: 'b.spaces', from: today })).map((e) => e.action)).toEqual(['b.spaces']);
    expect(errorCodes(await stack.client.request(LOG, { first: 10, from: '2027-02-30' }, { token: operator }))).toEqual(['BAD_USER_INPUT']);
  });

  it('A1: a member and a guest are refused (FORBIDDEN), signed out UNAUTHENTICATED', async () => {
    const [member, guest] = await Promise.all([signInAs(stack.client, 'member'), signInAs(stack.client, 'guest')]);
    for (const token of [member, guest]) expect(errorCodes(await stack.client.request(LOG, { first: 10 }, { token }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(LOG, { first: 10 }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });
});
