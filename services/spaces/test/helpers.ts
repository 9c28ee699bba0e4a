import { randomUUID } from 'node:crypto';
import type { UserKind } from '@kyodo/auth';
import { DEMO, type Stack } from '@kyodo/testkit';
import { SpaceMember } from '../src/entities/space-member.entity.js';
import { User } from '../src/entities/user.entity.js';

/** A user straight into the database (no password sign-in needed), with a token for them. */
export async function addUser(stack: Stack, opts: { kind?: UserKind; admin?: boolean; tenantId?: string; name?: string } = {}) {
  const id = randomUUID();
  const tenantId = opts.tenantId ?? DEMO.tenant.id;
  const kind = opts.kind ?? 'MEMBER';
  await stack.handles.spaces!.dataSource.getRepository(User).insert({
    id,
    tenantId,
    email: `${id}@example.test`,
    name: opts.name ?? `${kind} ${id.slice(0, 4)}`,
    kind,
    isAdmin: opts.admin ?? false,
    passwordHash: 'not-used',
  });
  const token = await stack.auth.tokenFor({ id, tenantId, kind, roles: opts.admin ? ['ADMIN'] : [] });
  return { id, token };
}

export async function addMembership(stack: Stack, spaceId: string, userId: string, isSpaceAdmin = false) {
  await stack.handles.spaces!.dataSource.getRepository(SpaceMember).insert({ spaceId, userId, isSpaceAdmin });
}
