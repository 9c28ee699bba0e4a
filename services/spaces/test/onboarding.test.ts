import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO, errorCodes, FakeSubgraph, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdFor } from '../src/domain/onboarding.js';
import { PasswordSetup } from '../src/entities/password-setup.entity.js';
import { Tenant } from '../src/entities/tenant.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';
import { CREATE_BASE_CONTRACT } from '../src/licensing-contracts.js';

const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id subdomain } }`;
const input = (subdomain: string, memberSeats = 5) => ({
  subdomain,
  name: 'Retry Co',
  admin: { email: `admin@${subdomain}.example`, name: 'First Admin' },
  contract: { course: 'STANDARD', billingCycle: 'ANNUAL', startsOn: '2027-02-01', memberSeats },
});

type Terms = { course: string; billingCycle: string; startsOn: string; memberSeats: number };
const coded = (message: string, code: string) => Object.assign(new Error(message), { extensions: { code } });

describe.each(testDialects())('createTenant with licensing (a fake of it) on %s: all or nothing (T4/T5)', (dialect) => {
  let stack: Stack;
  let operator: string;
  // what licensing holds: one base contract per tenant id, idempotent like the real createBaseContract
  const contracts = new Map<string, Terms>();
  // issue 18 #6: the contracts spaces confirmed, once its transaction committed
  const confirmed = new Set<string>();
  const licensing = new FakeSubgraph({
    name: 'licensing',
    resolvers: {
      Mutation: {
        createBaseContract: (_root: never, { tenantId, input: terms }: { tenantId: string; input: Terms }) => {
          const existing = contracts.get(tenantId);
          if (existing && JSON.stringify(existing) !== JSON.stringify(terms)) throw coded('This tenant already has a base contract with other terms.', 'CONFLICT');
          contracts.set(tenantId, terms);
          return terms;
        },
        confirmBaseContract: (_root: never, { tenantId }: { tenantId: string }) => {
          if (!contracts.has(tenantId)) throw coded('Base contract was not found.', 'NOT_FOUND');
          confirmed.add(tenantId);
          return contracts.get(tenantId);
        },
      },
    },
  });
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    stack.subgraphUrls.licensing = await licensing.listen();
    operator = await stack.auth.tokenFor({ id: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, roles: ['VENDOR_ADMIN'] });
  });
  afterAll(async () => {
    await stack?.close();
    await licensing.close();
  });

  const rowsFor = async (subdomain: string) => {
    const ds = stack.handles.spaces!.dataSource;
    const tenantId = tenantIdFor(subdomain);
    return {
      tenants: await ds.getRepository(Tenant).countBy({ subdomain }),
      users: await ds.getRepository(User).countBy({ tenantId }),
      setups: await ds.getRepository(PasswordSetup).countBy({ tenantId }),
    };
  };
  const nothing = { tenants: 0, users: 0, setups: 0 };

  it('issue 18 bounds: 2,147,483,647 member seats is BAD_USER_INPUT naming the limit of 10,000; licensing is not even asked, nothing written', async () => {
    const r = await stack.client.request(CREATE_TENANT, { input: input('huge-seats', 2_147_483_647) }, { token: operator });
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.message).toMatch(/at most 10,000 member seats \(the limit\)/);
    expect(r.errors?.[0]?.extensions).toMatchObject({ field: 'contract.memberSeats' });
    expect(await rowsFor('huge-seats')).toEqual(nothing);
    expect(contracts.has(tenantIdFor('huge-seats'))).toBe(false);
  });

  it('T4: a failure after licensing made the contract (the mail cannot be written) leaves nothing in spaces; the retry names the same tenant and licensing answers with the contract it has', async () => {
    // a file where the mail folder should be: the mail, the last step, fails
    const mailDir = join(stack.dataDir, 'mail');
    await writeFile(mailDir, 'not a folder');
    const failed = await stack.client.request(CREATE_TENANT, { input: input('retry-co') }, { token: operator });
    expect(failed.errors).toHaveLength(1);
    expect(await rowsFor('retry-co')).toEqual(nothing);
    // Q1: without a registered name, invoices are addressed to the organisation's name
    expect(contracts.get(tenantIdFor('retry-co'))).toMatchObject({ memberSeats: 5, recipientName: 'Retry Co' });
    // issue 18 #6: the contract licensing made stays pending: spaces never confirmed it, so it is never billed
    expect(confirmed.has(tenantIdFor('retry-co'))).toBe(false);
    await rm(mailDir);

    const retried = await stack.client.data<{ createTenant: { id: string; subdomain: string } }>(CREATE_TENANT, { input: input('retry-co') }, { token: operator });
    expect(retried.createTenant).toEqual({ id: tenantIdFor('retry-co'), subdomain: 'retry-co' });
    expect(await rowsFor('retry-co')).toEqual({ tenants: 1, users: 1, setups: 1 });
    expect([...contracts.keys()].filter((id) => id === tenantIdFor('retry-co'))).toHaveLength(1);
    expect(confirmed.has(tenantIdFor('retry-co'))).toBe(true);
    expect((await readMailbox(stack.dataDir)).filter((m) => m.raw.includes('To: admin@retry-co.example'))).toHaveLength(1);
    // licensing was asked with the operator's own token, so it applies its own VENDOR_ADMIN rule
    const calls = licensing.requests.filter((r) => r.operationName === 'CreateBaseContract');
    expect(calls.every((r) => r.authorization === `Bearer ${operator}`)).toBe(true);
    expect(CREATE_BASE_CONTRACT).toContain('mutation CreateBaseContract');
  });

  it('Q1: the registered name given at onboarding is what licensing addresses invoices to', async () => {
    const given = input('named-co');
    await stack.client.data(CREATE_TENANT, { input: { ...given, contract: { ...given.contract, registeredName: ' 株式会社ネームド ' } } }, { token: operator });
    expect(contracts.get(tenantIdFor('named-co'))).toMatchObject({ recipientName: '株式会社ネームド' });
  });

  it("T4: licensing's refusal passes through with its code and spaces keeps nothing", async () => {
    contracts.set(tenantIdFor('clash-co'), { course: 'LIGHT', billingCycle: 'MONTHLY', startsOn: '2027-01-01', memberSeats: 9 });
    const refused = await stack.client.request(CREATE_TENANT, { input: input('clash-co') }, { token: operator });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(await rowsFor('clash-co')).toEqual(nothing);
  });

  it('T4: licensing unreachable: SERVICE_UNAVAILABLE, nothing written (fails closed)', async () => {
    licensing.down = true;
    try {
      const refused = await stack.client.request(CREATE_TENANT, { input: input('down-co') }, { token: operator });
      expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(await rowsFor('down-co')).toEqual(nothing);
    } finally {
      licensing.down = false;
    }
  });
});

describe.each(testDialects())('a first administrator whose link expired gets a new one from an operator on %s (T4)', (dialect) => {
  let stack: Stack;
  let operator: string;
  const licensing = new FakeSubgraph({ name: 'licensing', resolvers: { Mutation: { createBaseContract: (_root: never, { input: terms }: { input: Terms }) => terms } } });
  const RESEND = `mutation($t: String!, $e: String!) { resendSetPasswordLink(tenant: $t, email: $e) }`;
  const SET = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { token } }`;
  const LINK = /\/set-password\?token=([A-Za-z0-9_-]+)/;
  const links = async (email: string) => (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes(`To: ${email}`)).map((m) => LINK.exec(m.decoded)![1]!);
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    stack.subgraphUrls.licensing = await licensing.listen();
    operator = await stack.auth.tokenFor({ id: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, roles: ['VENDOR_ADMIN'] });
  });
  afterAll(async () => {
    await stack?.close();
    await licensing.close();
  });

  it('T4: the expired link says who to ask (not "an administrator"); an operator sends a new one, the older stops at once; audited; once a password is set, no more', async () => {
    await stack.client.data(CREATE_TENANT, { input: input('stranded') }, { token: operator });
    const email = 'admin@stranded.example';
    const until = async (n: number) => {
      for (let i = 0; i < 100 && (await links(email)).length < n; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return links(email);
    };
    const [first] = await until(1);
    // the link expires after 7 days
    const ds = stack.handles.spaces!.dataSource;
    await ds.getRepository(PasswordSetup).update({ tenantId: tenantIdFor('stranded') }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await stack.client.request(SET, { input: { token: first, password: 'stranded-admin-pass-1' } }, { headers: { 'accept-language': 'en' } });
    expect(errorCodes(expired)).toEqual(['BAD_USER_INPUT']);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ rule: 'T4', field: 'token', reason: 'EXPIRED' });
    expect(expired.errors?.[0]?.message).not.toMatch(/ask an administrator/i);
    expect(expired.errors?.[0]?.message).toMatch(/operator.*\(T4\)/);

    // only a vendor operator may send one; the tenant's other people cannot
    const { admin } = await stack.auth.demoTokens();
    expect(errorCodes(await stack.client.request(RESEND, { t: 'stranded', e: email }, { token: admin }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.client.request(RESEND, { t: 'stranded', e: 'nobody@stranded.example' }, { token: operator }))).toEqual(['NOT_FOUND']);
    await stack.client.data(RESEND, { t: 'stranded', e: email }, { token: operator });
    await stack.client.data(RESEND, { t: 'stranded', e: email }, { token: operator });
    const [, second, third] = await until(3);
    // the older links stop working at once
    expect(errorCodes(await stack.client.request(SET, { input: { token: second, password: 'stranded-admin-pass-1' } }))).toEqual(['BAD_USER_INPUT']);
    expect((await stack.client.data<{ setPassword: { token: string } }>(SET, { input: { token: third, password: 'stranded-admin-pass-1' } })).setPassword.token).toEqual(expect.any(String));
    expect(errorCodes(await stack.client.request(RESEND, { t: 'stranded', e: email }, { token: operator }))).toEqual(['CONFLICT']);

    const entries = await ds.query("SELECT actorId, tenantId, action FROM audit_entries WHERE action = 'passwordSetup.resend'");
    expect(entries).toEqual([
      { actorId: DEMO.operator.id, tenantId: tenantIdFor('stranded'), action: 'passwordSetup.resend' },
      { actorId: DEMO.operator.id, tenantId: tenantIdFor('stranded'), action: 'passwordSetup.resend' },
    ]);
  });
});
