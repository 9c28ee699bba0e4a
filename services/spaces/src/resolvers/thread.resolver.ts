import { randomUUID } from 'node:crypto';
import { requireViewer } from '@kyodo/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { enforce, requireSpace, requireThread } from '../access.js';
import { commentAddedEvents, publishCommentAdded } from '../comment-live.js';
import { refuseAddComment, refuseAddThread, refuseChangeThread, refuseDeleteComment } from '../domain/spaces.js';
import { Comment } from '../entities/comment.entity.js';
import { Space } from '../entities/space.entity.js';
import { Thread } from '../entities/thread.entity.js';
import { User } from '../entities/user.entity.js';
import { AddCommentInput } from '../inputs/add-comment.input.js';
import { CreateThreadInput } from '../inputs/create-thread.input.js';
import { UpdateThreadInput } from '../inputs/update-thread.input.js';
import type { SpacesContext } from '../context.js';
import { spacesRefusals } from '../refusals/refusals.js';

function title(raw: string): string {
  const value = raw.trim();
  if (!value) throw spacesRefusals.refuse('threadTitleRequired');
  if (value.length > 200) throw spacesRefusals.refuse('threadTitleTooLong');
  return value;
}

function text(raw: string, tooLong: 'threadBodyTooLong' | 'commentTooLong'): string {
  if (raw.length > 100_000) throw spacesRefusals.refuse(tooLong);
  return raw;
}

@Resolver(() => Thread)
export class ThreadResolver {
  @FieldResolver(() => Space)
  async space(@Root() thread: Thread, @Ctx() ctx: SpacesContext): Promise<Space> {
    const space = await ctx.loaders.spaceById.load(thread.spaceId);
    if (!space) throw new Error(`thread ${thread.id} points at missing space ${thread.spaceId}`);
    return space;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who wrote it; posts stay attributed after the author leaves (S10).' })
  async author(@Root() thread: Thread, @Ctx() ctx: SpacesContext): Promise<User | null> {
    return ctx.loaders.userById.load(thread.authorId);
  }

  @FieldResolver(() => [Comment], { description: 'Comments, oldest first.' })
  async comments(@Root() thread: Thread, @Ctx() ctx: SpacesContext): Promise<Comment[]> {
    return ctx.loaders.commentsByThread.load(thread.id);
  }

  @Mutation(() => Thread, { description: 'S1: starts a thread; a guest only where the space allows (S6).' })
  async createThread(@Arg('input', () => CreateThreadInput) input: CreateThreadInput, @Ctx() ctx: SpacesContext): Promise<Thread> {
    const { viewer, space } = await requireSpace(ctx, input.spaceId);
    enforce(refuseAddThread(viewer, space));
    const row = { id: randomUUID(), spaceId: space.id, title: title(input.title), body: text(input.body ?? '', 'threadBodyTooLong'), authorId: viewer.userId, updatedAt: null };
    return ctx.dataSource.transaction(async (manager) => {
      await manager.insert(Thread, row);
      return manager.findOneByOrFail(Thread, { id: row.id });
    });
  }

  @Mutation(() => Thread, { description: "Edits a thread: its author (a guest only where allowed, S6) or a space administrator; never someone else's as a guest (S5)." })
  async updateThread(@Arg('input', () => UpdateThreadInput) input: UpdateThreadInput, @Ctx() ctx: SpacesContext): Promise<Thread> {
    const { viewer, space, membership, thread } = await requireThread(ctx, input.id);
    enforce(refuseChangeThread(viewer, thread.authorId, membership, space, 'edit'));
    const changes: Partial<Thread> = { updatedAt: ctx.clock.now() };
    if (input.title != null) changes.title = title(input.title);
    if (input.body != null) changes.body = text(input.body, 'threadBodyTooLong');
    return ctx.dataSource.transaction(async (manager) => {
      await manager.update(Thread, thread.id, changes);
      return manager.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  @Mutation(() => Boolean, { description: "Deletes a thread and its comments: its author (a guest only where allowed, S6) or a space administrator (S5)." })
  async deleteThread(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    const { viewer, space, membership, thread } = await requireThread(ctx, id);
    enforce(refuseChangeThread(viewer, thread.authorId, membership, space, 'delete'));
    await ctx.dataSource.transaction(async (manager) => {
      await manager.delete(Comment, { threadId: thread.id });
      await manager.delete(Thread, { id: thread.id });
    });
    return true;
  }

  @Mutation(() => Comment, { description: 'S1: comments on a thread; a guest only where the space allows (S6).' })
  async addComment(@Arg('input', () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: SpacesContext): Promise<Comment> {
    const { viewer, space, thread } = await requireThread(ctx, input.threadId);
    enforce(refuseAddComment(viewer, space));
    const value = text(input.text, 'commentTooLong');
    if (!value.trim()) throw spacesRefusals.refuse('commentEmpty');
    const row = { id: randomUUID(), threadId: thread.id, text: value, authorId: viewer.userId };
    const comment = await ctx.dataSource.transaction(async (manager) => {
      await manager.insert(Comment, row);
      return manager.findOneByOrFail(Comment, { id: row.id });
    });
    // committed: now the subscribers of the thread may read it
    await publishCommentAdded(ctx, viewer.tenantId, comment);
    return comment;
  }

  @Subscription(() => Comment, {
    description: 'S1-S3: each comment added to the thread from now on, for those who may read the thread (checked again for every comment).',
    subscribe: ({ args, context }) => commentAddedEvents(context as SpacesContext, (args as { threadId: string }).threadId),
  })
  commentAdded(@Root() comment: Comment, @Arg('threadId', () => ID) _threadId: string): Comment {
    return comment;
  }

  @Mutation(() => Boolean, { description: 'Deletes a comment: its author (a guest only where allowed, S6) or a space administrator.' })
  async deleteComment(@Arg('id', () => ID) id: string, @Ctx() ctx: SpacesContext): Promise<boolean> {
    requireViewer(ctx);
    const comment = await ctx.dataSource.getRepository(Comment).findOneBy({ id });
    if (!comment) throw spacesRefusals.refuse('commentNotFound');
    const { viewer, space, membership } = await requireThread(ctx, comment.threadId).catch(() => {
      throw spacesRefusals.refuse('commentNotFound');
    });
    enforce(refuseDeleteComment(viewer, comment.authorId, membership, space));
    await ctx.dataSource.transaction((manager) => manager.delete(Comment, { id: comment.id }));
    return true;
  }
}

@Resolver(() => Comment)
export class CommentResolver {
  @FieldResolver(() => String, { description: 'The comment itself: the same as text (what live clients read).' })
  body(@Root() comment: Comment): string {
    return comment.text;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who wrote it; comments stay attributed after the author leaves (S10).' })
  async author(@Root() comment: Comment, @Ctx() ctx: SpacesContext): Promise<User | null> {
    return ctx.loaders.userById.load(comment.authorId);
  }
}
