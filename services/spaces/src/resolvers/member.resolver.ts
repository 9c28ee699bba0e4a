import { randomBytes } from 'node:crypto';
import { hashPassword, isAdmin, isVendorAdmin } from '@kyodo/auth';
import { badInput, conflict, notFound, quotaExceeded, recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { IsNull, type EntityManager } from 'typeorm';
import { normaliseEmail } from '../domain/invitations.js';
import { refuseMemberBeyondSeats, refuseRemovingMember } from '../domain/onboarding.js';
import { PasswordSetup } from '../entities/password-setup.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { newMemberUser, User } from '../entities/user.entity.js';
import { AddMemberInput } from '../inputs/add-member.input.js';
import { memberSeatsInForce } from '../licensing-contracts.js';
import { sendPasswordSetup } from '../password-setups.js';
import type { SpacesContext } from '../context.js';
import { refuseInvisibleInName } from '../domain/names.js';

const ACTIVE_MEMBER = (tenantId: string) => ({ tenantId, kind: 'MEMBER' as const, removedAt: IsNull() });

/**
 * Serialises member changes of one tenant: an UPDATE takes the tenant row's write lock (MariaDB)
 * or the database's (SQLite) until commit, so two concurrent additions cannot both take the last
 * seat, nor two removals both leave no administrator (T5, T2).
 */
async function lockTenant(manager: EntityManager, tenantId: string): Promise<Tenant> {
  const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
  await manager.update(Tenant, { id: tenantId }, { name: tenant.name });
  return tenant;
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
    const viewer = requireAdmin(ctx, 'add members (T5)');
    const email = normaliseEmail(input.email);
    if (!email) throw badInput('Enter a valid email address.', 'email');
    const name = input.name.trim();
    if (!name || name.length > 200) throw badInput("Enter the member's name (1 to 200 characters).", 'name');
    const invisible = refuseInvisibleInName(name);
    if (invisible) throw badInput(invisible, 'name');
    const now = ctx.clock.now();
    // asked before the transaction so no lock is held while licensing answers
    const seats = await memberSeatsInForce(ctx, viewer.tenantId);
    return ctx.dataSource.transaction(async (manager) => {
      const tenant = await lockTenant(manager, viewer.tenantId);
      const existing = await manager.findOneBy(User, { tenantId: tenant.id, email });
      if (existing?.kind === 'GUEST') throw conflict('This address belongs to a guest of this tenant; a guest cannot also be a member.');
      if (existing && !existing.removedAt) throw conflict('This address already belongs to a member of this tenant.');
      const active = await manager.countBy(User, ACTIVE_MEMBER(tenant.id));
      const refusal = refuseMemberBeyondSeats(active, seats);
      if (refusal) throw quotaExceeded(refusal, { memberSeats: seats, activeMembers: active });
      const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
      let member: User;
      if (existing) {
        // a member removed earlier comes back as the same user (their posts are theirs), with a new password
        await manager.update(User, existing.id, { name, passwordHash, removedAt: null, isAdmin: false, failedSignIns: 0, lockedUntil: null });
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
  }

  @Mutation(() => Boolean, {
    description: "T5: a tenant administrator removes a member: they can no longer sign in and no longer take a seat; their posts stay theirs. The last administrator cannot be removed.",
  })
  async removeMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const viewer = requireAdmin(ctx, 'remove members (T5)');
    const now = ctx.clock.now();
    return ctx.dataSource.transaction(async (manager) => {
      const tenant = await lockTenant(manager, viewer.tenantId);
      const member = await manager.findOneBy(User, { id: userId, ...ACTIVE_MEMBER(tenant.id) });
      if (!member) throw notFound('Member');
      const admins = await manager.countBy(User, { ...ACTIVE_MEMBER(tenant.id), isAdmin: true });
      const refusal = refuseRemovingMember(member, admins);
      if (refusal) throw conflict(refusal);
      await manager.update(User, member.id, { removedAt: now });
      // a set-password link still in their mailbox no longer lets them in
      await manager.delete(PasswordSetup, { userId: member.id, usedAt: IsNull() });
      await recordAudit(manager, { at: now, actor: viewer, tenantId: tenant.id, action: 'member.remove', subject: `User:${member.id}`, before: { email: member.email, name: member.name, isAdmin: member.isAdmin }, after: { removedAt: now.toISOString() } });
      ctx.logger.info('member removed', { tenantId: tenant.id, userId: member.id, by: viewer.userId });
      return true;
    });
  }
}
