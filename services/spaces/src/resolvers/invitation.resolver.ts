import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '@kyodo/auth';
import { recordAudit, serialisedTransaction } from '@kyodo/subgraph-kit';
import { IsNull, type EntityManager } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { enforce, requireSpace } from '../access.js';
import {
  hashInvitationToken,
  invitationExpiry,
  invitationLink,
  invitationState,
  MIN_PASSWORD_LENGTH,
  newInvitationToken,
  normaliseEmail,
} from '../domain/invitations.js';
import { isLinkUsable } from '../domain/account-links.js';
import { afterFailure, isLocked } from '../domain/sign-in.js';
import { refuseSpaceAdministration } from '../domain/spaces.js';
import { Invitation } from '../entities/invitation.entity.js';
import { SpaceMember } from '../entities/space-member.entity.js';
import { Space } from '../entities/space.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { newGuestUser, User } from '../entities/user.entity.js';
import { AcceptInvitationInput } from '../inputs/accept-invitation.input.js';
import { InviteGuestInput } from '../inputs/invite-guest.input.js';
import { RemoveGuestInput } from '../inputs/remove-guest.input.js';
import { DEFAULT_PUBLIC_URL, sendMail } from '../mail.js';
import { guestAccountMail, invitationMail } from '../mail-templates.js';
import { assertGuestAllowance, assertGuestMayEnter, guestAllowanceOf } from '../licensing-gate.js';
import { issueSession } from '../session.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import { checkGuestPolicy, removeMembership } from './space.resolver.js';
import type { SpacesContext } from '../context.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { refuseWeakPassword } from '../domain/password-strength.js';
import { spacesRefusals, type SpacesRefusalKey } from '../refusals/refusals.js';

/** Why an invitation link does not work (S4), by its state. */
const INVALID_LINK = {
  UNKNOWN: 'invitationLinkInvalid',
  USED: 'invitationLinkUsed',
  EXPIRED: 'invitationExpired',
} as const satisfies Record<string, SpacesRefusalKey>;

/** An invitation whose link still works (S4), or BAD_USER_INPUT with a plain message. */
export async function loadValidInvitation(ctx: SpacesContext, token: string, now: Date): Promise<Invitation> {
  const invitation = await ctx.dataSource.getRepository(Invitation).findOneBy({ tokenHash: hashInvitationToken(token.trim()) });
  if (!invitation) throw spacesRefusals.refuse(INVALID_LINK.UNKNOWN);
  const state = invitationState(invitation, now);
  if (state !== 'VALID') throw spacesRefusals.refuse(INVALID_LINK[state]);
  return invitation;
}

/** Marks the invitation used; only one request can (single use even under a race). */
export async function claimInvitation(manager: EntityManager, invitation: Invitation, now: Date): Promise<void> {
  const claimed = await manager.update(Invitation, { id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: now });
  if ((claimed.affected ?? 0) !== 1) throw spacesRefusals.refuse(INVALID_LINK.USED);
}

/**
 * S9: a linked guest whose member organisation's contract has ended is retired: their access
 * ends, their address is freed, their posts stay attributed to them. A new invitation then
 * creates a new user; nothing is carried over. Returns true when the guest was retired.
 */
export async function retireDeadLink(manager: EntityManager, guest: User, now: Date): Promise<boolean> {
  if (!guest.linkedUserId) return false;
  const member = await manager.findOneBy(User, { id: guest.linkedUserId });
  const memberTenant = member ? await manager.findOneBy(Tenant, { id: member.tenantId }) : null;
  if (memberTenant && isLinkUsable(memberTenant, now)) return false;
  await manager.delete(SpaceMember, { userId: guest.id });
  await manager.update(User, guest.id, { email: `retired-${guest.id}@retired.invalid` });
  return true;
}

/**
 * An existing guest proves who they are with their password; wrong ones count towards the
 * same lockout as signIn (T3), outside any transaction so the count is kept.
 */
async function checkExistingGuestPassword(ctx: SpacesContext, invitation: Invitation, password: string, now: Date): Promise<void> {
  const users = ctx.dataSource.getRepository(User);
  const user = await users.findOneBy({ tenantId: invitation.tenantId, email: invitation.email });
  if (!user || user.kind !== 'GUEST' || user.linkedUserId) return;
  if (isLocked(user, now)) throw spacesRefusals.refuse('accountLocked');
  if (!(await verifyPassword(user.passwordHash, password))) {
    await users.update(user.id, afterFailure(user, now));
    throw spacesRefusals.refuse('invitationGuestPassword');
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @Mutation(() => Invitation, {
    description:
      'S4: a space administrator invites an email address into a guest space; the mail carries a single-use link that expires after 7 days. An address that already has a guest account is added at once.',
  })
  async inviteGuest(@Arg('input', () => InviteGuestInput) input: InviteGuestInput, @Ctx() ctx: SpacesContext): Promise<Invitation> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'manageMembers'));
    if (!space.isGuestSpace) throw spacesRefusals.refuse('invitationIntoInternalSpace');
    const email = normaliseEmail(input.email);
    if (!email) throw spacesRefusals.refuse('emailInvalid');
    const now = ctx.clock.now();
    // L10: on the allowance model, no guest beyond 5 per paid member (licensing holds the seats)
    const allowance = await guestAllowanceOf(ctx, viewer.tenantId);
    return serialisedTransaction(ctx.dataSource, `guests:${viewer.tenantId}`, async (manager) => {
      // the lock first, then the count (see member.resolver.ts lockTenant)
      await manager.createQueryBuilder().update(Tenant).set({ id: () => 'id' }).where('id = :id', { id: viewer.tenantId }).execute();
      await assertGuestAllowance(manager, allowance, viewer.tenantId, email, now);
      const tenant = await manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
      let existing = await manager.findOneBy(User, { tenantId: tenant.id, email });
      if (existing && (await retireDeadLink(manager, existing, now))) existing = null;
      if (existing?.kind === 'MEMBER') throw spacesRefusals.refuse('invitationAddressIsMember');
      if (existing) {
        if (await manager.existsBy(SpaceMember, { spaceId: space.id, userId: existing.id })) throw spacesRefusals.refuse('invitationGuestAlreadyInSpace');
        await checkGuestPolicy(manager, tenant.id, existing.id, space.id);
        // S4: an address that already has a guest account: that guest is added
        await manager.insert(SpaceMember, { spaceId: space.id, userId: existing.id, isSpaceAdmin: false });
      }
      const { token, tokenHash } = newInvitationToken();
      const invitation = manager.create(Invitation, {
        id: randomUUID(),
        tenantId: tenant.id,
        spaceId: space.id,
        email,
        tokenHash,
        invitedBy: viewer.userId,
        expiresAt: invitationExpiry(now),
        acceptedAt: null,
      });
      await manager.insert(Invitation, invitation);
      // A1: who invited whom into which space (the token never goes into the log);
      // written before the mail, which goes last so that a mail failure rolls everything back
      await recordAudit(manager, {
        at: now,
        actor: viewer,
        tenantId: tenant.id,
        action: 'guest.invite',
        subject: `Space:${space.id}`,
        before: null,
        after: { email, invitationId: invitation.id, existingGuestId: existing?.id ?? null, expiresAt: invitation.expiresAt.toISOString() },
      });
      const inviter = await manager.findOneBy(User, { id: viewer.userId });
      const link = invitationLink(ctx.deps.publicUrl ?? DEFAULT_PUBLIC_URL, token);
      // sent inside the transaction, last: if the mail cannot be sent (SERVICE_UNAVAILABLE) the
      // transaction rolls back, so no invitation (nor space membership) is left without its mail
      await sendMail(
        ctx.deps,
        {
          to: email,
          format: tenant.mailFormat,
          ...invitationMail(tenant.locale, { inviterName: inviter?.name ?? 'Kyodo', spaceName: space.name, tenantName: tenant.name, link, expiresAt: invitation.expiresAt, existingGuest: !!existing }),
        },
        now,
        'mailUnavailableInvitation',
      );
      return manager.findOneByOrFail(Invitation, { id: invitation.id });
    });
  }

  @Mutation(() => SignInPayload, {
    description:
      'S4: the invitee opens the link: a new guest account is created (name, password) and signed in; an existing guest of the tenant with that address proves it with their password and is added. The link works once.',
  })
  async acceptInvitation(@Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    const now = ctx.clock.now();
    const invitation = await loadValidInvitation(ctx, input.token, now);
    await checkExistingGuestPassword(ctx, invitation, input.password, now);
    const { user, tenant, created } = await ctx.dataSource.transaction(async (manager) => {
      await claimInvitation(manager, invitation, now);
      const tenant = await manager.findOneByOrFail(Tenant, { id: invitation.tenantId });
      const space = await manager.findOneBy(Space, { id: invitation.spaceId });
      if (!space) throw spacesRefusals.refuse(INVALID_LINK.UNKNOWN);
      let user = await manager.findOneBy(User, { tenantId: tenant.id, email: invitation.email });
      if (user && (await retireDeadLink(manager, user, now))) user = null;
      let created = false;
      if (user?.kind === 'MEMBER') throw spacesRefusals.refuse('invitationAcceptAsMember');
      if (user) {
        // checked (and counted against the lockout) before the transaction; re-checked here in case it changed since
        if (!(await verifyPassword(user.passwordHash, input.password))) throw spacesRefusals.refuse('invitationGuestPassword');
      } else {
        const name = input.name.trim();
        if (!name || name.length > 200) throw spacesRefusals.refuse('invitationNameLength');
        const invisible = refuseInvisibleInName(name);
        if (invisible) throw spacesRefusals.refuseWith(invisible);
        if (input.password.length < MIN_PASSWORD_LENGTH) throw spacesRefusals.refuse('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
        const weak = refuseWeakPassword(input.password, [invitation.email, name, tenant.subdomain]);
        if (weak) throw spacesRefusals.refuseWith(weak);
        user = newGuestUser({ tenantId: tenant.id, email: invitation.email, name, passwordHash: await hashPassword(input.password) });
        await manager.insert(User, user);
        created = true;
      }
      const joined = !(await manager.existsBy(SpaceMember, { spaceId: space.id, userId: user.id }));
      if (joined) {
        await checkGuestPolicy(manager, tenant.id, user.id, space.id);
        await manager.insert(SpaceMember, { spaceId: space.id, userId: user.id, isSpaceAdmin: false });
      }
      // A1: who came in, through which invitation, into which space (the guest is the actor)
      await recordAudit(manager, {
        at: now,
        actor: { userId: user.id, tenantId: tenant.id },
        tenantId: tenant.id,
        action: 'invitation.accept',
        subject: `Space:${space.id}`,
        before: { invitationId: invitation.id, email: invitation.email, member: !joined },
        after: { guestId: user.id, accountCreated: created, member: true },
      });
      // licensing starts the 30-day guest trial from the first sign-in (L3)
      if (!user.firstSignInAt) {
        user.firstSignInAt = now;
        await manager.update(User, user.id, { firstSignInAt: now });
      }
      if (created) {
        // S8: "account created" mail in the tenant's format
        await sendMail(
          ctx.deps,
          {
            to: user.email,
            format: tenant.mailFormat,
            ...guestAccountMail(tenant.locale, { name: user.name, tenantName: tenant.name, email: user.email, signInUrl: ctx.deps.publicUrl ?? DEFAULT_PUBLIC_URL }),
          },
          now,
          'mailUnavailableAccountCreated',
        );
      }
      return { user, tenant, created };
    });
    ctx.logger.info('invitation accepted', { invitationId: invitation.id, userId: user.id, created });
    await assertGuestMayEnter(ctx, user, tenant, now);
    return issueSession(ctx, user, tenant, now);
  }

  @Mutation(() => Boolean, { description: 'S10: removes a guest from a guest space; their access ends at once and their posts stay. Space administrators only (S5).' })
  async removeGuest(@Arg('input', () => RemoveGuestInput) input: RemoveGuestInput, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const { viewer, space, membership } = await requireSpace(ctx, input.spaceId);
    enforce(refuseSpaceAdministration(viewer, membership, 'manageMembers'));
    return ctx.dataSource.transaction(async (manager) => {
      const guest = await manager.findOneBy(User, { id: input.userId, tenantId: viewer.tenantId, kind: 'GUEST' });
      if (!guest || !(await removeMembership(manager, space.id, guest.id))) throw spacesRefusals.refuse('guestNotInSpace');
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'guest.remove', subject: `Space:${space.id}`, before: { guestId: guest.id, email: guest.email }, after: null });
      return true;
    });
  }
}
