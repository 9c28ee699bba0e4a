import { MemPubSub, type PubSub } from '@graphql-hive/pubsub';
import { RedisPubSub } from '@graphql-hive/pubsub/redis';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * What a mutation tells the subscribers after its transaction commits. Ids only: the
 * subscriber's replica loads the row and checks its own viewer's access, so nothing is ever
 * serialised for someone who may not read it, and nothing stale crosses the broker.
 */
export type LiveEvent = Readonly<Record<string, string>>;

export interface EventBus {
  /** Which broker carries the events ('redis' across replicas, 'memory' within this process). */
  readonly kind: 'redis' | 'memory';
  publish(topic: string, event: LiveEvent): Promise<void>;
  /** Every event of the topic published after it resolves, until the iterator is returned or the bus closes. */
  subscribe(topic: string): Promise<AsyncIterableIterator<LiveEvent>>;
  close(): Promise<void>;
}

/** Events waiting for one slow subscriber before its stream is ended. */
const MAX_QUEUED = 1000;

export interface EventBusOptions {
  /** The subgraph's name: its channels are `kyodo:<name>:<topic>`, so subgraphs never hear each other. */
  name: string;
  /** `redis://host:6379`: events cross replicas. Without it they stay in this process. */
  redisUrl?: string;
  logger: Logger;
}

/**
 * The broker behind subscriptions. With REDIS_URL it is Redis pub/sub, so a comment added on
 * one replica reaches subscribers connected to any other; without it an in-process bus, so
 * `npm start` needs nothing but `npm install` (and one process per subgraph is all it runs).
 * Both are @graphql-hive/pubsub (the Hive gateway's own). Each topic is subscribed once per
 * process and fanned out here: that library's iterator unsubscribes the Redis channel when any
 * one of its iterators ends, which would silence every other subscriber on this replica.
 */
export function createEventBus(options: EventBusOptions): EventBus {
  const { logger } = options;
  let pubsub: PubSub;
  let kind: EventBus['kind'];
  if (options.redisUrl) {
    // two connections: one in subscriber mode can do nothing else (no PUBLISH)
    const connect = () => new Redis(options.redisUrl!, { lazyConnect: false, maxRetriesPerRequest: 3 });
    const pub = connect();
    const sub = connect();
    for (const client of [pub, sub]) client.on('error', (error: Error) => logger.warn('redis event bus', { error: error.message }));
    pubsub = new RedisPubSub({ pub, sub }, { channelPrefix: `kyodo:${options.name}` });
    kind = 'redis';
  } else {
    pubsub = new MemPubSub();
    kind = 'memory';
  }

  const listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  const upstream = new Map<string, Promise<unknown>>();
  const stops = new Set<() => void>();
  let closed = false;

  function listen(topic: string): Promise<unknown> {
    let ready = upstream.get(topic);
    if (!ready) {
      ready = Promise.resolve(
        pubsub.subscribe(topic, (event: LiveEvent) => {
          for (const listener of listeners.get(topic) ?? []) listener(event);
        }),
      );
      upstream.set(topic, ready);
    }
    return ready;
  }

  return {
    kind,
    async publish(topic, event) {
      if (closed) return;
      await pubsub.publish(topic, event);
    },
    async subscribe(topic) {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      let done = closed;
      const end = () => {
        done = true;
        listeners.get(topic)?.delete(listener);
        stops.delete(end);
        wake?.();
      };
      const listener = (event: LiveEvent) => {
        // a subscriber that stopped reading is cut off rather than buffering without bound
        if (queue.length >= MAX_QUEUED) {
          logger.warn('live subscriber too slow; its stream is ended', { topic });
          end();
          return;
        }
        queue.push(event);
        wake?.();
      };
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      stops.add(end);
      // resolved once the broker listens: an event published after this returns is delivered
      await listen(topic);
      const iterator: AsyncIterableIterator<LiveEvent> = {
        async next() {
          while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          const value = queue.shift();
          return value ? { value, done: false } : { value: undefined, done: true };
        },
        async return() {
          end();
          queue.length = 0;
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    async close() {
      closed = true;
      for (const stop of [...stops]) stop();
      await pubsub.dispose();
    },
  };
}
