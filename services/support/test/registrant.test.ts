import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportRegistrant } from '../src/entities/support-registrant.entity.js';
import { supportSubgraph } from '../src/index.js';

/** What a gateway sends support to add `isSupportRegistrant` to a User it got from spaces. */
const REGISTRANT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id isSupportRegistrant } } }`;
type Entities = { _entities: Array<{ id: string; isSupportRegistrant: boolean } | null> };

const OTHER_TENANT = '00000000-0000-4000-8000-00000000a001';
const OTHER_ADMIN = '00000000-0000-4000-8000-00000000a011';
const memberId = (i: number) => `00000000-0000-4000-8000-0000000f10${String(i).padStart(2, '0')}`;
/** Every third member is a registrant, so a batch that mixes users up shows. */
const isRegistrant = (i: number) => i % 3 === 0;

describe.each(testDialects())('support User.isSupportRegistrant on %s', (dialect) => {
  let stack: Stack;
  let statements: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [supportSubgraph], dialect, onQuery: (_subgraph, sql) => statements.push(sql) });
    const rows: Array<Pick<SupportRegistrant, 'userId' | 'tenantId' | 'registeredBy'>> = Array.from({ length: 19 }, (_, i) => i)
      .filter(isRegistrant)
      .map((i) => ({ userId: memberId(i), tenantId: DEMO.tenant.id, registeredBy: DEMO.admin.id }));
    rows.push({ userId: OTHER_ADMIN, tenantId: OTHER_TENANT, registeredBy: OTHER_ADMIN });
    await stack.handles.support!.dataSource.getRepository(SupportRegistrant).insert(rows);
  });
  afterAll(() => stack?.close());

  const registrant = async (userId: string, token: string | null) => {
    const r = await stack.client.request<Entities>(REGISTRANT, { r: [{ __typename: 'User', id: userId }] }, { token });
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0]!.isSupportRegistrant;
  };

  it('P1: the demo admin is a support registrant; the plain member is not', async () => {
    const { admin, member } = await stack.auth.demoTokens();
    expect(await registrant(DEMO.admin.id, admin)).toBe(true);
    expect(await registrant(DEMO.member.id, admin)).toBe(false);
    expect(await registrant(DEMO.admin.id, member)).toBe(true);
  });

  it("T1: another tenant asking about the demo admin gets false, and sees its own registrant", async () => {
    const otherAdmin = await stack.auth.tokenFor({ id: OTHER_ADMIN, tenantId: OTHER_TENANT, roles: ['ADMIN'] });
    expect(await registrant(DEMO.admin.id, otherAdmin)).toBe(false);
    expect(await registrant(OTHER_ADMIN, otherAdmin)).toBe(true);
    const { admin } = await stack.auth.demoTokens();
    expect(await registrant(OTHER_ADMIN, admin)).toBe(false);
  });

  it('S3: a guest learns nothing of the tenant\'s support set-up: false even for the demo admin', async () => {
    const { guest } = await stack.auth.demoTokens();
    expect(await registrant(DEMO.admin.id, guest)).toBe(false);
    expect(await registrant(DEMO.guest.id, guest)).toBe(false);
  });

  it('an anonymous caller gets false', async () => {
    expect(await registrant(DEMO.admin.id, null)).toBe(false);
  });

  it('no N+1: isSupportRegistrant for 20 users costs the same SQL statements as for 1, right for each', async () => {
    const { admin } = await stack.auth.demoTokens();
    const run = async (ids: string[]) => {
      statements = [];
      const data = await stack.client.data<Entities>(REGISTRANT, { r: ids.map((id) => ({ __typename: 'User', id })) }, { token: admin });
      return { entities: data._entities, statements: [...statements] };
    };
    const one = await run([DEMO.admin.id]);
    expect(one.entities).toEqual([{ id: DEMO.admin.id, isSupportRegistrant: true }]);
    expect(one.statements.length).toBeGreaterThan(0);

    const ids = [DEMO.admin.id, ...Array.from({ length: 19 }, (_, i) => memberId(i))];
    const twenty = await run(ids);
    expect(twenty.entities.map((e) => e?.isSupportRegistrant)).toEqual([true, ...Array.from({ length: 19 }, (_, i) => isRegistrant(i))]);
    expect(twenty.statements.length, twenty.statements.join('\n')).toBe(one.statements.length);
    expect(twenty.statements.filter((sql) => /FROM [`"]support_registrants[`"]/.test(sql))).toHaveLength(1);
  });
});
