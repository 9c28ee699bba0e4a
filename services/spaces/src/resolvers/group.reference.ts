import type { SpacesContext } from '../context.js';
import type { Group } from '../entities/group.entity.js';

/** `_entities` for Group: members of the group's tenant only (S3: guests see no directory). */
export async function resolveGroupReference(reference: { id: string }, ctx: SpacesContext): Promise<Group | null> {
  if (!ctx.viewer || ctx.viewer.kind !== 'MEMBER') return null;
  const group = await ctx.loaders.groupById.load(reference.id);
  return group && group.tenantId === ctx.viewer.tenantId ? group : null;
}
