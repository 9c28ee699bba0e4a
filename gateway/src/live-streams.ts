import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isScoped, type Viewer } from '@kyodo/auth';
import type { RefusalParams } from '@kyodo/subgraph-kit/refusals';
import type { ExecutionResult } from 'graphql';
import { gatewayRefusals, type GatewayRefusalKey } from './refusals/refusals.js';

/** Open subscription streams one user may hold on one gateway process (LIVE_STREAMS_PER_USER). */
export const DEFAULT_LIVE_STREAMS_PER_USER = 20;

/**
 * Each open stream holds a socket to a subgraph, its buffers and the engine's state: about 65 KB
 * a stream, unbounded before (issue 19: one user held 1,000). Counted per process, so the cap
 * bounds this replica's memory; behind a load balancer a user may hold the cap on each replica.
 */
export interface LiveStreamCounter {
  /** Streams open now: one user's, or everyone's. */
  open(userId?: string): number;
}

/** A stream refused before it starts: its one result (I1: written in the caller's language as it leaves, request-language.ts). */
function refusal(key: GatewayRefusalKey, params?: RefusalParams): ExecutionResult {
  return { errors: [gatewayRefusals.refuse(key, undefined, params)] };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Counts each signed-in user's open subscriptions and refuses one beyond `perUser` before the
 * subgraph is dialled (the check runs where the stream would start: nothing is planned or sent).
 * A place is freed once, whichever way the stream ends: the client goes away (Yoga returns the
 * iterator), the subgraph completes it (a refusal, a revoked token), or it never started.
 * Every subscription needs a signed-in user (S3, T1), so an anonymous caller is refused here
 * too, as the subgraph would refuse it, without a socket opened for nothing.
 */
export function useLiveStreamCap(perUser: number, viewers: WeakMap<Request, Viewer>): { plugin: GatewayPlugin; counter: LiveStreamCounter } {
  const open = new Map<string, number>();
  const release = (userId: string) => {
    const left = (open.get(userId) ?? 1) - 1;
    if (left > 0) open.set(userId, left);
    else open.delete(userId);
  };
  const plugin: GatewayPlugin = {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const viewer = request ? viewers.get(request) : undefined;
      setSubscribeFn(async (subscribeArgs) => {
        if (!viewer) {
          return refusal('liveSignInRequired');
        }
        // C6: refused by the subgraph with its reason; not counted, as it ends at once
        if (isScoped(viewer)) return subscribeFn(subscribeArgs);
        const userId = viewer.userId;
        const current = open.get(userId) ?? 0;
        if (current >= perUser) {
          return refusal('liveStreamsPerUser', { max: perUser });
        }
        // taken before the first await, so two streams starting together cannot both pass the check
        open.set(userId, current + 1);
        let result: Awaited<ReturnType<typeof subscribeFn>>;
        try {
          result = await subscribeFn(subscribeArgs);
        } catch (error) {
          release(userId);
          throw error;
        }
        if (!isAsyncIterable(result)) {
          release(userId);
          return result;
        }
        return onceEnded(result, () => release(userId));
      });
    },
  };
  return { plugin, counter: { open: (userId) => (userId === undefined ? [...open.values()].reduce((sum, n) => sum + n, 0) : (open.get(userId) ?? 0)) } };
}

/** The same stream, calling `ended` once when it completes, fails or is returned by the consumer. */
function onceEnded<T>(source: AsyncIterable<T>, ended: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    ended();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const step = await iterator.next();
        if (step.done) finish();
        return step;
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return(value?: unknown) {
      finish();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined as T };
    },
    async throw(error?: unknown) {
      finish();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}
