import { peerClientFor, type PeerClient } from '@kyodo/subgraph-kit';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Invitation } from './entities/invitation.entity.js';
import { SpaceMember } from './entities/space-member.entity.js';
import type { Tenant } from './entities/tenant.entity.js';
import { User } from './entities/user.entity.js';
import type { SpacesContext } from './context.js';
import { rolesOf } from './session.js';
import { contractHasEnded } from './contract-copy.js';
import { hasContractEnded, LINK_ENDED } from './domain/account-links.js';
import { refuseInvitationBeyondAllowance, type GuestAllowanceNumbers } from './domain/guest-allowance.js';
import type { Refusal } from './domain/spaces.js';
import { spacesRefusals } from './refusals/refusals.js';

/**
 * Guest access is sold (L3, L8, L10): licensing decides, spaces enforces. Spaces asks licensing
 * over the peer client (the gateway credential plus a user's token, so licensing applies its own
 * rules) at guest sign-in, token refresh, tenant switch and invitation acceptance, and on every
 * read of a guest space (once per request). It fails closed: when licensing cannot be reached
 * the request is refused with SERVICE_UNAVAILABLE, never let through.
 *
 * A deployment without licensing (a directory that does not know it: only spaces' own tests start
 * spaces alone) has nothing to enforce; `npm start` and production always name it.
 */
const LICENSING = 'licensing';

/** The documents sent to licensing, exported so tests send exactly these to a fake of licensing. */
export const LICENSING_GATE = `query LicensingGate($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { contractStatus } ... on User { guestLicense { status trialEndsOn grantsAccess } } } }`;
export const GUEST_ALLOWANCE = `query GuestAllowance($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { guestAllowance { memberSeats guestsPerMember allowedGuests } } } }`;

type GateAnswer = { _entities: Array<{ contractStatus?: string | null; guestLicense?: { status: string; trialEndsOn: string | null; grantsAccess: boolean } | null } | null> };

function peerClient(ctx: SpacesContext): PeerClient | null {
  // enforcement needs licensing in the directory; only spaces' own test stacks run without it
  if (!ctx.deps.peers?.urlOf(LICENSING)) return null;
  return peerClientFor(ctx);
}

const CANCELLED: NonNullable<Refusal> = { key: 'contractCancelled' };

function trialEnded(trialEndsOn: string | null): NonNullable<Refusal> {
  return trialEndsOn ? { key: 'guestTrialEndedOn', params: { date: trialEndsOn } } : { key: 'guestTrialEnded' };
}

/** Why guest spaces are closed to this user now (L3 trial ended, L8 contract cancelled), or null. */
async function refusalFor(ctx: SpacesContext, user: User, token: string): Promise<Refusal> {
  const client = peerClient(ctx);
  if (!client) return null;
  const representations: unknown[] = [{ __typename: 'Tenant', id: user.tenantId }];
  if (user.kind === 'GUEST') {
    representations.push({
      __typename: 'User',
      id: user.id,
      kind: 'GUEST',
      firstSignInAt: user.firstSignInAt ? new Date(user.firstSignInAt).toISOString() : null,
      isLinkedGuest: user.linkedUserId != null,
      tenant: { id: user.tenantId },
    });
  }
  const data = await client.request<GateAnswer>(LICENSING, LICENSING_GATE, { r: representations }, { token, purpose: user.kind === 'GUEST' ? 'check your guest licence' : "check the organisation's contract" });
  if (data._entities[0]?.contractStatus === 'CANCELLED') return CANCELLED;
  const license = data._entities[1]?.guestLicense;
  // licensing decides whether the status admits the guest (L3/L9, its grantsAccess); spaces only enforces
  if (user.kind === 'GUEST' && license && !license.grantsAccess) return trialEnded(license.trialEndsOn);
  return null;
}

/**
 * L8/S9 from spaces' own copy (no call to licensing): the user's tenant's contract has ended, or
 * the member account a linked guest signs in through belongs to a tenant whose contract has.
 */
async function contractRefusal(ctx: SpacesContext, user: User, now: Date): Promise<Refusal> {
  if (user.kind === 'GUEST' && user.linkedUserId) {
    const member = await ctx.loaders.userById.load(user.linkedUserId);
    if (!member || (await contractHasEnded(ctx, member.tenantId, now))) return LINK_ENDED;
  }
  const tenant = await ctx.loaders.tenantById.load(user.tenantId);
  if (tenant && hasContractEnded(tenant, now)) return CANCELLED;
  return null;
}

/** At sign-in (and refresh, switch, acceptance): a guest whose trial ended, or of a cancelled tenant, gets no token. */
export async function assertGuestMayEnter(ctx: SpacesContext, user: User, tenant: Tenant, now: Date): Promise<void> {
  if (user.kind !== 'GUEST') return;
  const local = await contractRefusal(ctx, user, now);
  if (local) throw spacesRefusals.refuseWith(local);
  if (!peerClient(ctx)) return;
  const issuer = ctx.deps.issuer;
  if (!issuer) throw new Error('the spaces subgraph was started without a token issuer');
  // a short-lived token of the guest themself: licensing shows a guest their own licence only
  const token = await issuer.sign({ userId: user.id, tenantId: tenant.id, kind: user.kind, roles: rolesOf(user), accessVersion: user.accessVersion }, { now });
  const refusal = await refusalFor(ctx, user, token);
  if (refusal) throw spacesRefusals.refuseWith(refusal);
}

const readChecks = new WeakMap<SpacesContext, Promise<Refusal>>();

/** Why the viewer may not read guest spaces now (a refusal key, I1), or null; checked once per request. */
export async function guestSpacesRefusal(ctx: SpacesContext): Promise<Refusal> {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  let check = readChecks.get(ctx);
  if (!check) {
    const token = ctx.token;
    check = (async () => {
      const user = await ctx.loaders.userById.load(viewer.userId);
      if (!user || user.tenantId !== viewer.tenantId) return null;
      const local = await contractRefusal(ctx, user, ctx.clock.now());
      if (local) return local;
      if (!token || !peerClient(ctx)) return null;
      return refusalFor(ctx, user, token);
    })();
    readChecks.set(ctx, check);
  }
  return check;
}

/** On reads of a guest space: refused (FORBIDDEN, with the reason) when the trial ended or the contract was cancelled. */
export async function assertGuestSpacesReadable(ctx: SpacesContext): Promise<void> {
  const refusal = await guestSpacesRefusal(ctx);
  if (refusal) throw spacesRefusals.refuseWith(refusal);
}

/**
 * L10: on the allowance model, an invitation that would bring a new guest beyond 5 per paid
 * member is refused with QUOTA_EXCEEDED and the numbers. Guests counted: the tenant's guests in
 * at least one space, plus pending invitations to addresses that are not guests yet.
 */
export async function guestAllowanceOf(ctx: SpacesContext, tenantId: string): Promise<GuestAllowanceNumbers | null> {
  const client = peerClient(ctx);
  if (!client || !ctx.token) return null;
  const data = await client.request<{ _entities: Array<{ guestAllowance?: GuestAllowanceNumbers | null } | null> }>(
    LICENSING,
    GUEST_ALLOWANCE,
    { r: [{ __typename: 'Tenant', id: tenantId }] },
    { token: ctx.token, purpose: 'check the guest allowance' },
  );
  return data._entities[0]?.guestAllowance ?? null;
}

/**
 * L10: refuses a guest beyond the allowance (from guestAllowanceOf, asked before the transaction).
 * Counted inside the inviting transaction after the tenant row's lock (issue 19 item 2: counted
 * before it, concurrent invitations all saw the last free place).
 */
export async function assertGuestAllowance(manager: EntityManager, allowance: GuestAllowanceNumbers | null, tenantId: string, email: string, now: Date): Promise<void> {
  if (!allowance) return;
  const guests = await manager
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoin(SpaceMember, 'm', 'm.userId = u.id')
    .where('u.tenantId = :tenantId AND u.kind = :kind', { tenantId, kind: 'GUEST' })
    .select('DISTINCT u.email', 'email')
    .getRawMany<{ email: string }>();
  const emails = new Set(guests.map((g) => g.email));
  if (emails.has(email)) return;
  const pending = await manager.find(Invitation, { where: { tenantId, acceptedAt: IsNull(), expiresAt: MoreThan(now) } });
  for (const invitation of pending) emails.add(invitation.email);
  if (emails.has(email)) return;
  const invited = emails.size;
  const refusal = refuseInvitationBeyondAllowance(allowance, invited);
  if (refusal) throw spacesRefusals.refuseWith(refusal, { memberSeats: allowance.memberSeats, allowedGuests: allowance.allowedGuests, invitedGuests: invited });
}
