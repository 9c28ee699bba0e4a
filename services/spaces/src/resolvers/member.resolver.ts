import { randomBytes } from 'node:crypto';
import { hashPassword, isAdmin, isVendorAdmin } from '@kyodo/auth';
import { recordAudit, requireAdmin, serialisedTransaction } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { IsNull, type EntityManager } from 'typeorm';
import { normaliseEmail } from '../domain/invitations.js';
import { refuseDemotingAdmin, refuseMemberBeyondSeats, refuseRemovingMember } from '../domain/onboarding.js';
import { PasswordSetup } from '../entities/password-setup.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { newMemberUser, User } from '../entities/user.entity.js';
import { AddMemberInput } from '../inputs/add-member.input.js';
import { memberSeatsInForce } from '../licensing-contracts.js';
import { sendPasswordSetup } from '../password-setups.js';
import type { SpacesContext } from '../context.js';
import { revokeAccess, settleAccessChange } from '../access-feed.js';
import { GroupMember } from '../entities/group-member.entity.js';
import { IntegrationToken } from '../entities/integration-token.entity.js';
import { SpaceMember } from '../entities/space-member.entity.js';
import { recordMembershipChanges } from '../membership-feed.js';
import { refuseInvisibleInName } from '../domain/names.js';
import { spacesRefusals } from '../refusals/refusals.js';

const ACTIVE_MEMBER = (tenantId: string) => ({ tenantId, kind: 'MEMBER' as const, removedAt: IsNull() });

/**
 * Serialises member changes of one tenant: an UPDATE takes the tenant row's write lock (MariaDB)
 * or the database's (SQLite) until commit, so two concurrent additions cannot both take the last
 * seat, nor two removals both leave no administrator (T5, T2).
 */
async function lockTenant(manager: EntityManager, tenantId: string): Promise<Tenant> {
  // the lock first, then the reads: on MariaDB a read before it would fix the transaction's
  // snapshot, and the count after the lock would then miss what another addition just committed
  await manager.createQueryBuilder().update(Tenant).set({ id: () => 'id' }).where('id = :id', { id: tenantId }).execute();
  return manager.findOneByOrFail(Tenant, { id: tenantId });
}

/**
 * Item 5 of issue 19: a person removed and added again starts fresh: no group or space
 * membership, no integration token, no second factor from before (their posts stay theirs).
 */
async function forgetPastAccess(manager: EntityManager, user: User, now: Date): Promise<void> {
  const groups = await manager.findBy(GroupMember, { userId: user.id });
  if (groups.length > 0) {
    await manager.delete(GroupMember, { userId: user.id });
    await recordMembershipChanges(manager, user.tenantId, [user.id]);
  }
  await manager.delete(SpaceMember, { userId: user.id });
  await manager.update(IntegrationToken, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
}

@Resolver(() => Tenant)
export class MemberResolver {
  @FieldResolver(() => [User], {
    nullable: true,
    description: "T5: the tenant's active members (removed ones are not listed), by name; its administrators and vendor operators only, null for anyone else.",
  })
  async members(@Root() tenant: Tenant, @Ctx() ctx: SpacesContext): Promise<User[] | null> {
    const viewer = ctx.viewer;
    if (!(isAdmin(viewer) && viewer!.tenantId === tenant.id) && !isVendorAdmin(viewer)) return null;
    return ctx.dataSource.getRepository(User).find({ where: ACTIVE_MEMBER(tenant.id), order: { name: 'ASC', email: 'ASC' } });
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "T5: the tenant's active members (guests and removed members not counted): what its member seats must cover; licensing asks it before a seat decrease. The tenant's administrators and vendor operators; null for anyone else.",
  })
  async activeMemberCount(@Root() tenant: Tenant, @Ctx() ctx: SpacesContext): Promise<number | null> {
    const viewer = ctx.viewer;
    if (!(isAdmin(viewer) && viewer!.tenantId === tenant.id) && !isVendorAdmin(viewer)) return null;
    return ctx.dataSource.getRepository(User).countBy(ACTIVE_MEMBER(tenant.id));
  }

  @Mutation(() => User, {
    description:
      'T5: a tenant administrator adds a member, within the member seats in force (read from licensing); the member gets a set-password mail. A removed member with the address is brought back.',
  })
  async addMember(@Arg('input', () => AddMemberInput) input: AddMemberInput, @Ctx() ctx: SpacesContext): Promise<User> {
    const viewer = requireAdmin(ctx);
    const email = normaliseEmail(input.email);
    if (!email) throw spacesRefusals.refuse('emailInvalid');
    const name = input.name.trim();
    if (!name || name.length > 200) throw spacesRefusals.refuse('memberNameLength');
    const invisible = refuseInvisibleInName(name);
    if (invisible) throw spacesRefusals.refuseWith(invisible);
    const now = ctx.clock.now();
    // asked before the transaction so no lock is held while licensing answers (nor while hashing)
    const seats = await memberSeatsInForce(ctx, viewer.tenantId);
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const member = await serialisedTransaction(ctx.dataSource, `members:${viewer.tenantId}`, async (manager) => {
      const tenant = await lockTenant(manager, viewer.tenantId);
      const existing = await manager.findOneBy(User, { tenantId: tenant.id, email });
      if (existing?.kind === 'GUEST') throw spacesRefusals.refuse('memberAddressIsGuest');
      if (existing && !existing.removedAt) throw spacesRefusals.refuse('memberAddressTaken');
      const active = await manager.countBy(User, ACTIVE_MEMBER(tenant.id));
      const refusal = refuseMemberBeyondSeats(active, seats.seats, seats.from);
      if (refusal) throw spacesRefusals.refuseWith(refusal, { memberSeats: seats.seats, activeMembers: active });
      let member: User;
      if (existing) {
        // a member removed earlier comes back as the same user (their posts are theirs), with a new
        // password and nothing else of before (T5, issue 19 item 5): every old token stays refused
        await manager.update(User, existing.id, { name, passwordHash, removedAt: null, isAdmin: false, isSupportAgent: false, isVendorAdmin: false, failedSignIns: 0, lockedUntil: null, totpSecret: null, totpEnabled: false });
        await forgetPastAccess(manager, existing, now);
        await revokeAccess(manager, tenant.id, [existing.id]);
        member = await manager.findOneByOrFail(User, { id: existing.id });
      } else {
        member = newMemberUser({ tenantId: tenant.id, email, name, passwordHash, isAdmin: false });
        await manager.insert(User, member);
      }
      await sendPasswordSetup(ctx, manager, tenant, member, now, false);
      await recordAudit(manager, { at: now, actor: viewer, tenantId: tenant.id, action: 'member.add', subject: `User:${member.id}`, before: existing ? { email, removedAt: existing.removedAt?.toISOString() ?? null } : null, after: { email, name, isAdmin: false } });
      ctx.logger.info('member added', { tenantId: tenant.id, userId: member.id, by: viewer.userId });
      return member;
    });
    await settleAccessChange(ctx);
    return member;
  }

  @Mutation(() => Boolean, {
    description: "T5: a tenant administrator removes a member: they can no longer sign in and no longer take a seat; their posts stay theirs. The last administrator cannot be removed.",
  })
  async removeMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireAdmin(ctx);
    const now = ctx.clock.now();
    await serialisedTransaction(ctx.dataSource, `members:${viewer.tenantId}`, async (manager) => {
      const tenant = await lockTenant(manager, viewer.tenantId);
      const member = await manager.findOneBy(User, { id: userId, ...ACTIVE_MEMBER(tenant.id) });
      if (!member) throw spacesRefusals.refuse('memberNotFound');
      const admins = await manager.countBy(User, { ...ACTIVE_MEMBER(tenant.id), isAdmin: true });
      const refusal = refuseRemovingMember(member, admins);
      if (refusal) throw spacesRefusals.refuseWith(refusal);
      await manager.update(User, member.id, { removedAt: now });
      // a set-password link still in their mailbox no longer lets them in
      await manager.delete(PasswordSetup, { userId: member.id, usedAt: IsNull() });
      // T5: every token, stream and integration token of theirs is refused everywhere, at once
      await revokeAccess(manager, tenant.id, [member.id]);
      await recordAudit(manager, { at: now, actor: viewer, tenantId: tenant.id, action: 'member.remove', subject: `User:${member.id}`, before: { email: member.email, name: member.name, isAdmin: member.isAdmin }, after: { removedAt: now.toISOString() } });
      ctx.logger.info('member removed', { tenantId: tenant.id, userId: member.id, by: viewer.userId });
    });
    await settleAccessChange(ctx);
    return true;
  }

  @Mutation(() => User, {
    description:
      "T2: a tenant administrator makes a member an administrator, or no longer one. Takes effect at once: the member's tokens signed before are refused everywhere (they sign in again). The last administrator stays one.",
  })
  async setMemberAdmin(@Arg('userId', () => ID) userId: string, @Arg('isAdmin', () => Boolean) makeAdmin: boolean, @Ctx() ctx: SpacesContext): Promise<User> {
    const viewer = requireAdmin(ctx);
    const now = ctx.clock.now();
    const member = await serialisedTransaction(ctx.dataSource, `members:${viewer.tenantId}`, async (manager) => {
      const tenant = await lockTenant(manager, viewer.tenantId);
      const member = await manager.findOneBy(User, { id: userId, ...ACTIVE_MEMBER(tenant.id) });
      if (!member) throw spacesRefusals.refuse('memberNotFound');
      if (member.isAdmin === makeAdmin) return member;
      const admins = await manager.countBy(User, { ...ACTIVE_MEMBER(tenant.id), isAdmin: true });
      const refusal = refuseDemotingAdmin(member, makeAdmin, admins);
      if (refusal) throw spacesRefusals.refuseWith(refusal);
      await manager.update(User, member.id, { isAdmin: makeAdmin });
      // T5: a token that says ADMIN stops acting as one at once (and one that does not, gets it on the next sign-in)
      await revokeAccess(manager, tenant.id, [member.id]);
      await recordAudit(manager, { at: now, actor: viewer, tenantId: tenant.id, action: 'member.setAdmin', subject: `User:${member.id}`, before: { isAdmin: member.isAdmin }, after: { isAdmin: makeAdmin } });
      return manager.findOneByOrFail(User, { id: member.id });
    });
    await settleAccessChange(ctx);
    return member;
  }
}
