import { visibleSpace } from '../access.js';
import type { SpacesContext } from '../context.js';
import type { Space } from '../entities/space.entity.js';

/** `_entities` for Space: the same rule as `space(id)` (S2/S3); what is not visible is null. */
export async function resolveSpaceReference(reference: { id: string }, ctx: SpacesContext): Promise<Space | null> {
  return visibleSpace(ctx, reference.id);
}
