import { ownedBySpaces, type OwnedIdsSpec } from '@kyodo/subgraph-kit';

/** T1: what each id licensing's mutations take names, and how it is proven the caller's (see subgraph-kit owned-ids.ts). */
export const licensingOwnedIds: OwnedIdsSpec = {
  ids: {
    'GuestLicenseAssignmentInput.userId': { kind: 'User' },
    'Mutation.createBaseContract.tenantId': { notTenantScoped: 'a vendor operator names the new tenant spaces is creating (T4); the resolver admits VENDOR_ADMIN only' },
  },
  owners: {
    User: ownedBySpaces('User'),
  },
};
