import type { Viewer } from '@kyodo/auth';
import { requireViewer } from '@kyodo/subgraph-kit';
import { canSeeSpace, type Refusal } from './domain/spaces.js';
import type { SpaceMember } from './entities/space-member.entity.js';
import type { Space } from './entities/space.entity.js';
import type { Thread } from './entities/thread.entity.js';
import type { SpacesContext } from './context.js';
import { assertGuestSpacesReadable } from './licensing-gate.js';
import { spacesRefusals } from './refusals/refusals.js';

export interface SpaceAccess {
  viewer: Viewer;
  space: Space;
  membership: SpaceMember | null;
}

/** The space if the viewer may see it (S2/S3), else null: what is not visible does not exist. */
export async function visibleSpace(ctx: SpacesContext, spaceId: string): Promise<Space | null> {
  const space = await ctx.loaders.spaceById.load(spaceId);
  if (!space) return null;
  const membership = (await ctx.loaders.viewerMemberships()).get(space.id) ?? null;
  if (!canSeeSpace(ctx.viewer, space, membership)) return null;
  // L3/L8: a guest whose trial ended, or anyone once the contract is cancelled, cannot read guest spaces
  if (space.isGuestSpace) await assertGuestSpacesReadable(ctx);
  return space;
}

/** For mutations: a signed-in viewer and a space they can see, or UNAUTHENTICATED / NOT_FOUND. */
export async function requireSpace(ctx: SpacesContext, spaceId: string): Promise<SpaceAccess> {
  const viewer = requireViewer(ctx);
  const space = await visibleSpace(ctx, spaceId);
  if (!space) throw spacesRefusals.refuse('spaceNotFound');
  const membership = (await ctx.loaders.viewerMemberships()).get(space.id) ?? null;
  return { viewer, space, membership };
}

/** A thread in a space the viewer can see, with that access; NOT_FOUND otherwise. */
export async function requireThread(ctx: SpacesContext, threadId: string): Promise<SpaceAccess & { thread: Thread }> {
  requireViewer(ctx);
  const thread = await ctx.loaders.threadById.load(threadId);
  if (!thread || !(await visibleSpace(ctx, thread.spaceId))) throw spacesRefusals.refuse('threadNotFound');
  return { ...(await requireSpace(ctx, thread.spaceId)), thread };
}

/** Throws the rule's refusal (FORBIDDEN with the reason, in the viewer's language) when it refuses. */
export function enforce(refusal: Refusal): void {
  if (refusal) throw spacesRefusals.refuseWith(refusal);
}
