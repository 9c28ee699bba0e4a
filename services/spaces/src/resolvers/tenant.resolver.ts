import { kitRefusals, recordAudit, requireAdmin } from '@kyodo/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Tenant } from '../entities/tenant.entity.js';
import { TenantSettingsInput } from '../inputs/tenant-settings.input.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals } from '../refusals/refusals.js';

@Resolver(() => Tenant)
export class TenantResolver {
  @Mutation(() => Tenant, { description: 'Guest policy (S7), mail format (S8) and who may create guest spaces: tenant administrators only.' })
  async updateTenantSettings(@Arg('input', () => TenantSettingsInput) input: TenantSettingsInput, @Ctx() ctx: SpacesContext): Promise<Tenant> {
    const viewer = requireAdmin(ctx);
    const changes: Partial<Tenant> = {};
    if (input.guestPolicy != null) changes.guestPolicy = input.guestPolicy;
    if (input.mailFormat != null) changes.mailFormat = input.mailFormat;
    if (input.guestSpaceCreators != null) changes.guestSpaceCreators = input.guestSpaceCreators;
    return ctx.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length > 0) {
        const before = await manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
        await manager.update(Tenant, viewer.tenantId, changes);
        await recordAudit(manager, {
          at: ctx.clock.now(),
          actor: viewer,
          tenantId: viewer.tenantId,
          action: 'tenant.settings',
          subject: `Tenant:${viewer.tenantId}`,
          before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof Tenant]])),
          after: changes,
        });
      }
      return manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
    });
  }

  @Mutation(() => Tenant, { description: 'T3: require a one-time password of every user: tenant administrators only (S5: never a guest).' })
  async setTenantRequiresTotp(@Arg('required', () => Boolean) required: boolean, @Ctx() ctx: SpacesContext): Promise<Tenant> {
    const viewer = requireAdmin(ctx, () => (ctx.viewer?.kind === 'GUEST' ? spacesRefusals.refuse('guestMayNotConfigureSecurity') : kitRefusals.refuse('adminOnly')));
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
      await manager.update(Tenant, viewer.tenantId, { requireTotp: required });
      await recordAudit(manager, { at: ctx.clock.now(), actor: viewer, tenantId: viewer.tenantId, action: 'tenant.requireTotp', subject: `Tenant:${viewer.tenantId}`, before: { requireTotp: before.requireTotp }, after: { requireTotp: required } });
      return manager.findOneByOrFail(Tenant, { id: viewer.tenantId });
    });
  }
}
