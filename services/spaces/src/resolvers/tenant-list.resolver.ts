import { isVendorAdmin } from '@kyodo/auth';
import { decodeCursor, encodeCursor, pageSize, requireViewer, SURVIVES_OUTAGE } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SpacesContext } from '../context.js';
import { compareTenants, MAX_TENANT_SEARCH, pageOfTenants, tenantMatches } from '../domain/tenant-search.js';
import { Tenant } from '../entities/tenant.entity.js';
import { TenantConnection } from '../types/tenant-connection.type.js';
import { spacesRefusals } from '../refusals/refusals.js';

/**
 * T4: the vendor operators' list of tenants (the back office's tenant desk): search by name or
 * sub-domain, newest onboarded first, one cursor. The vendor's customers are a few thousand at
 * most, so the search folds each name in memory (the same folding as cards' search) rather than
 * keeping a folded copy in the table.
 */
@Resolver(() => Tenant)
export class TenantListResolver {
  @Query(() => TenantConnection, {
    // nullable like every root list: an outage nulls this field only (SURVIVES_OUTAGE)
    ...SURVIVES_OUTAGE,
    description:
      'T4: every tenant, newest onboarded first; `search` finds part of the name or sub-domain (width, case and kana folded). Vendor operators (VENDOR_ADMIN) only: anyone else FORBIDDEN, anonymous UNAUTHENTICATED.',
  })
  async tenants(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SpacesContext,
  ): Promise<TenantConnection | null> {
    const viewer = requireViewer(ctx);
    if (!isVendorAdmin(viewer)) throw spacesRefusals.refuse('tenantListVendorOnly');
    const size = pageSize(first);
    if (search && search.length > MAX_TENANT_SEARCH) throw spacesRefusals.refuse('tenantSearchTooLong', { max: MAX_TENANT_SEARCH });
    const position = after ? decodeCursor(after, ['at', 'id'] as const) : null;
    const all = await ctx.dataSource.getRepository(Tenant).find();
    const found = all
      .filter((t) => tenantMatches(t, search ?? ''))
      .map((tenant) => ({ tenant, at: tenant.createdAt.toISOString(), id: tenant.id }))
      .sort(compareTenants);
    const { page, hasNextPage } = pageOfTenants(found, position, size);
    const edges = page.map((p) => ({ cursor: encodeCursor({ at: p.at, id: p.id }), node: p.tenant }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @FieldResolver(() => Date, { nullable: true, description: 'T4: when the tenant was onboarded (UTC). Vendor operators only; null for anyone else.' })
  onboardedAt(@Root() tenant: Tenant, @Ctx() ctx: SpacesContext): Date | null {
    return isVendorAdmin(ctx.viewer) && tenant.createdAt ? new Date(tenant.createdAt) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "T4: the email of the tenant's first administrator still in place (where resendSetPasswordLink sends a new link). Vendor operators only; null for anyone else.",
  })
  async firstAdministratorEmail(@Root() tenant: Tenant, @Ctx() ctx: SpacesContext): Promise<string | null> {
    if (!isVendorAdmin(ctx.viewer)) return null;
    // batched: one statement for a whole page of tenants (no N+1)
    const [first] = await ctx.loaders.activeAdminsByTenant.load(tenant.id);
    return first?.email ?? null;
  }
}
