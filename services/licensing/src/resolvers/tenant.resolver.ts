import type { RequestContext } from '@kyodo/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Contract } from '../entities/contract.entity.js';
import { TenantRef } from '../entities/tenant.type.js';
import type { LicensingLoaders } from '../loaders.js';

@Resolver(() => TenantRef)
export class TenantContractResolver {
  @FieldResolver(() => Contract, { nullable: true, description: "The tenant's base contract; visible to its own members only (guests and other tenants get null)." })
  async contract(@Root() tenant: TenantRef, @Ctx() ctx: RequestContext<LicensingLoaders>): Promise<Contract | null> {
    const viewer = ctx.viewer;
    if (!viewer || viewer.tenantId !== tenant.id || viewer.kind !== 'MEMBER') return null;
    return ctx.loaders.contractByTenantId.load(tenant.id);
  }
}
