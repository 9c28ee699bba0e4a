import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createEventBus, type EventBus } from '../src/event-bus.js';
import { silentLogger } from '../src/logger.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const redisUp = await reachable(REDIS_URL);
if (!redisUp) console.warn(`event-bus: Redis cases skipped, no Redis at ${REDIS_URL}`);

async function first(iterator: AsyncIterator<unknown>, ms = 5000): Promise<unknown> {
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
  return Promise.race([iterator.next().then((r) => r.value as unknown), timeout]);
}

const kinds = redisUp ? (['memory', 'redis'] as const) : (['memory'] as const);

describe.each(kinds)('the %s event bus', (kind) => {
  const make = (name: string): EventBus => createEventBus({ name, logger: silentLogger, redisUrl: kind === 'redis' ? REDIS_URL : undefined });

  it('delivers to every subscriber; one that leaves does not silence the others on the same process', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const bus = make(name);
    try {
      const a = await bus.subscribe('topic');
      const b = await bus.subscribe('topic');
      await bus.publish('topic', { id: '1' });
      expect(await first(a)).toEqual({ id: '1' });
      expect(await first(b)).toEqual({ id: '1' });
      await a.return!();
      await bus.publish('topic', { id: '2' });
      expect(await first(b)).toEqual({ id: '2' });
      expect(await a.next()).toEqual({ value: undefined, done: true });
    } finally {
      await bus.close();
    }
  });

  it('ends every stream when the bus closes, so no subscription outlives its server', async () => {
    const bus = make(`test-${Math.random().toString(36).slice(2)}`);
    const stream = await bus.subscribe('topic');
    await bus.close();
    expect(await first(stream)).toBeUndefined();
  });

  it.runIf(kind === 'redis')('crosses processes: a second bus (another replica) hears what the first publishes', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const [one, two] = [make(name), make(name)];
    try {
      const stream = await two.subscribe('topic');
      await one.publish('topic', { id: 'x' });
      expect(await first(stream)).toEqual({ id: 'x' });
      expect(one.kind).toBe('redis');
    } finally {
      await one.close();
      await two.close();
    }
  });
});
