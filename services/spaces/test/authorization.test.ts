import { randomUUID } from 'node:crypto';
import { GATEWAY_CREDENTIAL_HEADER, type Role, type UserKind } from '@kyodo/auth';
import { createClient, DEMO, startStack, testDialects, type GraphQLClient, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUEST_PERMISSIONS } from '../src/domain/spaces.js';
import { hashInvitationToken, newInvitationToken } from '../src/domain/invitations.js';
import { Comment } from '../src/entities/comment.entity.js';
import { Group } from '../src/entities/group.entity.js';
import { IntegrationToken } from '../src/entities/integration-token.entity.js';
import { Invitation } from '../src/entities/invitation.entity.js';
import { PasswordSetup } from '../src/entities/password-setup.entity.js';
import { SpaceApp } from '../src/entities/space-app.entity.js';
import { SpaceMember } from '../src/entities/space-member.entity.js';
import { Space } from '../src/entities/space.entity.js';
import { Tenant } from '../src/entities/tenant.entity.js';
import { Thread } from '../src/entities/thread.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';

/**
 * The authorization table: every query and mutation of the spaces subgraph x every principal.
 * The operation list is read from the built schema, so an operation without a row fails.
 * Outcomes: 'ok' (data, no error), 'null' (allowed, but nothing visible), or the error code.
 */
const PRINCIPALS = ['anonymous', 'adminA', 'memberA', 'outsiderA', 'guestX', 'guestY', 'adminB'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Outcome = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';
type Expected = Record<Principal, Outcome>;

const TENANT_B = '00000000-0000-4000-8000-0000000000b0';

/** Shapes of expectation the rules give again and again. */
const U = 'UNAUTHENTICATED' as const;
const everyoneSignedIn = (outcome: Outcome = 'ok'): Expected => ({ anonymous: U, adminA: outcome, memberA: outcome, outsiderA: outcome, guestX: outcome, guestY: outcome, adminB: outcome });
/** T1/S2/S3: only who can see space X gets further; S5: of those, guests are refused; plain members are not its administrators. */
const administerX: Expected = { anonymous: U, adminA: 'ok', memberA: 'FORBIDDEN', outsiderA: 'NOT_FOUND', guestX: 'FORBIDDEN', guestY: 'NOT_FOUND', adminB: 'NOT_FOUND' };
/** Taking part in space X (threads, comments): everyone who sees it. */
const takePartInX: Expected = { anonymous: U, adminA: 'ok', memberA: 'ok', outsiderA: 'NOT_FOUND', guestX: 'ok', guestY: 'NOT_FOUND', adminB: 'NOT_FOUND' };
/** S5: changing memberA's post in X: its author and administrators; never a guest. */
const changeMembersPostInX: Expected = { ...takePartInX, guestX: 'FORBIDDEN' };
/** Tenant administration: admins of their own tenant only; guests never (S5). */
const tenantAdmin: Expected = { anonymous: U, adminA: 'ok', memberA: 'FORBIDDEN', outsiderA: 'FORBIDDEN', guestX: 'FORBIDDEN', guestY: 'FORBIDDEN', adminB: 'ok' };

interface World {
  ids: Record<Exclude<Principal, 'anonymous'>, string>;
  spaceX: string;
  threadX: string;
  groupA: string;
  /** A fresh guest space shaped like X (adminA administers it; memberA and guestX are in it). */
  freshX(): Promise<string>;
  freshThreadX(): Promise<string>;
  freshCommentX(): Promise<string>;
  /** An app in a fresh space shaped like X. */
  freshAppX(): Promise<string>;
  freshInvitationToken(): Promise<string>;
  /** C6: an unrevoked integration token of tenant A (acting as memberA). */
  freshIntegrationTokenA(): Promise<string>;
  /** A member of tenant A in no space, to be added somewhere. */
  freshMemberA(): Promise<string>;
  /** T4: the token of an unused set-password link of a fresh member of tenant A. */
  freshPasswordSetupToken(): Promise<string>;
}

interface Row {
  run(world: World): Promise<{ query: string; variables?: Record<string, unknown> }>;
  expect: Expected;
}

const TABLE: Record<string, Row> = {
  // ---- queries
  viewer: { run: async () => ({ query: '{ viewer { id } }' }), expect: { ...everyoneSignedIn(), anonymous: 'null' } },
  spaces: { run: async () => ({ query: '{ spaces { id } }' }), expect: everyoneSignedIn() },
  space: {
    run: async (w) => ({ query: `{ space(id: "${w.spaceX}") { id } }` }),
    // S2: outsiders (even members) and other guests get null; T1: other tenants too
    expect: { anonymous: U, adminA: 'ok', memberA: 'ok', outsiderA: 'null', guestX: 'ok', guestY: 'null', adminB: 'null' },
  },
  groups: { run: async () => ({ query: '{ groups { id } }' }), expect: { ...everyoneSignedIn(), guestX: 'FORBIDDEN', guestY: 'FORBIDDEN' } }, // S3
  // A1: tenant admins only (vendor operators too, not a principal here); licensing and support, whose entries it
  // merges, do not run in this test, so an allowed read fails closed: SERVICE_UNAVAILABLE, never a partial log
  auditLog: {
    run: async () => ({ query: '{ auditLog(first: 5) { edges { cursor } } }' }),
    expect: { anonymous: U, adminA: 'SERVICE_UNAVAILABLE', memberA: 'FORBIDDEN', outsiderA: 'FORBIDDEN', guestX: 'FORBIDDEN', guestY: 'FORBIDDEN', adminB: 'SERVICE_UNAVAILABLE' },
  },
  // T4: vendor operators only (not a principal here): everyone else FORBIDDEN, signed out UNAUTHENTICATED
  tenants: {
    run: async () => ({ query: '{ tenants(first: 5) { edges { cursor } } }' }),
    expect: { anonymous: U, adminA: 'FORBIDDEN', memberA: 'FORBIDDEN', outsiderA: 'FORBIDDEN', guestX: 'FORBIDDEN', guestY: 'FORBIDDEN', adminB: 'FORBIDDEN' },
  },
  // ---- sign-in and the viewer's own account
  signIn: {
    run: async () => ({ query: `mutation { signIn(input: { tenant: "demo", email: "${DEMO.admin.email}", password: "${DEMO.admin.password}" }) { token } }` }),
    expect: { ...everyoneSignedIn(), anonymous: 'ok' },
  },
  refreshToken: { run: async () => ({ query: 'mutation { refreshToken { token } }' }), expect: everyoneSignedIn() },
  enableTotp: { run: async () => ({ query: 'mutation { enableTotp { secret } }' }), expect: everyoneSignedIn() },
  confirmTotp: { run: async () => ({ query: 'mutation { confirmTotp(code: "000000") }' }), expect: everyoneSignedIn('BAD_USER_INPUT') },
  updateProfile: { run: async () => ({ query: 'mutation { updateProfile(input: { name: "Same Name" }) { id } }' }), expect: everyoneSignedIn() }, // S5: guests too
  setMyLocale: { run: async () => ({ query: 'mutation { setMyLocale(locale: null) { token } }' }), expect: everyoneSignedIn() }, // I1: anyone's own language
  acceptInvitation: {
    run: async (w) => ({ query: `mutation { acceptInvitation(input: { token: "${await w.freshInvitationToken()}", name: "New Guest", password: "a-long-password" }) { token } }` }),
    // the link is the credential: whoever holds it may use it once
    expect: { ...everyoneSignedIn(), anonymous: 'ok' },
  },
  // ---- S9 account linking
  linkInvitation: {
    run: async (w) => ({ query: `mutation { linkInvitation(input: { token: "${await w.freshInvitationToken()}" }) { tenantSubdomain } }` }),
    // only a member of another organisation links; guests and members of the inviting tenant are refused
    expect: { anonymous: U, adminA: 'FORBIDDEN', memberA: 'FORBIDDEN', outsiderA: 'FORBIDDEN', guestX: 'FORBIDDEN', guestY: 'FORBIDDEN', adminB: 'ok' },
  },
  switchTenant: {
    run: async () => ({ query: 'mutation { switchTenant(tenant: "demo") { token } }' }),
    // adminB holds a linked guest account in tenant A; nobody else has one
    expect: { anonymous: U, adminA: 'NOT_FOUND', memberA: 'NOT_FOUND', outsiderA: 'NOT_FOUND', guestX: 'FORBIDDEN', guestY: 'FORBIDDEN', adminB: 'ok' },
  },
  markSpaceRead: { run: async (w) => ({ query: `mutation { markSpaceRead(spaceId: "${w.spaceX}") }` }), expect: takePartInX },
  recordContractCancellation: {
    run: async () => ({ query: 'mutation { recordContractCancellation(input: { tenant: "tenant-b" }) }' }),
    expect: { ...everyoneSignedIn('FORBIDDEN') }, // the vendor's staff only
  },
  // ---- tenant administration
  updateTenantSettings: { run: async () => ({ query: 'mutation { updateTenantSettings(input: {}) { id } }' }), expect: tenantAdmin },
  setTenantRequiresTotp: { run: async () => ({ query: 'mutation { setTenantRequiresTotp(required: false) { id } }' }), expect: tenantAdmin }, // S5: guests never configure security
  createGroup: { run: async () => ({ query: `mutation { createGroup(input: { name: "G ${randomUUID()}" }) { id } }` }), expect: tenantAdmin },
  addGroupMember: {
    run: async (w) => ({ query: `mutation { addGroupMember(input: { groupId: "${w.groupA}", userId: "${w.ids.memberA}" }) { id } }` }),
    expect: { ...tenantAdmin, adminB: 'NOT_FOUND' }, // T1
  },
  // ---- T4/T5 onboarding and members
  createTenant: {
    run: async () => ({
      query: `mutation { createTenant(input: { subdomain: "t${randomUUID().slice(0, 8)}", name: "New Co", admin: { email: "a@new.example", name: "A" }, contract: { course: LIGHT, billingCycle: MONTHLY, startsOn: "2027-01-01", memberSeats: 5 } }) { id } }`,
    }),
    expect: everyoneSignedIn('FORBIDDEN'), // vendor operators only
  },
  resendSetPasswordLink: {
    run: async () => ({ query: 'mutation { resendSetPasswordLink(tenant: "demo", email: "admin@demo.example") }' }),
    expect: everyoneSignedIn('FORBIDDEN'), // vendor operators only (T4)
  },
  setPassword: {
    run: async (w) => ({ query: `mutation { setPassword(input: { token: "${await w.freshPasswordSetupToken()}", password: "a-long-password" }) { token } }` }),
    // the link is the credential: whoever holds it may use it once
    expect: { ...everyoneSignedIn(), anonymous: 'ok' },
  },
  addMember: {
    run: async () => ({ query: `mutation { addMember(input: { email: "${randomUUID()}@a.example", name: "New Member" }) { id } }` }),
    // T5: the seats come from licensing, which this stack does not have: administrators are refused, failing closed
    expect: { ...tenantAdmin, adminA: 'SERVICE_UNAVAILABLE', adminB: 'SERVICE_UNAVAILABLE' },
  },
  removeMember: {
    run: async (w) => ({ query: `mutation { removeMember(userId: "${await w.freshMemberA()}") }` }),
    expect: { ...tenantAdmin, adminB: 'NOT_FOUND' }, // T1
  },
  setMemberAdmin: {
    run: async (w) => ({ query: `mutation { setMemberAdmin(userId: "${await w.freshMemberA()}", isAdmin: true) { id } }` }),
    expect: { ...tenantAdmin, adminB: 'NOT_FOUND' }, // T1, T2
  },
  removeGroupMember: {
    run: async (w) => ({ query: `mutation { removeGroupMember(input: { groupId: "${w.groupA}", userId: "${w.ids.memberA}" }) { id } }` }),
    expect: { ...tenantAdmin, adminB: 'NOT_FOUND' }, // T1; C3: cards follows the removal through the membership feed
  },
  // ---- C6 integration tokens: tenant administrators of their own tenant only
  integrationTokens: { run: async () => ({ query: '{ integrationTokens { id } }' }), expect: tenantAdmin },
  issueIntegrationToken: { run: async () => ({ query: 'mutation { issueIntegrationToken(input: { name: "CRM" }) { id } }' }), expect: tenantAdmin },
  revokeIntegrationToken: {
    run: async (w) => ({ query: `mutation { revokeIntegrationToken(id: "${await w.freshIntegrationTokenA()}") }` }),
    expect: { ...tenantAdmin, adminB: 'NOT_FOUND' }, // T1
  },
  // ---- spaces
  createSpace: {
    run: async () => ({ query: 'mutation { createSpace(input: { name: "New", isGuestSpace: true }) { id } }' }),
    expect: { ...everyoneSignedIn(), guestX: 'FORBIDDEN', guestY: 'FORBIDDEN' },
  },
  updateSpaceSettings: { run: async (w) => ({ query: `mutation { updateSpaceSettings(input: { spaceId: "${w.spaceX}" }) { id } }` }), expect: administerX },
  updateSpaceBody: { run: async (w) => ({ query: `mutation { updateSpaceBody(input: { spaceId: "${w.spaceX}", body: "Notice" }) { id } }` }), expect: administerX },
  deleteSpace: { run: async (w) => ({ query: `mutation { deleteSpace(id: "${await w.freshX()}") }` }), expect: administerX },
  // S1 apps: attached and removed by space administrators only; guests never (S5)
  addSpaceApp: { run: async (w) => ({ query: `mutation { addSpaceApp(input: { spaceId: "${w.spaceX}", name: "Orders" }) { id } }` }), expect: administerX },
  removeSpaceApp: { run: async (w) => ({ query: `mutation { removeSpaceApp(id: "${await w.freshAppX()}") }` }), expect: administerX },
  addSpaceMember: {
    run: async (w) => ({ query: `mutation { addSpaceMember(input: { spaceId: "${await w.freshX()}", userId: "${await w.freshMemberA()}" }) { id } }` }),
    expect: administerX,
  },
  removeSpaceMember: {
    run: async (w) => ({ query: `mutation { removeSpaceMember(input: { spaceId: "${await w.freshX()}", userId: "${w.ids.memberA}" }) { id } }` }),
    expect: administerX,
  },
  leaveSpace: { run: async (w) => ({ query: `mutation { leaveSpace(id: "${await w.freshX()}") }` }), expect: takePartInX }, // S10: a guest may leave
  inviteGuest: {
    run: async (w) => ({ query: `mutation { inviteGuest(input: { spaceId: "${await w.freshX()}", email: "${randomUUID()}@partner.example" }) { id } }` }),
    expect: administerX,
  },
  removeGuest: {
    run: async (w) => ({ query: `mutation { removeGuest(input: { spaceId: "${await w.freshX()}", userId: "${w.ids.guestX}" }) }` }),
    expect: administerX,
  },
  // ---- threads and comments
  createThread: { run: async (w) => ({ query: `mutation { createThread(input: { spaceId: "${w.spaceX}", title: "Hello" }) { id } }` }), expect: takePartInX },
  updateThread: { run: async (w) => ({ query: `mutation { updateThread(input: { id: "${w.threadX}", title: "Edited" }) { id } }` }), expect: changeMembersPostInX },
  deleteThread: { run: async (w) => ({ query: `mutation { deleteThread(id: "${await w.freshThreadX()}") }` }), expect: changeMembersPostInX },
  addComment: { run: async (w) => ({ query: `mutation { addComment(input: { threadId: "${w.threadX}", text: "Hi" }) { id } }` }), expect: takePartInX },
  deleteComment: { run: async (w) => ({ query: `mutation { deleteComment(id: "${await w.freshCommentX()}") }` }), expect: changeMembersPostInX },
};

describe.each(testDialects())('authorization table of the spaces subgraph on %s', (dialect) => {
  let stack: Stack;
  let client: GraphQLClient;
  let world: World;
  const tokens = {} as Record<Principal, string | undefined>;

  beforeAll(async () => {
    // production mode: the subgraph is reached directly, with the gateway credential, as the gateway would
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, production: true });
    client = createClient(stack.subgraphUrls.spaces!, { headers: { [GATEWAY_CREDENTIAL_HEADER]: stack.auth.gatewaySecret } });
    const ds = stack.handles.spaces!.dataSource;
    await ds.getRepository(Tenant).insert({ id: TENANT_B, subdomain: 'tenant-b', name: 'Tenant B', requireTotp: false });
    const person = async (kind: UserKind, roles: Role[], tenantId: string = DEMO.tenant.id) => {
      const id = randomUUID();
      await ds.getRepository(User).insert({ id, tenantId, email: `${id}@example.test`, name: 'Same Name', kind, isAdmin: roles.includes('ADMIN'), passwordHash: 'not-used' });
      return { id, token: await stack.auth.tokenFor({ id, tenantId, kind, roles }) };
    };
    const people = {
      adminA: await person('MEMBER', ['ADMIN']),
      memberA: await person('MEMBER', []),
      outsiderA: await person('MEMBER', []),
      guestX: await person('GUEST', []),
      guestY: await person('GUEST', []),
      adminB: await person('MEMBER', ['ADMIN'], TENANT_B),
    };
    for (const [name, p] of Object.entries(people)) tokens[name as Principal] = p.token;
    const ids = Object.fromEntries(Object.entries(people).map(([k, p]) => [k, p.id])) as World['ids'];

    const newSpace = async (members: Array<[string, boolean]>) => {
      const id = randomUUID();
      await ds.getRepository(Space).insert({ id, tenantId: DEMO.tenant.id, name: `X ${id}`, isGuestSpace: true, isPrivate: false, body: '', createdBy: ids.adminA, ...DEFAULT_GUEST_PERMISSIONS });
      await ds.getRepository(SpaceMember).insert(members.map(([userId, isSpaceAdmin]) => ({ spaceId: id, userId, isSpaceAdmin })));
      return id;
    };
    const freshX = () => newSpace([[ids.adminA, true], [ids.memberA, false], [ids.guestX, false]]);
    const newThread = async (spaceId: string) => {
      const id = randomUUID();
      await ds.getRepository(Thread).insert({ id, spaceId, title: 'By memberA', body: '', authorId: ids.memberA, updatedAt: null });
      return id;
    };
    const spaceX = await freshX();
    const spaceY = await newSpace([[ids.adminA, true], [ids.guestY, false]]);
    // S9: adminB's linked guest account in tenant A, in space Y
    const linked = randomUUID();
    await ds.getRepository(User).insert({ id: linked, tenantId: DEMO.tenant.id, email: `${linked}@b.example`, name: 'Linked', kind: 'GUEST', passwordHash: '!linked-account', linkedUserId: ids.adminB });
    await ds.getRepository(SpaceMember).insert({ spaceId: spaceY, userId: linked, isSpaceAdmin: false });
    const groupA = randomUUID();
    await ds.getRepository(Group).insert({ id: groupA, tenantId: DEMO.tenant.id, name: 'Sales' });
    world = {
      ids,
      spaceX,
      threadX: await newThread(spaceX),
      groupA,
      freshX,
      freshThreadX: async () => newThread(await freshX()),
      async freshCommentX() {
        const id = randomUUID();
        await ds.getRepository(Comment).insert({ id, threadId: await newThread(await freshX()), text: 'c', authorId: ids.memberA });
        return id;
      },
      async freshAppX() {
        const id = randomUUID();
        await ds.getRepository(SpaceApp).insert({ id, spaceId: await freshX(), name: 'Orders', createdBy: ids.adminA });
        return id;
      },
      freshMemberA: async () => (await person('MEMBER', [])).id,
      async freshIntegrationTokenA() {
        const id = randomUUID();
        await ds.getRepository(IntegrationToken).insert({
          id,
          tenantId: DEMO.tenant.id,
          userId: ids.memberA,
          name: 'CRM',
          scopes: 'cards:read',
          createdBy: ids.adminA,
          expiresAt: new Date(Date.now() + 86_400_000),
          revokedAt: null,
        });
        return id;
      },
      async freshPasswordSetupToken() {
        const { token, tokenHash } = newInvitationToken();
        const userId = (await person('MEMBER', [])).id;
        await ds.getRepository(PasswordSetup).insert({ id: randomUUID(), tenantId: DEMO.tenant.id, userId, tokenHash, expiresAt: new Date(Date.now() + 86_400_000), usedAt: null });
        return token;
      },
      async freshInvitationToken() {
        const { token, tokenHash } = newInvitationToken();
        expect(hashInvitationToken(token)).toBe(tokenHash);
        await ds.getRepository(Invitation).insert({
          id: randomUUID(),
          tenantId: DEMO.tenant.id,
          spaceId: await freshX(),
          email: `${randomUUID()}@partner.example`,
          tokenHash,
          invitedBy: ids.adminA,
          expiresAt: new Date(Date.now() + 86_400_000),
          acceptedAt: null,
        });
        return token;
      },
    };
  });
  afterAll(() => stack?.close());

  it('has exactly one row for every query and mutation in the schema', async () => {
    const schema = await spacesSubgraph.buildSchema();
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())]
      .filter((name) => !name.startsWith('_'))
      .sort();
    expect(Object.keys(TABLE).sort()).toEqual(operations);
  });

  it.each(Object.keys(TABLE))('%s: every principal gets what the rules say (T1, S2, S3, S5, S10)', async (operation) => {
    const row = TABLE[operation]!;
    const seen = {} as Expected;
    for (const principal of PRINCIPALS) {
      const { query, variables } = await row.run(world);
      const r = await client.request<Record<string, unknown>>(query, variables, { token: tokens[principal] ?? null });
      const code = r.errors?.[0]?.extensions?.code as Outcome | undefined;
      seen[principal] = code ?? (r.data?.[operation] === null ? 'null' : 'ok');
    }
    expect(seen).toEqual(row.expect);
  });

  describe('_entities straight to the subgraph (T1, S2, S3)', () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on User { id } ... on Space { id } ... on Tenant { id } ... on Group { id } } }`;
    const resolve = async (principal: Principal, refs: Array<{ __typename: string; id: string }>) =>
      (await client.data<{ _entities: Array<{ id: string } | null> }>(ENTITIES, { r: refs }, { token: tokens[principal] ?? null }))._entities.map((e) => e?.id ?? null);

    it("T1: an administrator of tenant B gets nothing of tenant A: users, spaces, the tenant, groups", async () => {
      const refs = [
        { __typename: 'User', id: world.ids.memberA },
        { __typename: 'User', id: world.ids.guestX },
        { __typename: 'Space', id: world.spaceX },
        { __typename: 'Tenant', id: DEMO.tenant.id },
        { __typename: 'Group', id: world.groupA },
      ];
      expect(await resolve('adminB', refs)).toEqual([null, null, null, null, null]);
      expect(await resolve('anonymous', refs)).toEqual([null, null, null, null, null]);
      expect(await resolve('adminA', refs)).toEqual([world.ids.memberA, world.ids.guestX, world.spaceX, DEMO.tenant.id, world.groupA]);
    });

    it('S3: a guest gets nothing of a space they are not in, nor of its people; S2: nor does a member outside it', async () => {
      const refs = [
        { __typename: 'Space', id: world.spaceX },
        { __typename: 'User', id: world.ids.guestX },
        { __typename: 'User', id: world.ids.outsiderA },
        { __typename: 'Group', id: world.groupA },
      ];
      expect(await resolve('guestY', refs)).toEqual([null, null, null, null]);
      expect(await resolve('outsiderA', refs)).toEqual([null, null, world.ids.outsiderA, world.groupA]);
      // the guest of X sees X and themselves, still not the member directory or its groups
      expect(await resolve('guestX', refs)).toEqual([world.spaceX, world.ids.guestX, null, null]);
    });
  });
});
