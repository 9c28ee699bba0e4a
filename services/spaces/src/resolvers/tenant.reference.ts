import { canSeeTenant } from '../domain/visibility.js';
import type { SpacesContext } from '../context.js';
import type { Tenant } from '../entities/tenant.entity.js';

export async function resolveTenantReference(reference: { id: string }, ctx: SpacesContext): Promise<Tenant | null> {
  if (!canSeeTenant(ctx.viewer, reference.id)) return null;
  return ctx.loaders.tenantById.load(reference.id);
}
