import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

describe.each(testDialects())('a subgraph that loses its database on %s (issue 19, item 7)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it('answers SERVICE_UNAVAILABLE (a stable code, nothing of the cause) while /health says 503', async () => {
    const { member } = await stack.auth.demoTokens();
    expect((await stack.client.data<{ viewer: { email: string } }>('{ viewer { email } }', {}, { token: member })).viewer.email).toBe(DEMO.member.email);
    // the connection (pool) goes away under the running subgraph
    await stack.handles.spaces!.dataSource.destroy();
    const health = await fetch(stack.subgraphUrls.spaces!.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(503);
    const answer = await stack.client.request<Record<string, never>>('{ viewer { email } }', {}, { token: member });
    expect(errorCodes(answer)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.errors?.[0]?.message).toMatch(/database/);
    expect(JSON.stringify(answer)).not.toMatch(/SELECT|typeorm|sqlite|mysql/i);
    const write = await stack.client.request<Record<string, never>>('mutation { createSpace(input: { name: "x", isGuestSpace: false }) { id } }', {}, { token: member });
    expect(errorCodes(write)).toEqual(['SERVICE_UNAVAILABLE']);
  });
});
