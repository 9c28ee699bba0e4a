import { peerClientFor } from '@kyodo/subgraph-kit';
import type { LicensingContext } from './access.js';
import { licensingRefusals } from './refusals/refusals.js';

/**
 * Guests belong to spaces: before a guest licence is assigned, licensing asks spaces (over the
 * peer client, with the administrator's own token, so spaces applies its visibility rules: a
 * user the admin cannot see comes back null) whether the user is a guest of the admin's tenant.
 * It fails closed: spaces unreachable -> SERVICE_UNAVAILABLE, nothing assigned.
 */
const SPACES = 'spaces';

/** The document sent to spaces, exported so tests send exactly it to their fake of spaces. */
export const GUEST_OF_TENANT = `query GuestOfTenant($r: [_Any!]!) { _entities(representations: $r) { ... on User { id kind tenant { id } } } }`;

type Answer = { _entities: Array<{ id?: string; kind?: string; tenant?: { id: string } | null } | null> };

export async function assertGuestOfTenant(ctx: LicensingContext, tenantId: string, userId: string): Promise<void> {
  const client = peerClientFor(ctx);
  const data = await client.request<Answer>(SPACES, GUEST_OF_TENANT, { r: [{ __typename: 'User', id: userId }] }, { token: ctx.token, purpose: 'check that the user is a guest of this organisation' });
  const user = data._entities[0];
  if (!user || user.id !== userId || user.kind !== 'GUEST' || user.tenant?.id !== tenantId) {
    throw licensingRefusals.refuse('notGuestOfTenant', { userId });
  }
}
