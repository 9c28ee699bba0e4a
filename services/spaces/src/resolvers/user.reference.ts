import { canSeeUser } from '../domain/visibility.js';
import type { SpacesContext } from '../context.js';
import type { User } from '../entities/user.entity.js';

/** `_entities` obeys the same rule as every field: what the viewer may not see resolves to null. */
export async function resolveUserReference(reference: { id: string }, ctx: SpacesContext): Promise<User | null> {
  if (!ctx.viewer) return null;
  const user = await ctx.loaders.userById.load(reference.id);
  if (!user) return null;
  return canSeeUser(ctx.viewer, user, await ctx.loaders.sharedGuestSpaceUserIds()) ? user : null;
}
