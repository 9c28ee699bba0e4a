import { ManualClock } from '@kyodo/subgraph-kit';
import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportSubgraph } from '../src/index.js';

const DEADLINE = `query($at: DateTime!) { businessDeadline(receivedAt: $at) }`;
const ADD_DAY = `mutation($input: ClosingDayInput!) { addClosingDay(input: $input) { id year month day reason } }`;
const REMOVE_DAY = `mutation($id: ID!) { removeClosingDay(id: $id) }`;
const CLOSING_DAYS = `query { closingDays { id year month day } }`;
const SAVE_PRODUCT = `mutation($input: SupportProductInput!) { saveSupportProduct(input: $input) { id name } }`;
const SAVE_VERSION = `mutation($input: SupportProductVersionInput!) { saveSupportProductVersion(input: $input) { version endOfSupport supported } }`;
const PRODUCTS = `query { supportProducts { id name versions { version endOfSupport supported } } }`;
const AUDIT = `query { supportAuditRecords(first: 50) { actorId tenantId action subject before after } }`;

type AuditRow = { actorId: string; tenantId: string | null; action: string; subject: string; before: string | null; after: string | null };

describe.each(testDialects())('support back office: catalogue (P5) and closing days (P7), audited (A1), on %s', (dialect) => {
  let stack: Stack;
  const clock = new ManualClock('2026-06-01T03:00:00Z');
  let tokens: Awaited<ReturnType<Stack['auth']['demoTokens']>>;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect, clock });
    tokens = await stack.auth.demoTokens();
  });
  afterAll(() => stack?.close());

  const audit = async () => (await stack.client.data<{ supportAuditRecords: AuditRow[] }>(AUDIT, {}, { token: tokens.operator })).supportAuditRecords;

  it("P7/A1: a closing day added by a vendor operator moves the desk's deadline, and removing it moves it back; both audited", async () => {
    // received Thu 2026-06-11 10:00 Tokyo: due Fri 12 June 17:30 (08:30Z)
    const at = '2026-06-11T01:00:00Z';
    expect((await stack.client.data<{ businessDeadline: string }>(DEADLINE, { at })).businessDeadline).toBe('2026-06-12T08:30:00.000Z');
    const { addClosingDay } = await stack.client.data<{ addClosingDay: { id: string } }>(ADD_DAY, { input: { year: 2026, month: 6, day: 12, reason: '創立記念日 / Founding day' } }, { token: tokens.operator });
    // Fri 12 June closed: due Mon 15 June 17:30
    expect((await stack.client.data<{ businessDeadline: string }>(DEADLINE, { at })).businessDeadline).toBe('2026-06-15T08:30:00.000Z');
    expect((await stack.client.data<{ closingDays: Array<{ id: string }> }>(CLOSING_DAYS, {})).closingDays.map((d) => d.id)).toContain(addClosingDay.id);
    clock.advance(60_000); // entries are ordered by time (then id): the removal comes a minute later
    expect(await stack.client.data(REMOVE_DAY, { id: addClosingDay.id }, { token: tokens.operator })).toEqual({ removeClosingDay: true });
    expect((await stack.client.data<{ businessDeadline: string }>(DEADLINE, { at })).businessDeadline).toBe('2026-06-12T08:30:00.000Z');
    const entries = (await audit()).filter((e) => e.subject === `ClosingDay:${addClosingDay.id}`);
    expect(entries.map((e) => [e.action, e.before && JSON.parse(e.before), e.after && JSON.parse(e.after)])).toEqual([
      ['closingDay.remove', { year: 2026, month: 6, day: 12, reason: '創立記念日 / Founding day' }, null],
      ['closingDay.add', null, { year: 2026, month: 6, day: 12, reason: '創立記念日 / Founding day' }],
    ]);
    expect(entries.every((e) => e.actorId === DEMO.operator.id && e.tenantId === null)).toBe(true);
  });

  it('P7: an impossible closing day is BAD_USER_INPUT (31 April; 29 February only every year or in a leap year)', async () => {
    for (const input of [{ month: 4, day: 31 }, { year: 2027, month: 2, day: 29 }, { month: 13, day: 1 }]) {
      expect(errorCodes(await stack.client.request(ADD_DAY, { input: { ...input, reason: 'x' } }, { token: tokens.operator })), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('P5/A1: a new product and version, then an end of support: the version is no longer supported; before/after audited', async () => {
    await stack.client.data(SAVE_PRODUCT, { input: { id: 'garoon', name: 'Garoon' } }, { token: tokens.operator });
    expect((await stack.client.data<{ saveSupportProductVersion: unknown }>(SAVE_VERSION, { input: { productId: 'garoon', version: '5' } }, { token: tokens.operator })).saveSupportProductVersion).toEqual({
      version: '5',
      endOfSupport: null,
      supported: true,
    });
    // the clock says 2026-06-01 in Tokyo: support ended the day before
    clock.advance(60_000);
    const ended = await stack.client.data<{ saveSupportProductVersion: unknown }>(SAVE_VERSION, { input: { productId: 'garoon', version: '5', endOfSupport: '2026-05-31' } }, { token: tokens.operator });
    expect(ended.saveSupportProductVersion).toEqual({ version: '5', endOfSupport: '2026-05-31', supported: false });
    const products = (await stack.client.data<{ supportProducts: Array<{ id: string; versions: unknown[] }> }>(PRODUCTS, {})).supportProducts;
    expect(products.find((p) => p.id === 'garoon')!.versions).toEqual([{ version: '5', endOfSupport: '2026-05-31', supported: false }]);
    const entries = (await audit()).filter((e) => e.subject === 'SupportProductVersion:garoon/5');
    expect(entries.map((e) => [e.action, e.before && JSON.parse(e.before), JSON.parse(e.after!)])).toEqual([
      ['supportProductVersion.update', { endOfSupport: null }, { endOfSupport: '2026-05-31' }],
      ['supportProductVersion.create', null, { endOfSupport: null }],
    ]);
    expect(errorCodes(await stack.client.request(SAVE_VERSION, { input: { productId: 'nope', version: '1' } }, { token: tokens.operator }))).toEqual(['NOT_FOUND']);
  });

  it('the catalogue and the closing days are changed by vendor operators only: an agent, an admin, a guest are FORBIDDEN; signed out UNAUTHENTICATED', async () => {
    for (const token of [tokens.agent, tokens.admin, tokens.guest]) {
      expect(errorCodes(await stack.client.request(ADD_DAY, { input: { month: 5, day: 1, reason: 'x' } }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.client.request(SAVE_PRODUCT, { input: { id: 'dezie', name: 'hijacked' } }, { token }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await stack.client.request(ADD_DAY, { input: { month: 5, day: 1, reason: 'x' } }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    // the vendor's own entries (no tenant) are not a tenant admin's to read; an agent reads none
    expect((await stack.client.data<{ supportAuditRecords: unknown[] }>(AUDIT, {}, { token: tokens.admin })).supportAuditRecords).toEqual([]);
    expect(errorCodes(await stack.client.request(AUDIT, {}, { token: tokens.agent }))).toEqual(['FORBIDDEN']);
  });
});
