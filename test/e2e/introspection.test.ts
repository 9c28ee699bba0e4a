import { readFile } from 'node:fs/promises';
import { createGateway } from '@kyodo/gateway';
import { errorCodes, signInAs, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack, SUPERGRAPH_PATH } from './full-stack.js';

const INTROSPECT = '{ __schema { queryType { name } mutationType { fields { name } } } }';
const TYPE = '{ __type(name: "Space") { fields { name } } }';

/** S3 through the gateway: a guest's introspection and listings show nothing internal. */
describe('introspection and listings for guests (S3)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startFullStack();
  });
  afterAll(() => stack?.close());

  it('refuses schema introspection to a guest, with a reason, on __schema and __type alike', async () => {
    const guest = await signInAs(stack.client, 'guest');
    for (const query of [INTROSPECT, TYPE]) {
      const r = await stack.client.request(query, {}, { token: guest });
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors?.[0]?.message).toMatch(/ゲストは API のスキーマを参照できません/);
      expect(r.data ?? null).toBeNull();
    }
  });

  it('lets a member and (locally) an anonymous developer introspect', async () => {
    const member = await signInAs(stack.client, 'member');
    const asMember = await stack.client.data<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(INTROSPECT, {}, { token: member });
    expect(asMember.__schema.mutationType.fields.map((f) => f.name)).toContain('inviteGuest');
    expect((await stack.client.request(INTROSPECT)).errors).toBeUndefined();
  });

  it("a guest's listing holds only their guest space; `__typename` still works for clients", async () => {
    const guest = await signInAs(stack.client, 'guest');
    const data = await stack.client.data<{ spaces: Array<{ name: string; isGuestSpace: boolean }>; __typename: string }>('{ __typename spaces { name isGuestSpace } }', {}, { token: guest });
    expect(data.__typename).toBe('Query');
    expect(data.spaces.length).toBeGreaterThan(0);
    expect(data.spaces.every((s) => s.isGuestSpace)).toBe(true);
  });

  it("with introspection: 'members' (production) anonymous callers are refused too", async () => {
    const gateway = await createGateway({
      supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: stack.subgraphUrls,
      verifier: stack.auth.verifier,
      gatewaySecret: stack.auth.gatewaySecret,
      introspection: 'members',
    });
    try {
      const url = await gateway.listen(0);
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: INTROSPECT }) });
      const body = (await r.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0]?.message).toMatch(/メンバーとしてサインインしてください/);
    } finally {
      await gateway.close();
    }
  });
});
