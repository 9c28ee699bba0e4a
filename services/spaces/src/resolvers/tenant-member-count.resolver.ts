import { isAdmin, isVendorAdmin } from '@kyodo/auth';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SpacesContext } from '../context.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';

@Resolver(() => Tenant)
export class TenantMembersCountResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "T5: the tenant's active members (guests not counted): what its member seats must cover; licensing asks it before a seat decrease. The tenant's administrators and vendor operators; null for anyone else.",
  })
  async activeMemberCount(@Root() tenant: Tenant, @Ctx() ctx: SpacesContext): Promise<number | null> {
    const viewer = ctx.viewer;
    if (!(isAdmin(viewer) && viewer?.tenantId === tenant.id) && !isVendorAdmin(viewer)) return null;
    return ctx.dataSource.getRepository(User).countBy({ tenantId: tenant.id, kind: 'MEMBER' });
  }
}
