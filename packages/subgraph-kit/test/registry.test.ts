import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_PORTS } from '../src/peers.js';
import { loadSubgraphRegistry, registeredSubgraph, subgraphRegistry } from '../src/registry.js';

const entry = (name: string, portOffset: number, urlEnv = `${name.toUpperCase()}_URL`) => ({
  name,
  package: `@kyodo/${name}`,
  workspace: `services/${name}`,
  portOffset,
  urlEnv,
  schema: `services/${name}/schema.graphql`,
});

describe('subgraphs.json, the one registry of subgraphs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kyodo-registry-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function write(content: unknown): Promise<string> {
    const path = join(dir, `subgraphs-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, JSON.stringify(content));
    return path;
  }

  it('lists the four subgraphs with ports from the base plus offset, and the peers read the same ports', () => {
    const { subgraphs, portBase } = subgraphRegistry();
    expect(portBase).toBe(4000);
    expect(subgraphs.map((s) => [s.name, s.defaultPort, s.urlEnv])).toEqual([
      ['spaces', 4001, 'SPACES_URL'],
      ['licensing', 4002, 'LICENSING_URL'],
      ['cards', 4003, 'CARDS_URL'],
      ['support', 4004, 'SUPPORT_URL'],
    ]);
    expect(DEFAULT_SUBGRAPH_PORTS).toEqual({ spaces: 4001, licensing: 4002, cards: 4003, support: 4004 });
    expect(registeredSubgraph('cards').schemaPath).toMatch(/services[\\/]cards[\\/]schema\.graphql$/);
  });

  it('resolves schema paths against the registry file and adds the port base', async () => {
    const registry = loadSubgraphRegistry(await write({ portBase: 5000, subgraphs: [entry('notes', 7)] }));
    expect(registry.subgraphs[0]).toMatchObject({ name: 'notes', defaultPort: 5007, schemaPath: join(dir, 'services/notes/schema.graphql') });
  });

  it('refuses two subgraphs on one port or one name, naming the entry', async () => {
    await expect(async () => loadSubgraphRegistry(await write({ portBase: 4000, subgraphs: [entry('a', 1), entry('b', 1)] }))).rejects.toThrow(
      /subgraphs\.1\.portOffset: 1 is used by two subgraphs/,
    );
    await expect(async () => loadSubgraphRegistry(await write({ portBase: 4000, subgraphs: [entry('a', 1), entry('a', 2, 'OTHER_URL')] }))).rejects.toThrow(
      /subgraphs\.1\.name: a is used by two subgraphs/,
    );
  });

  it('refuses a malformed entry and an unknown name', async () => {
    await expect(async () => loadSubgraphRegistry(await write({ portBase: 4000, subgraphs: [{ ...entry('a', 1), urlEnv: 'a-url' }] }))).rejects.toThrow(
      /subgraphs\.0\.urlEnv: must be an upper-case environment variable name/,
    );
    expect(() => registeredSubgraph('nope')).toThrow(/No subgraph "nope" in .*subgraphs\.json/);
  });
});
