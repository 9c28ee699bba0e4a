import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { composeSupergraphFromSdl, createGateway, readPublishedSchemas, readSupergraphAt, registeredSubgraphs, s3ObjectStore, type GatewayHandle, type ObjectStore, type RegistryS3Config } from '@kyodo/gateway';
import { createClient, loadRegisteredSubgraphs, startStack, type GraphQLClient, type Stack } from '@kyodo/testkit';
import { CURRENT_SUPERGRAPH_KEY, readCurrentManifest, readUsage, writeSupergraphVersion } from '@kyodo/tools/schema-registry';
import { runRegistryCommand } from '@kyodo/tools/schema-registry-cli';
import { parse, print, visit } from 'graphql';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 22, the schema registry: two gateway replicas serve the supergraph published to one
 * S3-compatible store (s3rver here, MinIO in compose). A subgraph team publishes with
 * `npm run schema:publish`, the replicas pick it up under load without a failed request; a break
 * of a field the recorded traffic used is refused with the client named; a rollback restores
 * the previous version; and a subgraph from outside this repository is published and served.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXTERNAL = join(ROOT, 'test', 'fixtures', 'external-subgraph');
const BUCKET = 'kyodo-registry';
const STORE_URL = `s3://${BUCKET}/registry`;
const SUPERGRAPH_URL = `${STORE_URL}/${CURRENT_SUPERGRAPH_KEY}`;
const POLL_MS = 300;

const CARD_COUNT = `query RegistryCardCount { viewer { cardCount } }`;
const LIGHT_READ = `query RegistryLoad { viewer { id name } }`;
const IOS_READ = `query IosExportButton { canExportCards }`;
const PARTNER = `query RegistryPartner { partnerProgramme viewer { name partnerBadge } }`;

/** The SDL without one field of one type (a team's schema before a field was added, or after removing it). */
function withoutField(sdl: string, typeName: string, field: string): string {
  let removed = false;
  const document = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      removed = true;
      return { ...node, fields: node.fields?.filter((f) => f.name.value !== field) };
    },
  });
  if (!removed) throw new Error(`no type ${typeName}`);
  return print(document);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A steady light load on every replica: one request at a time per replica, each checked. */
function startLoad(clients: GraphQLClient[], token: string): { stop(): Promise<{ sent: number; failures: string[] }> } {
  let running = true;
  let sent = 0;
  const failures: string[] = [];
  const workers = clients.map(async (client) => {
    while (running) {
      sent += 1;
      try {
        const r = await client.request<{ viewer: { id: string } | null }>(LIGHT_READ, undefined, { token });
        if (r.status !== 200 || r.errors || !r.data?.viewer?.id) failures.push(`${client.url}: ${r.status} ${JSON.stringify(r.errors)}`);
      } catch (error) {
        failures.push(`${client.url}: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return { sent, failures };
    },
  };
}

describe('the schema registry: two gateway replicas on one store', () => {
  let s3: S3rver;
  let s3Dir: string;
  let s3Config: RegistryS3Config;
  let store: ObjectStore;
  let stack: Stack;
  const gateways: GatewayHandle[] = [];
  const clients: GraphQLClient[] = [];
  let member: string;
  let cardsSdl: string;
  let external: ChildProcess | undefined;
  const output: string[] = [];
  const io = () => ({ env: {}, root: ROOT, cwd: ROOT, out: (line: string) => void output.push(line), store });

  beforeAll(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'kyodo-registry-s3-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
    const { port } = await s3.run();
    s3Config = { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    store = s3ObjectStore(STORE_URL, s3Config);
    stack = await startStack({ subgraphs: await loadRegisteredSubgraphs() });
    member = (await stack.auth.demoTokens()).member;

    // the store as the cards team left it before adding User.cardCount: version 1
    const sources = (await readPublishedSchemas(registeredSubgraphs())).map((s) => ({ ...s, url: stack.subgraphUrls[s.name]! }));
    cardsSdl = sources.find((s) => s.name === 'cards')!.sdl;
    const before = sources.map((s) => (s.name === 'cards' ? { ...s, sdl: withoutField(s.sdl, 'User', 'cardCount') } : s));
    await writeSupergraphVersion(store, { version: 1, supergraphSdl: composeSupergraphFromSdl(before), change: 'seed', sources: before, changed: before.map((s) => s.name), now: new Date() });

    for (const replica of ['a', 'b']) {
      // as main.ts starts a replica with SUPERGRAPH_URL and SCHEMA_STORE_URL set
      const published = await readSupergraphAt(SUPERGRAPH_URL, s3Config);
      const gateway = await createGateway({
        supergraphSdl: published!.text,
        verifier: stack.auth.verifier,
        gatewaySecret: stack.auth.gatewaySecret,
        supergraphUrl: { url: SUPERGRAPH_URL, pollIntervalMs: POLL_MS, s3: s3Config, etag: published!.etag },
        usage: { store, flushIntervalMs: 1000, replica },
      });
      gateways.push(gateway);
      clients.push(createClient(await gateway.listen(0)));
    }
  });

  afterAll(async () => {
    if (external && external.exitCode === null) external.kill('SIGTERM');
    await Promise.all(gateways.map((g) => g.close()));
    await stack?.close();
    await s3?.close();
    if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
  });

  const cardCountOn = async (client: GraphQLClient) => {
    const r = await client.request<{ viewer: { cardCount: number | null } }>(CARD_COUNT, undefined, { token: member });
    return r.errors ? undefined : r.data?.viewer.cardCount;
  };

  it('a new cards field published with schema:publish is served by both replicas within 10 s, under load, with no failed request', async () => {
    for (const client of clients) expect((await client.request(CARD_COUNT, undefined, { token: member })).errors?.[0]?.message).toMatch(/cardCount/);
    const load = startLoad(clients, member);
    await new Promise((r) => setTimeout(r, 300));
    output.length = 0;
    // the cards team publishes its schema as committed (services/cards/schema.graphql, with cardCount)
    const publishing = Date.now();
    expect(await runRegistryCommand('publish', ['cards'], io()), output.join('\n')).toBe(0);
    console.log(`schema-registry: schema:publish cards took ${Date.now() - publishing} ms (check included)`);
    expect(output.join('\n')).toMatch(/Published supergraph version 2/);
    const published = Date.now();
    await Promise.all(clients.map((client) => waitFor('cardCount on a replica', async () => ((await cardCountOn(client)) !== undefined ? true : undefined), 10_000)));
    const servedAfterMs = Date.now() - published;
    console.log(`schema-registry: cards v2 served by both replicas ${servedAfterMs} ms after the publish (poll ${POLL_MS} ms)`);
    await new Promise((r) => setTimeout(r, 300));
    const { sent, failures } = await load.stop();
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(20);
    expect(servedAfterMs).toBeLessThan(10_000);
    expect((await readCurrentManifest(store))?.version).toBe(2);
  });

  it('a break of a field the recorded traffic used is refused, naming the client by name and version', async () => {
    const ios = { 'graphql-client-name': 'kyodo-ios', 'graphql-client-version': '3.2.1' };
    for (const client of clients) {
      for (let i = 0; i < 3; i++) expect((await client.request(IOS_READ, undefined, { token: member, headers: ios })).errors).toBeUndefined();
    }
    // flushed by each replica within its interval: wait for these six requests themselves (both
    // replicas have flushed older reports already, from the test before, so any report will not do)
    await waitFor('the six kyodo-ios requests in the usage reports', async () => {
      const ios = (await readUsage(store, 30, new Date())).filter((entry) => entry.client.name === 'kyodo-ios' && entry.client.version === '3.2.1' && entry.name === 'IosExportButton');
      return ios.reduce((sum, entry) => sum + entry.count, 0) === 6 ? ios : undefined;
    });

    const dir = await mkdtemp(join(tmpdir(), 'kyodo-break-'));
    const broken = join(dir, 'cards.graphql');
    await writeFile(broken, withoutField(cardsSdl, 'Query', 'canExportCards'));
    output.length = 0;
    expect(await runRegistryCommand('publish', ['cards', '--schema', broken], io())).toBe(1);
    const report = output.join('\n');
    expect(report).toMatch(/Query\.canExportCards/);
    expect(report).toMatch(/kyodo-ios 3\.2\.1: 1 operation\(s\) \(IosExportButton\), 6 request\(s\)/);
    expect(report).toMatch(/Nothing published/);
    expect((await readCurrentManifest(store))?.version).toBe(2);

    await rm(dir, { recursive: true, force: true });
  });

  it('a subgraph outside the workspaces is published with the command and served through the gateway', async () => {
    external = spawn(process.execPath, ['server.mjs'], { cwd: EXTERNAL, env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: external!.stdout! }).on('line', (line) => {
        if (/^https?:\/\//.test(line.trim())) done(line.trim());
      });
      external!.once('exit', (code) => fail(new Error(`the partners subgraph exited (${code})`)));
    });
    // `npm run schema:publish -- partners --schema schema.graphql --url ...` typed in the team's folder:
    // the command's code with its environment (the store from SCHEMA_STORE_URL and REGISTRY_S3_*)
    const lines: string[] = [];
    const code = await runRegistryCommand('publish', ['partners', '--schema', 'schema.graphql', '--url', url], {
      env: {
        SCHEMA_STORE_URL: STORE_URL,
        REGISTRY_S3_ENDPOINT: s3Config.endpoint!,
        REGISTRY_S3_REGION: 'us-east-1',
        REGISTRY_S3_ACCESS_KEY_ID: 'S3RVER',
        REGISTRY_S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
      root: ROOT,
      cwd: EXTERNAL,
      out: (line) => void lines.push(line),
    });
    const printed = lines.join('\n');
    expect(code, printed).toBe(0);
    expect(printed).toMatch(/Adding partners/);
    expect(printed).toMatch(/Published supergraph version 3/);

    for (const client of clients) {
      const data = await waitFor('the partners subgraph through a replica', async () => {
        const r = await client.request<{ partnerProgramme: string; viewer: { name: string; partnerBadge: string } }>(PARTNER, undefined, { token: member });
        return r.errors ? undefined : r.data!;
      });
      expect(data.partnerProgramme).toBe('Kyodo Partners');
      expect(data.viewer.partnerBadge).toMatch(/^partner-/);
      expect(data.viewer.name).toBeTruthy();
    }
  });

  it('schema:rollback republishes the previous version, and --to an older one; the replicas follow', async () => {
    output.length = 0;
    expect(await runRegistryCommand('rollback', [], io()), output.join('\n')).toBe(0);
    expect(output.join('\n')).toMatch(/Rolled back from supergraph version 3 to 2/);
    for (const client of clients) {
      await waitFor('partners gone from a replica', async () => ((await client.request(PARTNER, undefined, { token: member })).errors ? true : undefined));
      expect(await cardCountOn(client)).toBeTypeOf('number');
    }
    output.length = 0;
    expect(await runRegistryCommand('rollback', ['--to', '1'], io())).toBe(0);
    for (const client of clients) await waitFor('cardCount gone from a replica', async () => ((await cardCountOn(client)) === undefined ? true : undefined));
    expect((await readCurrentManifest(store))?.version).toBe(1);
    // the history is kept: version 3 is still there to go forward to
    expect(await runRegistryCommand('rollback', ['--to', '3'], io())).toBe(0);
    expect((await readCurrentManifest(store))?.version).toBe(3);
  });
});
