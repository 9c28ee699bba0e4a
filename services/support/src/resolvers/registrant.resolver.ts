import { recordAudit, requireAdmin, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SupportContext } from '../context.js';
import { SupportRegistrant } from '../entities/support-registrant.entity.js';
import { UserRef } from '../entities/user.type.js';
import { supportRefusals } from '../refusals/refusals.js';

const adminsOnly = () => supportRefusals.refuse('registrantsAdminOnly');

/**
 * P1: a tenant administrator names who may contact support. Support does not own users, so
 * it cannot see whether `userId` is a guest of the tenant; the rule "guests never contact
 * support" is enforced where it matters instead: a guest's token is refused by openTicket
 * and replyToTicket, registered or not.
 */
@Resolver()
export class RegistrantResolver {
  @Query(() => [UserRef], { ...SURVIVES_OUTAGE, description: "Tenant administrators: the organisation's support registrants (P1)." })
  async supportRegistrants(@Ctx() ctx: SupportContext): Promise<UserRef[]> {
    const viewer = requireAdmin(ctx, adminsOnly);
    const rows = await ctx.dataSource.getRepository(SupportRegistrant).find({ where: { tenantId: viewer.tenantId }, order: { createdAt: 'ASC', userId: 'ASC' } });
    return rows.map((r) => ({ id: r.userId }));
  }

  @Mutation(() => UserRef, { description: 'Tenant administrators: lets a member of the organisation open support tickets (P1). Adding someone twice changes nothing.' })
  async addSupportRegistrant(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SupportContext): Promise<UserRef> {
    const viewer = requireAdmin(ctx, adminsOnly);
    return ctx.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(SupportRegistrant, { userId });
      if (existing && existing.tenantId !== viewer.tenantId) throw supportRefusals.refuse('registrantOfAnotherTenant');
      if (!existing) {
        await manager.insert(SupportRegistrant, { userId, tenantId: viewer.tenantId, registeredBy: viewer.userId });
        // A1: who may open tickets is a permission
        await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'supportRegistrant.add', subject: `User:${userId}`, before: { registrant: false }, after: { registrant: true } });
      }
      return { id: userId };
    });
  }

  @Mutation(() => Boolean, { description: 'Tenant administrators: the user may no longer open tickets; their past tickets remain.' })
  async removeSupportRegistrant(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SupportContext): Promise<boolean> {
    const viewer = requireAdmin(ctx, adminsOnly);
    return ctx.dataSource.transaction(async (manager) => {
      const result = await manager.delete(SupportRegistrant, { userId, tenantId: viewer.tenantId });
      if (!result.affected) throw supportRefusals.refuse('registrantNotFound');
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'supportRegistrant.remove', subject: `User:${userId}`, before: { registrant: true }, after: { registrant: false } });
      return true;
    });
  }
}
