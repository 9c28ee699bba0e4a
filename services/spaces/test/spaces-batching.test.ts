import { randomUUID } from 'node:crypto';
import { DEMO, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUEST_PERMISSIONS } from '../src/domain/spaces.js';
import { Comment } from '../src/entities/comment.entity.js';
import { SpaceMember } from '../src/entities/space-member.entity.js';
import { Space } from '../src/entities/space.entity.js';
import { Thread } from '../src/entities/thread.entity.js';
import { spacesSubgraph } from '../src/index.js';

const LIST = `{ spaces { id name members { id name } administrators { id } threads { id title author { id } comments { id author { id } } } } }`;

describe.each(testDialects())('spaces listing cost on %s', (dialect) => {
  let stack: Stack;
  let statements: string[] = [];
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect, onQuery: (_subgraph, sql) => statements.push(sql) });
  });
  afterAll(() => stack?.close());

  /** n more internal spaces, each with 2 members, 3 threads and 2 comments per thread. */
  async function addSpaces(n: number) {
    const ds = stack.handles.spaces!.dataSource;
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      await ds.getRepository(Space).insert({ id, tenantId: DEMO.tenant.id, name: `Space ${id}`, isGuestSpace: false, isPrivate: false, body: '', createdBy: DEMO.admin.id, ...DEFAULT_GUEST_PERMISSIONS });
      await ds.getRepository(SpaceMember).insert([
        { spaceId: id, userId: DEMO.admin.id, isSpaceAdmin: true },
        { spaceId: id, userId: DEMO.member.id, isSpaceAdmin: false },
      ]);
      for (let t = 0; t < 3; t++) {
        const threadId = randomUUID();
        await ds.getRepository(Thread).insert({ id: threadId, spaceId: id, title: `T${t}`, body: '', authorId: DEMO.member.id, updatedAt: null });
        await ds.getRepository(Comment).insert([0, 1].map(() => ({ id: randomUUID(), threadId, text: 'c', authorId: DEMO.admin.id })));
      }
    }
  }

  async function list() {
    const token = (await stack.auth.demoTokens()).member;
    statements = [];
    const data = await stack.client.data<{ spaces: Array<{ threads: Array<{ comments: unknown[] }> }> }>(LIST, {}, { token });
    return { spaces: data.spaces, count: statements.length, statements: [...statements] };
  }

  it('no N+1: listing spaces with members, threads, comments and authors costs the same statements for 3 spaces as for 23', async () => {
    await addSpaces(2);
    const few = await list();
    expect(few.spaces.length).toBe(4); // General, Partner Project (the demo member is in it) and the 2 added
    await addSpaces(20);
    const many = await list();
    expect(many.spaces.length).toBe(few.spaces.length + 20);
    expect(many.spaces.flatMap((s) => s.threads).flatMap((t) => t.comments).length).toBeGreaterThanOrEqual(20 * 3 * 2);
    expect(many.count, many.statements.join('\n')).toBe(few.count);
    // one each: spaces, the viewer's memberships, members, threads, comments, users (all users in one
    // query: the loaders dispatch in waves, so not 6 or 7 by which of members and threads answered first),
    // plus, once per request however many guest spaces, the viewer and their tenant for the contract-end check (L8/S9)
    expect(many.count, many.statements.join('\n')).toBe(8);
  });
});
