import { FakeSpaces, FakeSubgraph, type Stack } from '@kyodo/testkit';

/**
 * Stand-ins for spaces (the viewer's groups, the ownership check's Users and Groups) and
 * licensing (the card digitisation contract), so cards is tested alone. Both answer from their
 * subgraph's published schema.graphql (testkit's FakeSubgraph), so a peer query the real
 * subgraph would reject fails here too. Registered in the stack's peer directory, read per call.
 */
export interface FakePeers {
  /** T1: `spaces.users` are the users spaces knows, with kind and tenant (the demo people by default); anyone else is unknown. */
  spaces: FakeSpaces;
  licensing: FakeSubgraph;
  /** C3: groups per bearer token; a token not listed is in no group. */
  groupsByToken: Map<string, string[]>;
  /** T1: group ids that belong to another tenant (spaces answers null for them); any other group is the caller's. */
  foreignGroups: Set<string>;
  /** Tokens spaces refuses as revoked integration tokens (C6). */
  revoked: Set<string>;
  digitisation: { includedSides: number; purchasedSides: number };
  /** L14: the card service's current term as licensing reports it; null: no service contract row to report. */
  serviceTerm: { endsOn: string; renews: boolean } | null;
  /** How many calls each peer got for the viewer's groups and the quota (memoised per request: one per request at most). */
  calls: { readonly spaces: number; readonly licensing: number };
  /** Take a peer away (unreachable) or bring it back. */
  setReachable(peer: 'spaces' | 'licensing', reachable: boolean): void;
  close(): Promise<void>;
}

export async function startFakePeers(stack: Pick<Stack, 'subgraphUrls'>): Promise<FakePeers> {
  const spaces = new FakeSpaces();
  const digitisation = { includedSides: 1000, purchasedSides: 0 };
  const licensingCalls = { count: 0 };
  const state: { serviceTerm: FakePeers['serviceTerm'] } = { serviceTerm: null };
  const licensing = new FakeSubgraph({
    name: 'licensing',
    resolvers: {
      Tenant: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        cardDigitisation: () => {
          licensingCalls.count++;
          return { ...digitisation };
        },
        serviceContract: () => (state.serviceTerm ? { currentTerm: { ...state.serviceTerm, startsOn: '2026-04-01', ended: false } } : null),
      },
    },
  });
  const urls = { spaces: await spaces.listen(0), licensing: await licensing.listen(0) };
  const setReachable = (peer: 'spaces' | 'licensing', reachable: boolean) => {
    // a port nothing listens on: the peer client gets a connection error and fails closed
    stack.subgraphUrls[peer] = reachable ? urls[peer] : 'http://127.0.0.1:9/graphql';
  };
  setReachable('spaces', true);
  setReachable('licensing', true);
  return {
    spaces,
    licensing,
    groupsByToken: spaces.groupsByToken,
    foreignGroups: spaces.foreignGroups,
    revoked: spaces.revoked,
    digitisation,
    get serviceTerm() {
      return state.serviceTerm;
    },
    set serviceTerm(term) {
      state.serviceTerm = term;
    },
    calls: {
      get spaces() {
        return spaces.calls.viewer;
      },
      get licensing() {
        return licensingCalls.count;
      },
    },
    setReachable,
    close: async () => {
      await spaces.close();
      await licensing.close();
    },
  };
}
