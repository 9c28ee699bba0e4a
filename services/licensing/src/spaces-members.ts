import { peerClientFor } from '@kyodo/subgraph-kit';
import type { LicensingContext } from './access.js';
import { licensingRefusals } from './refusals/refusals.js';

/** The document sent to spaces, exported so tests send exactly it to their fake of spaces. */
export const ACTIVE_MEMBER_COUNT = `query ActiveMemberCount($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { id activeMemberCount } } }`;

type Answer = { _entities: Array<{ id?: string; activeMemberCount?: number | null } | null> };

/**
 * T5: how many active members the tenant has, asked of spaces (which owns the people) on the rare
 * write that needs it (a seat decrease), with the administrator's own token so spaces applies its
 * own rules. Fails closed: spaces unreachable, or no count for this viewer -> nothing ordered.
 */
export async function activeMemberCount(ctx: LicensingContext, tenantId: string): Promise<number> {
  const data = await peerClientFor(ctx).request<Answer>('spaces', ACTIVE_MEMBER_COUNT, { r: [{ __typename: 'Tenant', id: tenantId }] }, { token: ctx.token, purpose: "count the organisation's members" });
  const count = data._entities[0]?.activeMemberCount;
  if (typeof count !== 'number') throw licensingRefusals.refuse('memberCountUnavailable');
  return count;
}
