import { isVendorAdmin } from '@kyodo/auth';
import { recordAudit, requireMember, requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { enforce, requireSpace } from '../access.js';
import { isLinkUsable, LINK_ENDED, LINKED_ACCOUNT_PASSWORD_HASH, refuseCancellationDate, refuseLink } from '../domain/account-links.js';
import { SpaceMember } from '../entities/space-member.entity.js';
import { Space } from '../entities/space.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { ThreadRead } from '../entities/thread-read.entity.js';
import { Thread } from '../entities/thread.entity.js';
import { newGuestUser, User } from '../entities/user.entity.js';
import { ContractCancellationInput } from '../inputs/contract-cancellation.input.js';
import { LinkInvitationInput } from '../inputs/link-invitation.input.js';
import { assertGuestMayEnter } from '../licensing-gate.js';
import { contractHasEnded } from '../contract-copy.js';
import { issueSession } from '../session.js';
import { LinkedAccount } from '../types/linked-account.type.js';
import { SignInPayload } from '../types/sign-in-payload.type.js';
import { checkGuestPolicy } from './space.resolver.js';
import { claimInvitation, loadValidInvitation, retireDeadLink } from './invitation.resolver.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals } from '../refusals/refusals.js';


/** S9: threads in the guest's spaces that the guest has not read. One query. */
async function unreadCount(dataSource: DataSource, guestId: string): Promise<number> {
  return dataSource
    .getRepository(Thread)
    .createQueryBuilder('t')
    .innerJoin(SpaceMember, 'm', 'm.spaceId = t.spaceId AND m.userId = :guestId', { guestId })
    .leftJoin(ThreadRead, 'r', 'r.threadId = t.id AND r.userId = :guestId', { guestId })
    .where('r.threadId IS NULL')
    .getCount();
}

async function summary(ctx: SpacesContext, guest: User, memberTenant: Tenant): Promise<LinkedAccount> {
  const tenant = await ctx.loaders.tenantById.load(guest.tenantId);
  return {
    tenantSubdomain: tenant?.subdomain ?? '',
    tenantName: tenant?.name ?? '',
    unreadCount: await unreadCount(ctx.dataSource, guest.id),
    active: isLinkUsable(memberTenant, ctx.clock.now()),
  };
}

@Resolver(() => User)
export class AccountLinkResolver {
  @FieldResolver(() => Boolean, { description: 'S9/L9: a guest linked to a member account of another organisation (costs this tenant nothing).' })
  isLinkedGuest(@Root() user: User): boolean {
    return user.kind === 'GUEST' && user.linkedUserId != null;
  }

  @FieldResolver(() => [LinkedAccount], { description: "S9: the viewer's linked guest accounts in other organisations, with unread counts; empty for anyone but the viewer." })
  async linkedAccounts(@Root() user: User, @Ctx() ctx: SpacesContext): Promise<LinkedAccount[]> {
    if (!ctx.viewer || ctx.viewer.userId !== user.id || ctx.viewer.kind !== 'MEMBER') return [];
    const guests = await ctx.dataSource.getRepository(User).find({ where: { linkedUserId: user.id, kind: 'GUEST' }, order: { createdAt: 'ASC' } });
    const memberTenant = await ctx.loaders.tenantById.load(user.tenantId);
    if (!memberTenant) return [];
    return Promise.all(guests.map((guest) => summary(ctx, guest, memberTenant)));
  }

  @Mutation(() => LinkedAccount, {
    description: 'S9: a member of another organisation links an invitation to their own account: no second password; they switch in with switchTenant.',
  })
  async linkInvitation(@Arg('input', () => LinkInvitationInput) input: LinkInvitationInput, @Ctx() ctx: SpacesContext): Promise<LinkedAccount> {
    const viewer = requireViewer(ctx);
    const now = ctx.clock.now();
    const invitation = await loadValidInvitation(ctx, input.token, now);
    enforce(refuseLink(viewer, invitation.tenantId));
    // L8/S9: a member of a tenant whose contract has ended links nothing (fails closed on a stale copy)
    if (await contractHasEnded(ctx, viewer.tenantId, now)) throw spacesRefusals.refuseWith(LINK_ENDED);
    const { guest, memberTenant } = await ctx.dataSource.transaction(async (manager) => {
      const memberTenant = await manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
      if (!isLinkUsable(memberTenant, now)) throw spacesRefusals.refuseWith(LINK_ENDED);
      const member = await manager.findOneBy(User, { id: viewer.userId, tenantId: viewer.tenantId });
      if (!member) throw spacesRefusals.refuse('linkAccountNotFound');
      await claimInvitation(manager, invitation, now);
      const space = await manager.findOneBy(Space, { id: invitation.spaceId });
      if (!space) throw spacesRefusals.refuse('invitationLinkInvalid');
      let guest = await manager.findOneBy(User, { tenantId: invitation.tenantId, linkedUserId: member.id, kind: 'GUEST' });
      if (!guest) {
        const holder = await manager.findOneBy(User, { tenantId: invitation.tenantId, email: invitation.email });
        if (holder && !(await retireDeadLink(manager, holder, now))) {
          throw spacesRefusals.refuse('linkAddressTaken');
        }
        guest = newGuestUser({ tenantId: invitation.tenantId, email: invitation.email, name: member.name, passwordHash: LINKED_ACCOUNT_PASSWORD_HASH, linkedUserId: member.id });
        await manager.insert(User, guest);
      }
      const joined = !(await manager.existsBy(SpaceMember, { spaceId: space.id, userId: guest.id }));
      if (joined) {
        await checkGuestPolicy(manager, invitation.tenantId, guest.id, space.id);
        await manager.insert(SpaceMember, { spaceId: space.id, userId: guest.id, isSpaceAdmin: false });
      }
      // A1: the invitation accepted by linking (S9), in the inviting tenant's log; the member is the actor
      await recordAudit(manager, {
        at: now,
        actor: viewer,
        tenantId: invitation.tenantId,
        action: 'invitation.link',
        subject: `Space:${space.id}`,
        before: { invitationId: invitation.id, email: invitation.email, member: !joined },
        after: { guestId: guest.id, linkedUserId: member.id, member: true },
      });
      return { guest, memberTenant };
    });
    return summary(ctx, guest, memberTenant);
  }

  @Mutation(() => SignInPayload, { description: "S9: single sign-on from the viewer's member account into their linked guest account of another organisation." })
  async switchTenant(@Arg('tenant', () => String) subdomain: string, @Ctx() ctx: SpacesContext): Promise<SignInPayload> {
    const viewer = requireMember(ctx, () => spacesRefusals.refuse('switchTenantMembersOnly'));
    const now = ctx.clock.now();
    const tenants = ctx.dataSource.getRepository(Tenant);
    const target = await tenants.findOneBy({ subdomain: subdomain.trim().toLowerCase() });
    const guest = target ? await ctx.dataSource.getRepository(User).findOneBy({ tenantId: target.id, linkedUserId: viewer.userId, kind: 'GUEST' }) : null;
    if (!target || !guest) throw spacesRefusals.refuse('linkedAccountNotFound');
    // L8/S9: from the day after the member tenant's last day, by itself (licensing's date, copied)
    if (await contractHasEnded(ctx, viewer.tenantId, now)) throw spacesRefusals.refuseWith(LINK_ENDED);
    if (!guest.firstSignInAt) {
      guest.firstSignInAt = now;
      await ctx.dataSource.transaction((manager) => manager.update(User, guest.id, { firstSignInAt: now }));
    }
    await assertGuestMayEnter(ctx, guest, target, now);
    return issueSession(ctx, guest, target, now);
  }

  @Mutation(() => Boolean, { description: "Marks every thread of a space read for the viewer (unread counts, S9)." })
  async markSpaceRead(@Arg('spaceId', () => ID) spaceId: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const { viewer, space } = await requireSpace(ctx, spaceId);
    await ctx.dataSource.transaction(async (manager) => {
      const threads = await manager.find(Thread, { select: { id: true }, where: { spaceId: space.id } });
      const read = new Set((await manager.find(ThreadRead, { where: { userId: viewer.userId } })).map((r) => r.threadId));
      const rows = threads.filter((t) => !read.has(t.id)).map((t) => ({ threadId: t.id, userId: viewer.userId }));
      if (rows.length > 0) await manager.insert(ThreadRead, rows);
    });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "S9/L8: a vendor operator (VENDOR_ADMIN) records by hand that a tenant's contract ends (today or a later day, never a past one); from then its guest spaces close and its members' links into other organisations stop working. Audited (A1). A contract cancelled in licensing needs no such step: it takes effect by itself.",
  })
  async recordContractCancellation(@Arg('input', () => ContractCancellationInput) input: ContractCancellationInput, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    if (!isVendorAdmin(viewer)) throw spacesRefusals.refuse('cancellationVendorOnly');
    const now = ctx.clock.now();
    const cancelledAt = input.cancelledAt ?? now;
    const refusal = refuseCancellationDate(cancelledAt, now);
    if (refusal) throw spacesRefusals.refuseWith(refusal);
    return ctx.dataSource.transaction(async (manager) => {
      const tenant = await manager.findOneBy(Tenant, { subdomain: input.tenant.trim().toLowerCase() });
      if (!tenant) throw spacesRefusals.refuse('tenantNotFound');
      await manager.update(Tenant, tenant.id, { contractCancelledAt: cancelledAt });
      await recordAudit(manager, {
        at: now,
        actor: viewer,
        tenantId: tenant.id,
        action: 'contract.recordCancellation',
        subject: `Tenant:${tenant.id}`,
        before: { contractCancelledAt: tenant.contractCancelledAt?.toISOString() ?? null },
        after: { contractCancelledAt: cancelledAt.toISOString() },
      });
      return true;
    });
  }
}
