import { DEMO } from './fixtures.js';
import { fakeError, FakeSubgraph, type FakeRequestContext } from './fake-subgraph.js';

export interface FakeSpacesUser {
  kind: 'MEMBER' | 'GUEST';
  tenantId: string;
}

interface FakeSpacesState {
  users: Map<string, FakeSpacesUser>;
  foreignGroups: Set<string>;
  groupsByToken: Map<string, string[]>;
  revoked: Set<string>;
  calls: { viewer: number };
  activeMembers: Map<string, number>;
}

/** The demo people with the kind and tenant spaces gives them. */
function demoUsers(): Map<string, FakeSpacesUser> {
  return new Map<string, FakeSpacesUser>([
    [DEMO.admin.id, { kind: 'MEMBER', tenantId: DEMO.tenant.id }],
    [DEMO.member.id, { kind: 'MEMBER', tenantId: DEMO.tenant.id }],
    [DEMO.guest.id, { kind: 'GUEST', tenantId: DEMO.tenant.id }],
    [DEMO.agent.id, { kind: 'MEMBER', tenantId: DEMO.vendorTenant.id }],
  ]);
}

/**
 * The spaces subgraph as the other subgraphs' tests need it, answering from its published schema
 * (see FakeSubgraph): Users by id with their kind and tenant (T1; null for anyone it does not
 * know, as spaces answers for a user the viewer cannot see), Groups (null when foreign), and the
 * viewer's group ids by bearer token (C3).
 */
export class FakeSpaces extends FakeSubgraph {
  /** T1: the users spaces knows, with their kind and tenant (the demo people by default). */
  readonly users: Map<string, FakeSpacesUser>;
  /** T1: group ids of another tenant (answered null); any other group is the caller's. */
  readonly foreignGroups: Set<string>;
  /** C3: the groups of the viewer, by bearer token; a token not listed is in no group. */
  readonly groupsByToken: Map<string, string[]>;
  /** C6: tokens refused as revoked integration tokens. */
  readonly revoked: Set<string>;
  /** How many times each query was answered (the viewer's groups). */
  readonly calls: { viewer: number };
  /** T5: each tenant's active members (Tenant.activeMemberCount); a tenant not listed answers null. */
  readonly activeMembers: Map<string, number>;

  constructor(users?: Record<string, FakeSpacesUser>) {
    const state: FakeSpacesState = {
      users: users ? new Map(Object.entries(users)) : demoUsers(),
      foreignGroups: new Set(),
      groupsByToken: new Map(),
      revoked: new Set(),
      calls: { viewer: 0 },
      activeMembers: new Map(),
    };
    super({
      name: 'spaces',
      resolvers: {
        Query: {
          viewer: (_: unknown, __: unknown, ctx: FakeRequestContext) => {
            state.calls.viewer++;
            if (ctx.token && state.revoked.has(ctx.token)) throw fakeError('This integration token has been revoked.', 'UNAUTHENTICATED');
            return { groupIds: state.groupsByToken.get(ctx.token ?? '') ?? [] };
          },
        },
        User: {
          __resolveReference: ({ id }: { id: string }) => {
            const user = state.users.get(id);
            return user ? { id, kind: user.kind, tenant: { id: user.tenantId } } : null;
          },
        },
        Group: {
          __resolveReference: ({ id }: { id: string }) => (state.foreignGroups.has(id) ? null : { id }),
        },
        Tenant: {
          // T5: the active members of a tenant, as spaces counts them (null: a tenant it was not told about)
          __resolveReference: ({ id }: { id: string }) => ({ id, activeMemberCount: state.activeMembers.get(id) ?? null }),
        },
      },
    });
    this.users = state.users;
    this.foreignGroups = state.foreignGroups;
    this.groupsByToken = state.groupsByToken;
    this.revoked = state.revoked;
    this.calls = state.calls;
    this.activeMembers = state.activeMembers;
    // T5: the access feed every subgraph follows (subgraph-kit access-guard.ts): a fake spaces
    // changes nobody's access, so it answers an empty feed; without it a subgraph fails closed
    this.feeds.set('access', () => ({ head: 0, changes: [] }));
  }
}

/** A fake spaces started on a free port and registered in the stack's peer directory. */
export async function startFakeSpaces(stack: { subgraphUrls: Record<string, string> }, users?: Record<string, FakeSpacesUser>): Promise<FakeSpaces> {
  const fake = new FakeSpaces(users);
  stack.subgraphUrls.spaces = await fake.listen(0);
  return fake;
}
