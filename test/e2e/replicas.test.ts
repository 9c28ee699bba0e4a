import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTokenIssuer, createTokenVerifier, signingKeysFromPem } from '@kyodo/auth';
import type { GatewayHandle } from '@kyodo/gateway';
import { createDataSource, silentLogger, type SubgraphDefinition, type SubgraphHandle } from '@kyodo/subgraph-kit';
import { createClient, createTestDatabase, freePort, signInAs, type GraphQLClient, type TestDatabase } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer } from './balancer.js';
import { SUPERGRAPH_PATH } from './full-stack.js';

/**
 * Issue 12, replicas: two replicas of every subgraph (separate processes, one MariaDB database
 * per subgraph, the cards files in an S3-compatible store, no shared disk) behind a small load
 * balancer per subgraph, the gateway pointed at the balancers. A bounded mixed load runs while
 * one replica of each subgraph is killed with SIGKILL (for cards, the one running a 20,000-row
 * import). No request fails unless it was in flight at a replica when that replica was killed,
 * no card is imported twice, no invoice is issued twice, and the import finishes on the other
 * replica once the killed one's lease has expired. MariaDB only.
 */

const MYSQL = process.env.MYSQL_URL;
if (!MYSQL) console.log('replicas.test.ts: skipped, needs MariaDB (set MYSQL_URL=mysql://root@127.0.0.1:3306)');

const ROOT = resolve(import.meta.dirname, '..', '..');
const SUBGRAPHS: Array<[string, SubgraphDefinition]> = [];
const LEASE_MS = 2000;
const IMPORT_ROWS = 20_000;
const LOAD_MS = 12_000;
const WORKERS = 4;

const READ = `{ viewer { id name kind tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }`;
const CREATE_CARD = `mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
const START_IMPORT = `mutation($input: StartCardImportInput!) { startCardImport(input: $input) { id } }`;
const PART = `mutation($input: AddCardImportPartInput!) { addCardImportPart(input: $input) { parts } }`;
const RUN_IMPORT = `mutation($input: RunCardImportInput!) { runCardImport(input: $input) { status } }`;
const POLL_IMPORT = `query($id: ID!) { cardImportJob(id: $id) { status processedRows importedRows errorCount } }`;
const RUN_BILLING = `mutation($period: String!) { runBilling(period: $period) { period issuedCount } }`;

interface Replica {
  name: string;
  port: number;
  /** A replica in a process of its own (killed with SIGKILL), or one in the test's process. */
  child?: ChildProcess;
  handle?: SubgraphHandle;
  output: string[];
  killedAt?: number;
}

/** A subgraph replica as `npm start` runs it (tsx, development: it checks for migrations at start). */
function startReplica(name: string, port: number, env: Record<string, string>): Replica {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/main.ts'], {
    cwd: join(ROOT, 'services', name),
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const replica: Replica = { name, port, child, output: [] };
  const keep = (chunk: Buffer) => {
    replica.output.push(chunk.toString());
    if (replica.output.length > 40) replica.output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return replica;
}

async function waitHealthy(replica: Replica, timeoutMs = 90_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    if (replica.child && replica.child.exitCode !== null) throw new Error(`${replica.name} on ${replica.port} exited (${replica.child.exitCode}):\n${replica.output.join('')}`);
    const ok = await fetch(`http://127.0.0.1:${replica.port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${replica.name} on ${replica.port} did not become healthy:\n${replica.output.join('')}`);
}

interface Sent {
  op: string;
  start: number;
  end: number;
  error?: string;
}

/** The Tokyo month now: what runBilling may bill. */
const tokyoMonth = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);

describe.skipIf(!MYSQL)('replicas: two of each subgraph on MariaDB behind load balancers, one of each killed mid-run', () => {
  const databases: Record<string, TestDatabase> = {};
  const replicas: Record<string, Replica[]> = {};
  const balancers: Record<string, Awaited<ReturnType<typeof startBalancer>>> = {};
  const db: Record<string, ReturnType<typeof createDataSource>> = {};
  let gateway: GatewayHandle;
  let client: GraphQLClient;
  let s3: { close(): Promise<void> } | undefined;
  const dirs: string[] = [];
  let gatewaySecret: string;
  const started = Date.now();

  beforeAll(async () => {
    // loaded here, so that a run without MariaDB skips at once
    const [{ spacesSubgraph }, { licensingSubgraph }, { cardsSubgraph }, { supportSubgraph }, { createGateway }, { default: S3rver }] = await Promise.all([
      import('@kyodo/spaces'),
      import('@kyodo/licensing'),
      import('@kyodo/cards'),
      import('@kyodo/support'),
      import('@kyodo/gateway'),
      import('s3rver'),
    ]);
    SUBGRAPHS.push(['spaces', spacesSubgraph], ['licensing', licensingSubgraph], ['cards', cardsSubgraph], ['support', supportSubgraph]);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    gatewaySecret = randomBytes(24).toString('hex');
    const s3dir = await mkdtemp(join(tmpdir(), 'kyodo-replicas-s3-'));
    dirs.push(s3dir);
    const s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: 'kyodo-cards' }] });
    s3 = s3server;
    const { port: s3port } = await s3server.run();
    // fresh databases, migrated once as the release's migrate step would, before any replica starts
    await Promise.all(
      SUBGRAPHS.map(async ([name, definition]) => {
        databases[name] = await createTestDatabase(`replicas-${name}`, 'mariadb');
        await definition.migrate!(databases[name].url, silentLogger);
        db[name] = createDataSource({ url: databases[name].url, entities: [], migrations: [] });
        await db[name].initialize();
      }),
    );
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async ([name]) => [name, [await freePort(), await freePort()]] as [string, number[]])));
    for (const [name] of SUBGRAPHS) balancers[name] = await startBalancer(ports[name]!);
    const urls = Object.fromEntries(SUBGRAPHS.map(([name]) => [`${name.toUpperCase()}_URL`, balancers[name]!.url]));
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const env = {
      ...urls,
      NODE_ENV: 'development',
      JWT_PRIVATE_KEY: privatePem,
      JWT_PUBLIC_KEY: publicPem,
      GATEWAY_SECRET: gatewaySecret,
      TOTP_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'warn',
      KYODO_LOG_FORMAT: 'json',
      JOB_LEASE_MS: String(LEASE_MS),
      // both licensing replicas try the scheduled billing run every 0.6 s (the lease picks one)
      BILLING_EVERY_MINUTES: '0.01',
      CARDS_S3_ENDPOINT: `http://127.0.0.1:${s3port}`,
      CARDS_S3_BUCKET: 'kyodo-cards',
      CARDS_S3_ACCESS_KEY_ID: 'S3RVER',
      CARDS_S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    const keys = await signingKeysFromPem(privatePem, publicPem);
    const verifier = createTokenVerifier(keys);
    await Promise.all(
      SUBGRAPHS.map(async ([name, definition]) => {
        // each replica its own DATA_DIR: nothing may depend on a disk another replica sees
        const [dirA, dirB] = [await mkdtemp(join(tmpdir(), `kyodo-replicas-${name}-a-`)), await mkdtemp(join(tmpdir(), `kyodo-replicas-${name}-b-`))];
        dirs.push(dirA, dirB);
        // replica B: a process of its own (the one killed; cards' is where the import runs)
        const b = startReplica(name, ports[name]![1]!, { ...env, DATA_DIR: dirB, DATABASE_URL: databases[name]!.url, SEED_DEMO: 'false' });
        // replica A: in this process, as `npm start` would build it (its own pool and leases), seeding the demo
        const handle = await definition.create({
          databaseUrl: databases[name]!.url,
          verifier,
          issuer: name === 'spaces' ? createTokenIssuer(keys) : undefined,
          gatewaySecret,
          logger: silentLogger,
          dataDir: dirA,
          peers: { urlOf: (peer) => balancers[peer]?.url },
          env,
        });
        await handle.seedDemo();
        await handle.listen(ports[name]![0]!);
        replicas[name] = [{ name, port: ports[name]![0]!, handle, output: [] }, b];
      }),
    );
    await Promise.all(Object.values(replicas).map(([, b]) => waitHealthy(b!)));
    const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(([name]) => [name, balancers[name]!.url]));
    gateway = await createGateway({ supergraphSdl, subgraphUrls, verifier, gatewaySecret });
    client = createClient(await gateway.listen(0));
    console.log(`replicas.test.ts: 8 replicas, 4 balancers and the gateway up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 150_000);

  afterAll(async () => {
    for (const replica of Object.values(replicas).flat()) if (replica.child && replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGKILL');
    await gateway?.close();
    await Promise.all(Object.values(replicas).flatMap((pair) => pair.flatMap((replica) => (replica.handle ? [replica.handle.close()] : []))));
    await Promise.all(Object.values(balancers).map((balancer) => balancer.close()));
    await Promise.all(Object.values(db).map((source) => source.destroy()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
    await s3?.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const kill = (replica: Replica) => {
    replica.killedAt = Date.now();
    replica.child!.kill('SIGKILL');
  };

  it('serves a mixed load with no failed request but those in flight at a killed replica; no card imported twice, no invoice twice; the import finishes on the other replica', async () => {
    const [admin, operator] = await Promise.all([signInAs(client, 'admin'), signInAs(client, 'operator')]);
    const sent: Sent[] = [];
    const send = async (op: string, query: string, variables: Record<string, unknown>, token: string) => {
      const entry: Sent = { op, start: Date.now(), end: 0 };
      sent.push(entry);
      try {
        const response = await client.request(query, variables, { token });
        if (response.errors?.length) entry.error = JSON.stringify(response.errors).slice(0, 300);
        return response;
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
        return null;
      } finally {
        entry.end = Date.now();
      }
    };

    // a 20,000-row import, its parts sent through the gateway to whichever cards replica
    const csv = ['name,company,email', ...Array.from({ length: IMPORT_ROWS }, (_, i) => `Replica ${i},Replica Co ${i % 97},r${i}@replica.example`)].join('\n');
    const job = (await client.data<{ startCardImport: { id: string } }>(START_IMPORT, { input: { encoding: 'UTF8' } }, { token: admin })).startCardImport;
    const bytes = Buffer.from(csv, 'utf8');
    const size = 512 * 1024;
    for (let part = 0; part * size < bytes.length; part++) {
      await client.data(PART, { input: { jobId: job.id, part, base64: bytes.subarray(part * size, (part + 1) * size).toString('base64') } }, { token: admin });
    }

    // straight to one replica, as its balancer would send it
    const direct = (replica: Replica, query: string, variables: Record<string, unknown>, token: string) =>
      fetch(`http://127.0.0.1:${replica.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-kyodo-gateway-credential': gatewaySecret },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ data?: Record<string, never>; errors?: unknown[] }>);
    // the billing run triggered on both licensing replicas at the same moment (and the schedule runs on both)
    const period = tokyoMonth();
    const billingRuns = (await Promise.all(replicas.licensing!.map((replica) => direct(replica, RUN_BILLING, { period }, operator)))) as Array<{
      data?: { runBilling: { issuedCount: number } };
      errors?: unknown[];
    }>;
    for (const run of billingRuns) expect(run.errors).toBeUndefined();

    // the load: reads through all four subgraphs, card and space writes, for LOAD_MS
    const loadStart = Date.now();
    let written = 0;
    const worker = async (w: number) => {
      for (let i = 0; Date.now() - loadStart < LOAD_MS; i++) {
        const roll = (i * 7 + w) % 10;
        if (roll < 6) await send('read', READ, {}, admin);
        else if (roll < 9) {
          const response = await send('createCard', CREATE_CARD, { input: { name: `負荷 ${w}-${i}`, company: 'Load Co', email: `load-${w}-${i}@load.example` } }, admin);
          if (response && !response.errors) written++;
        } else await send('createSpace', CREATE_SPACE, { input: { name: `負荷スペース ${w}-${i}`, isGuestSpace: false } }, admin);
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

    // the import starts; the cards replica that holds its lease is killed while it runs
    // run on cards replica B (a process of its own), as its balancer could have sent it
    expect(await direct(replicas.cards![1]!, RUN_IMPORT, { input: { jobId: job.id, dryRun: false } }, admin)).toEqual({ data: { runCardImport: { status: 'CHECKING' } } });
    let holderPid = 0;
    let statusAtKill = '';
    for (let i = 0; i < 200 && !holderPid; i++) {
      const rows: Array<{ owner: string }> = await db.cards!.query('SELECT owner FROM job_leases WHERE jobKey = ?', [`card-import:${job.id}`]);
      const [status]: Array<{ status: string; processedRows: number }> = await db.cards!.query('SELECT status, processedRows FROM card_import_jobs WHERE id = ?', [job.id]);
      if (rows[0] && status && status.processedRows > 0) {
        holderPid = Number(rows[0].owner.split(':')[1]);
        statusAtKill = status.status;
      } else await new Promise((r) => setTimeout(r, 50));
    }
    const cardsVictim = replicas.cards!.find((replica) => replica.child?.pid === holderPid);
    expect(cardsVictim, 'the import runs on one of the two cards replicas').toBeDefined();
    expect(['CHECKING', 'IMPORTING']).toContain(statusAtKill);
    kill(cardsVictim!);
    // one replica of each other subgraph, a second apart, while the load goes on
    for (const name of ['spaces', 'licensing', 'support']) {
      await new Promise((r) => setTimeout(r, 1000));
      kill(replicas[name]![1]!);
    }
    await load;

    // the import: taken over by the other cards replica after the lease expired, finished there
    let final: { status: string; importedRows: number; errorCount: number } | undefined;
    for (const until = Date.now() + 45_000; Date.now() < until; ) {
      final = (await client.data<{ cardImportJob: typeof final }>(POLL_IMPORT, { id: job.id }, { token: admin })).cardImportJob;
      if (final && !['CHECKING', 'IMPORTING'].includes(final.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(final).toMatchObject({ status: 'SUCCEEDED', importedRows: IMPORT_ROWS, errorCount: 0 });

    // --- what must hold ---
    const kills = Object.values(replicas)
      .flat()
      .filter((replica) => replica.killedAt)
      .map((replica) => ({ name: replica.name, at: replica.killedAt! }));
    const failed = sent.filter((entry) => entry.error);
    // a request that failed had reached a replica that was being killed: the balancer cut a request
    // there while this one was running (a dying process's kernel still accepts connections for a
    // moment, then resets them: that is not a refused connection, and a real balancer does not
    // retry it either, since the request may have been written)
    const cuts = Object.values(balancers).flatMap((balancer) => balancer.cuts);
    const unexplained = failed.filter((entry) => !cuts.some((cut) => entry.start <= cut.at && cut.at <= entry.end));
    const diagnosis = () =>
      JSON.stringify({
        unexplained: unexplained.slice(0, 5),
        kills,
        cuts: Object.fromEntries(Object.entries(balancers).map(([name, b]) => [name, b.cuts])),
        errors: Object.values(replicas)
          .flat()
          .filter((replica) => !replica.killedAt)
          .flatMap((replica) => replica.output.join('').split('\n').filter((line) => /"(error|warn)"/.test(line)).map((line) => `${replica.name}:${replica.port} ${line.slice(0, 600)}`)),
      }, null, 1);
    expect(unexplained, diagnosis()).toEqual([]);
    // the balancers cut requests only at the replicas that were killed, at their kill
    for (const [name, balancer] of Object.entries(balancers)) {
      for (const cut of balancer.cuts) {
        const victim = replicas[name]![cut.backend]!;
        expect(victim.killedAt, `${name} replica ${cut.backend} cut a request (${cut.error}) but was not killed`).toBeDefined();
        expect(cut.at).toBeGreaterThanOrEqual(victim.killedAt!);
      }
    }
    // the refused connections to the dead replicas were retried on the live ones
    const retried = Object.values(balancers).reduce((sum, balancer) => sum + balancer.retried(), 0);
    expect(retried).toBeGreaterThan(0);

    // no import row written twice: exactly the file's rows, each once
    const [imported]: Array<{ n: number | string; distinctEmails: number | string }> = await db.cards!.query(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT email) AS distinctEmails FROM cards WHERE email LIKE '%@replica.example'",
    );
    expect(Number(imported!.n)).toBe(IMPORT_ROWS);
    expect(Number(imported!.distinctEmails)).toBe(IMPORT_ROWS);
    const [loadCards]: Array<{ n: number | string }> = await db.cards!.query("SELECT COUNT(*) AS n FROM cards WHERE email LIKE '%@load.example'");
    expect(Number(loadCards!.n)).toBeGreaterThanOrEqual(written);

    // no invoice twice: one per tenant and period, one per renewal; the period is billed
    expect(await db.licensing!.query('SELECT billingKey, COUNT(*) AS n FROM invoices WHERE billingKey IS NOT NULL GROUP BY billingKey HAVING COUNT(*) > 1')).toEqual([]);
    const [billed]: Array<{ n: number | string }> = await db.licensing!.query('SELECT COUNT(*) AS n FROM invoices WHERE billingKey LIKE ?', [`%/${period}`]);
    expect(Number(billed!.n)).toBeGreaterThanOrEqual(1);
    const issuedByHand = billingRuns.reduce((sum, run) => sum + (run.data?.runBilling.issuedCount ?? 0), 0);
    expect(issuedByHand).toBeLessThanOrEqual(Number(billed!.n));

    // the live replicas still answer through the gateway
    expect((await send('read', READ, {}, admin))?.errors).toBeUndefined();

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `replicas.test.ts: ${sent.length} requests sent (${failed.length} failed, all in flight at a killed replica), ` +
        `${retried} refused connections retried by the balancers, ${Object.values(balancers).reduce((sum, b) => sum + b.cuts.length, 0)} requests cut at killed replicas, ` +
        `import of ${IMPORT_ROWS} rows killed while ${statusAtKill} and finished by the other replica, ${billed!.n} invoice(s) for ${period}, ${seconds} s in all`,
    );
  }, 120_000);
});
