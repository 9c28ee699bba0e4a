import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO, type Stack } from '@kyodo/testkit';

export interface FakeSpaces {
  /** T1: the tenant of each user spaces knows (the demo people by default); anyone else is unknown (null). */
  userTenants: Map<string, string>;
  close(): Promise<void>;
}

/**
 * A stand-in for spaces in support's own tests: answers the `_entities` query subgraph-kit's
 * ownership check sends for User ids, from a fixed list. Registered in the stack's peer directory.
 */
export async function startFakeSpaces(stack: Stack): Promise<FakeSpaces> {
  const userTenants = new Map<string, string>([DEMO.admin, DEMO.member, DEMO.guest].map((u) => [u.id, DEMO.tenant.id]));
  userTenants.set(DEMO.agent.id, DEMO.vendorTenant.id);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables?: { r?: Array<{ id: string }> } };
      const entities = (variables?.r ?? []).map(({ id }) => (userTenants.has(id) ? { id, tenant: { id: userTenants.get(id) } } : null));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  stack.subgraphUrls.spaces = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { userTenants, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
