import { peerClientFor } from '@kyodo/subgraph-kit';
import type { SpacesContext } from './context.js';
import type { BillingCycle, Course } from './entities/enums.js';

/**
 * Licensing owns contracts and seats; spaces asks it on the rare writes that need them
 * (onboarding, adding a member). Both calls fail closed: without an answer from licensing
 * the write is refused (SERVICE_UNAVAILABLE) and spaces' transaction rolls back.
 */
const LICENSING = 'licensing';

/** The documents sent to licensing, exported so tests send exactly these to a fake of licensing. */
export const CREATE_BASE_CONTRACT = `mutation CreateBaseContract($tenantId: ID!, $input: BaseContractInput!) { createBaseContract(tenantId: $tenantId, input: $input) { memberSeats } }`;
export const CONFIRM_BASE_CONTRACT = `mutation ConfirmBaseContract($tenantId: ID!) { confirmBaseContract(tenantId: $tenantId) { memberSeats } }`;
export const MEMBER_SEATS = `query MemberSeats($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contract { memberSeats status memberSeatLimit { seats from } } } } }`;

export interface BaseContractTerms {
  course: Course;
  billingCycle: BillingCycle;
  startsOn: string;
  memberSeats: number;
  /** Q1: the registered name invoices are addressed to. */
  recipientName?: string;
}

/**
 * T4/T5: the new tenant's base contract, made by licensing with the operator's own token (licensing
 * checks VENDOR_ADMIN and the seat minimum itself). Idempotent by tenant id there, so a retried
 * onboarding of the same sub-domain gets the contract it already made.
 */
export async function createBaseContract(ctx: SpacesContext, tenantId: string, terms: BaseContractTerms): Promise<void> {
  await peerClientFor(ctx).request(LICENSING, CREATE_BASE_CONTRACT, { tenantId, input: terms }, { token: ctx.token, purpose: "create the tenant's base contract" });
}

/**
 * Issue 18 #6: once spaces' onboarding transaction committed, tells licensing the tenant of the
 * contract it made exists; until then the contract is pending and never invoiced (a failed
 * onboarding leaves one behind). With the operator's own token, as createBaseContract.
 */
export async function confirmBaseContract(ctx: SpacesContext, tenantId: string): Promise<void> {
  await peerClientFor(ctx).request(LICENSING, CONFIRM_BASE_CONTRACT, { tenantId }, { token: ctx.token, purpose: "confirm the tenant's base contract" });
}

/** T5: the seats active members must fit within, and the first day that many applies (null: today, or no contract). */
export interface MemberSeatLimit {
  seats: number;
  from: string | null;
}

/**
 * T5: the member seats active members must fit within, read from licensing with the administrator's
 * token: the fewest in force today or on any later day a seat decrease already ordered takes effect
 * (licensing's memberSeatLimit), with that day; 0 when the tenant has no running contract (a
 * cancelled one seats nobody).
 */
export async function memberSeatsInForce(ctx: SpacesContext, tenantId: string): Promise<MemberSeatLimit> {
  const data = await peerClientFor(ctx).request<{ _entities: Array<{ contract?: { memberSeats: number; status: string; memberSeatLimit: { seats: number; from: string } } | null } | null> }>(
    LICENSING,
    MEMBER_SEATS,
    { r: [{ __typename: 'Tenant', id: tenantId }] },
    { token: ctx.token, purpose: 'check the member seats of the contract' },
  );
  const contract = data._entities[0]?.contract;
  if (!contract || contract.status !== 'ACTIVE') return { seats: 0, from: null };
  return contract.memberSeatLimit.seats < contract.memberSeats ? { seats: contract.memberSeatLimit.seats, from: contract.memberSeatLimit.from } : { seats: contract.memberSeats, from: null };
}
