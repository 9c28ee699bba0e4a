import type { RequestContext } from './context.js';
import { kitRefusals } from './kit-refusals.js';
import type { LiveEvent } from './event-bus.js';

/**
 * Tells the subscribers of `topic` about a change, after the mutation's transaction has
 * committed (never inside it: a subscriber would read a row that is not there yet, or one a
 * rollback then removed). The change is already made, so a broker that does not answer costs
 * the live update only, never the mutation: it is logged, not thrown.
 */
export async function publishLive(ctx: Pick<RequestContext, 'deps' | 'logger'>, topic: string, event: LiveEvent): Promise<void> {
  const bus = ctx.deps.events;
  if (!bus) return;
  try {
    await bus.publish(topic, event);
  } catch (error) {
    ctx.logger.warn('live event not published', { topic, error: error instanceof Error ? error.message : String(error) });
  }
}

export interface LiveSubscription<TContext extends RequestContext, TRow> {
  topic: string;
  /** A cheap test on the event's ids alone (this thread, this tenant) before anything is read. */
  concerns?: (event: LiveEvent) => boolean;
  /**
   * Reads the row for this event as the subscriber, with the same access check as the query
   * that reads it: the row, null to skip this event, or a thrown catalog error (NOT_FOUND,
   * FORBIDDEN) that ends the subscription, as the query would refuse it now.
   */
  load: (event: LiveEvent, ctx: TContext) => Promise<TRow | null>;
}

/**
 * The events of a subscription, each authorised again for the subscriber when it arrives (a
 * guest removed from the space stops getting comments at once; an expired token ends the stream
 * with UNAUTHENTICATED, and the client subscribes again with its refreshed one). Every event is read with fresh
 * loaders: rows cached for the previous event (a membership since removed) must not answer it.
 */
export async function liveEvents<TContext extends RequestContext, TRow>(ctx: TContext, subscription: LiveSubscription<TContext, TRow>): Promise<AsyncIterableIterator<TRow>> {
  const bus = ctx.deps.events;
  if (!bus) throw kitRefusals.refuse('liveUnavailable');
  const events = await bus.subscribe(subscription.topic);
  const renew = ctx.renewLoaders;
  // by hand, not an async generator: a generator's return() waits for the event it is awaiting,
  // so a client that unsubscribes would stay subscribed until the next event arrived
  const iterator: AsyncIterableIterator<TRow> = {
    async next() {
      for (;;) {
        const { value: event, done } = await events.next();
        if (done) return { value: undefined, done: true };
        if (subscription.concerns && !subscription.concerns(event)) continue;
        if (renew) ctx.loaders = renew() as TContext['loaders'];
        let row: TRow | null;
        try {
          await ctx.recheckToken?.();
          row = await subscription.load(event, ctx);
        } catch (error) {
          await events.return?.();
          throw error;
        }
        if (row !== null) return { value: row, done: false };
      }
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
