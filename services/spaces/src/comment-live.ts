import { liveEvents, publishLive } from '@kyodo/subgraph-kit';
import { requireThread } from './access.js';
import type { SpacesContext } from './context.js';
import { Comment } from './entities/comment.entity.js';

export const COMMENT_ADDED = 'commentAdded';

/** After addComment's transaction: ids only, each subscriber reads the comment as itself. */
export async function publishCommentAdded(ctx: SpacesContext, tenantId: string, comment: Pick<Comment, 'id' | 'threadId'>): Promise<void> {
  await publishLive(ctx, COMMENT_ADDED, { tenantId, threadId: comment.threadId, commentId: comment.id });
}

/**
 * S2/S3: the comments added to a thread from now on, for whoever may read the thread: refused
 * at subscribe time exactly as reading it is (NOT_FOUND for a thread you cannot see), and
 * checked again for every comment, so a guest removed from the space (S10) gets NOT_FOUND and
 * no more comments.
 */
export async function commentAddedEvents(ctx: SpacesContext, threadId: string): Promise<AsyncIterableIterator<Comment>> {
  await requireThread(ctx, threadId);
  return liveEvents(ctx, {
    topic: COMMENT_ADDED,
    concerns: (event) => event.threadId === threadId,
    async load(event, eventCtx) {
      await requireThread(eventCtx, threadId);
      return eventCtx.dataSource.getRepository(Comment).findOneBy({ id: event.commentId, threadId });
    },
  });
}
