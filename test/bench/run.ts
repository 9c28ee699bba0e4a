/**
 * `npm run bench`: the built stack (node dist/main.js per service, production mode, fresh
 * SQLite files or MariaDB databases when MYSQL_URL is set) under a fixed concurrency with
 * distinct tokens, A and B alternating in one run, medians of several rounds (each run a fixed
 * count of requests: as many as the slower side answers in --duration seconds at warm-up
 * speed, at least 40), plus statements per cards page and requests from cards to its peers
 * (through a counting proxy). Prints a table,
 * writes test/bench/results/latest.json, and fails when a ratio is worse than the committed
 * baseline (test/bench/baseline.json) by more than the margin.
 *
 *   npm run bench                       full run (about 5 minutes)
 *   npm run bench -- --quick            short rounds, for a loaded machine or a quick look
 *   npm run bench -- --update-baseline  accept this run as the new baseline
 *   npm run bench -- --margin 0.4       allowed worsening per ratio (default: the baseline's)
 *   npm run bench -- --soak 10          10 minutes at a fixed rate (--rate, default 50/s): RSS growth
 *   npm run bench -- --no-build         skip `npm run build` (dist/ already current)
 *   npm run bench -- --check            load this script and what it imports, then stop (a test runs it)
 *
 * The harness itself (this file: tokens, the testkit's databases) runs from the workspaces'
 * TypeScript sources (`--conditions=development` in the npm script), so a fresh clone can run it
 * before anything is built; the services it measures are the built ones (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createTokenIssuer, exportPrivatePem, exportPublicPem, generateSigningKeys, GATEWAY_CREDENTIAL_HEADER } from '@kyodo/auth';
import { DEMO } from '@kyodo/subgraph-kit';
import { createTestDatabase, freePort, type TestDatabase } from '@kyodo/testkit';
import { baselineFrom, compareWithBaseline, DEFAULT_MARGIN, passes, RATIOS, type Baseline, type Comparison } from './compare.js';
import { startPeerProxy } from './peer-proxy.js';
import { answersOk, cpuMs, rssMb, startService, stopAll, type Service } from './processes.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = import.meta.dirname;
const RESULTS_DIR = join(BENCH_DIR, 'results');
const BASELINE_PATH = join(BENCH_DIR, 'baseline.json');
const SUPERGRAPH_PATH = join(ROOT, 'gateway', 'supergraph.graphql');

// the subgraphs behind the gateway, each `node dist/main.js` in services/<name>
const SUBGRAPHS = ['spaces', 'licensing', 'cards', 'support'] as const;
type SubgraphName = (typeof SUBGRAPHS)[number];

const QUERIES = {
  trivial: '{ viewer { id name } }',
  page20: '{ cards(first: 20) { edges { node { id name company email } } } }',
  four: '{ viewer { id name tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }',
  page: (n: number) => `{ cards(first: ${n}) { edges { node { id name company owner { id name } } } } }`,
  createCard: 'mutation($input: CreateCardInput!) { createCard(input: $input) { id } }',
  scan: 'mutation($input: RecordScanInput!) { recordScan(input: $input) { id } }',
};

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'update-baseline': { type: 'boolean', default: false },
    margin: { type: 'string' },
    soak: { type: 'string' },
    rate: { type: 'string', default: '50' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '20' },
    'no-build': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const quick = flags.quick;
const ROUNDS = Number(flags.rounds ?? (quick ? 2 : 5));
const DURATION_S = Number(flags.duration ?? (quick ? 5 : 10));
const WARMUP_S = quick ? 2 : 3;
/** Fewer completed requests than this on one side of a pair (all rounds) and its ratios are not judged. */
const MIN_REQUESTS = 50;
/** The fewest requests one timed run sends, however slow the warm-up was. */
const MIN_PER_RUN = 40;
const CONNECTIONS = Number(flags.connections);
const TOKENS = CONNECTIONS; // one token per connection: the gateway merges identical in-flight requests
const dialect = process.env.MYSQL_URL ? 'mariadb' : 'sqlite';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface Target {
  label: string;
  url: string;
  /** The process whose CPU counts as "the gateway" for this target (the subgraph itself when direct). */
  front: Service;
  headers: Record<string, string>;
}

interface RunFigures {
  /** Completed requests (for a pair's medians: all rounds together). */
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Failed requests: connection errors, timeouts and non-2xx answers, each counted. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU milliseconds per request: the front process, and all subgraphs together. */
  frontCpu: number;
  subgraphCpu: number;
  /** CPU milliseconds per request of each subgraph (spaces, cards...), whoever the front was. */
  subgraphCpuByName: Record<string, number>;
}

interface Pair {
  a: RunFigures;
  b: RunFigures;
  /** The pass-through proxy in front of B's subgraph, when the pair has one: the floor of one hop. */
  c?: RunFigures;
  /**
   * B again, paced at the rate A reached in the same round (with C): a subgraph spends more CPU per
   * request at a lower rate (fewer requests share each wake-up), so what a subgraph pays for the
   * gateway's requests is judged against the same request directly at the same rate.
   */
  bPaced?: RunFigures;
  runs: { a: RunFigures[]; b: RunFigures[]; c?: RunFigures[]; bPaced?: RunFigures[] };
}

async function main(): Promise<number> {
  if (flags.check) {
    // what a fresh clone's first `npm run bench` needs before it builds: where the harness's own
    // workspace imports come from (the sources, never dist/)
    for (const name of ['@kyodo/auth', '@kyodo/subgraph-kit', '@kyodo/testkit']) log(`${name}: ${import.meta.resolve(name)}`);
    return 0;
  }
  if (!flags['no-build']) {
    log('npm run build (turbo: cached when nothing changed)');
    const built = spawnSync('npm', ['run', 'build', '--', '--output-logs=errors-only'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  await mkdir(join(RESULTS_DIR, 'logs'), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kyodo-bench-'));
  const databases: TestDatabase[] = [];
  let proxyClose: (() => Promise<void>) | undefined;
  try {
    // ---------------------------------------------------------------- keys, ports, databases
    const keys = await generateSigningKeys();
    const issuer = createTokenIssuer(keys, 3600);
    const publicPem = await exportPublicPem(keys);
    const privatePem = await exportPrivatePem(keys);
    const gatewaySecret = randomBytes(24).toString('hex');
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await freePort()] as const))) as Record<SubgraphName, number>;
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s, `http://127.0.0.1:${ports[s]}/graphql`])) as Record<SubgraphName, string>;
    const databaseUrls = {} as Record<SubgraphName, string>;
    for (const s of SUBGRAPHS) {
      if (dialect === 'mariadb') {
        const db = await createTestDatabase(`bench_${s}`, 'mariadb');
        databases.push(db);
        databaseUrls[s] = db.url;
      } else databaseUrls[s] = `sqlite:${join(dataDir, `${s}.sqlite`)}`;
    }
    // cards asks its peers through a counting proxy: requests from cards to other subgraphs
    const proxy = await startPeerProxy({ spaces: urls.spaces, licensing: urls.licensing, support: urls.support });
    proxyClose = proxy.close;
    const peerUrlsFor = (s: SubgraphName | 'gateway') =>
      Object.fromEntries(SUBGRAPHS.map((p) => [`${p.toUpperCase()}_URL`, s === 'cards' && p !== 'cards' ? proxy.urlFor(p) : urls[p]]));
    const baseEnv = { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', GATEWAY_SECRET: gatewaySecret, JWT_PUBLIC_KEY: publicPem, INVOICE_ISSUER_NAME: 'Kyodo Bench', INVOICE_REGISTRATION_NUMBER: 'T9999999999999' };
    // production refuses a database with pending migrations: migrated first, as a deployment's migrate job does
    const migrated = spawnSync(process.execPath, [join(ROOT, 'scripts', 'migrate.mjs'), '--built'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...baseEnv, ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.toUpperCase()}_DATABASE_URL`, databaseUrls[s]])) },
    });
    if (migrated.status !== 0) throw new Error('npm run migrate -- --built failed');

    // ---------------------------------------------------------------- start, timed
    const stackStarted = performance.now();
    log(`starting ${SUBGRAPHS.join(', ')} (node dist/main.js, ${dialect})`);
    const subgraphs = Object.fromEntries(
      await Promise.all(
        SUBGRAPHS.map(async (s) => {
          const service = await startService({
            name: s,
            cwd: join(ROOT, 'services', s),
            args: ['dist/main.js'],
            env: {
              ...baseEnv,
              ...peerUrlsFor(s),
              PORT: String(ports[s]),
              DATA_DIR: dataDir,
              DATABASE_URL: databaseUrls[s],
              SEED_DEMO: 'true',
              ...(s === 'spaces' ? { JWT_PRIVATE_KEY: privatePem, TOTP_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` } : {}),
            },
            logPath: join(RESULTS_DIR, 'logs', `${s}.log`),
            ready: () => answersOk(`http://127.0.0.1:${ports[s]}/health`),
          });
          return [s, service] as const;
        }),
      ),
    ) as Record<SubgraphName, Service>;
    const gatewayPort = await freePort();
    const gateway = await startService({
      name: 'gateway',
      cwd: join(ROOT, 'gateway'),
      args: ['dist/main.js'],
      env: { ...baseEnv, ...peerUrlsFor('gateway'), PORT: String(gatewayPort), DATA_DIR: dataDir, SUPERGRAPH_PATH },
      logPath: join(RESULTS_DIR, 'logs', 'gateway.log'),
      ready: () => answersOk(`http://127.0.0.1:${gatewayPort}/readyz`),
    });
    const stackReadyMs = performance.now() - stackStarted;
    const apolloPort = await freePort();
    const apolloUrl = `http://127.0.0.1:${apolloPort}/`;
    const apollo = await startService({
      name: 'apollo-gateway',
      cwd: BENCH_DIR,
      args: ['apollo-gateway.mjs'],
      env: { ...baseEnv, ...peerUrlsFor('gateway'), PORT: String(apolloPort), SUPERGRAPH_PATH },
      logPath: join(RESULTS_DIR, 'logs', 'apollo-gateway.log'),
      ready: () =>
        answersOk(apolloUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    });
    const passPort = await freePort();
    const passThrough = await startService({
      name: 'pass-through-proxy',
      cwd: BENCH_DIR,
      args: ['pass-through-proxy.mjs'],
      env: { PATH: process.env.PATH, PORT: String(passPort), HOST: '127.0.0.1', TARGETS: JSON.stringify({ spaces: urls.spaces, cards: urls.cards }) },
      logPath: join(RESULTS_DIR, 'logs', 'pass-through-proxy.log'),
      ready: async () => (await fetch(`http://127.0.0.1:${passPort}/none`, { signal: AbortSignal.timeout(2000) })).status === 404,
    });
    log(`ready: stack ${(stackReadyMs / 1000).toFixed(1)} s; gateway alone ${(gateway.readyMs / 1000).toFixed(1)} s, @apollo/gateway ${(apollo.readyMs / 1000).toFixed(1)} s`);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    await new Promise((r) => setTimeout(r, 2000));
    const rssIdle = { kyodo: await rssMb(gateway.pid), apollo: await rssMb(apollo.pid) };

    // ---------------------------------------------------------------- tokens and data
    // distinct tokens for the demo admin (each signed at another second): distinct
    // Authorization headers defeat the gateway's merging of identical in-flight requests
    const tokens = await Promise.all(
      Array.from({ length: TOKENS }, (_, i) =>
        issuer.sign({ userId: DEMO.admin.id, tenantId: DEMO.tenant.id, kind: 'MEMBER', roles: ['ADMIN'] }, { now: new Date(Date.now() - i * 1000) }),
      ),
    );
    const gql = async <T>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}`, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(`${url}: ${query.slice(0, 60)}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
      return body.data;
    };
    log('creating 100 cards through the gateway');
    const cardIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const input = { name: `Bench Person ${i}`, company: `Bench ${i % 7} Ltd`, email: `p${i}@bench.example` };
      cardIds.push((await gql<{ createCard: { id: string } }>(gatewayUrl, QUERIES.createCard, { input })).createCard.id);
    }

    const credential = { [GATEWAY_CREDENTIAL_HEADER]: gatewaySecret };
    const targets = {
      gateway: { label: 'Kyodo gateway', url: gatewayUrl, front: gateway, headers: {} },
      spaces: { label: 'spaces directly', url: urls.spaces, front: subgraphs.spaces, headers: credential },
      cards: { label: 'cards directly', url: urls.cards, front: subgraphs.cards, headers: credential },
      apollo: { label: '@apollo/gateway', url: apolloUrl, front: apollo, headers: {} },
      // the same subgraphs through a bare Node proxy (the credential sent by the client, as direct)
      spacesProxied: { label: 'spaces through a pass-through proxy', url: `http://127.0.0.1:${passPort}/spaces/graphql`, front: passThrough, headers: credential },
      cardsProxied: { label: 'cards through a pass-through proxy', url: `http://127.0.0.1:${passPort}/cards/graphql`, front: passThrough, headers: credential },
    } satisfies Record<string, Target>;
    // every query answers without errors on both sides before anything is timed
    for (const [query, sides] of [
      [QUERIES.trivial, [targets.gateway, targets.spaces, targets.spacesProxied]],
      [QUERIES.page20, [targets.gateway, targets.cards, targets.cardsProxied]],
      [QUERIES.four, [targets.gateway, targets.apollo]],
    ] as const) {
      for (const t of sides) await gql(t.url, query, {}, t.headers);
    }

    const allSubgraphPids = Object.values(subgraphs).map((s) => s.pid);
    /**
     * One load run: for `seconds` (warm-up), or until `amount` responses have come back. Timed
     * runs are by count, so no request is cut off in flight at the end: its CPU would be counted
     * and the request not, which on a slow query inflates CPU per request several times.
     */
    const load = async (target: Target, query: string, until: { seconds: number } | { amount: number }, rate?: number): Promise<RunFigures> => {
      let next = 0;
      const pids = [target.front.pid, ...allSubgraphPids];
      const before = await Promise.all(pids.map(cpuMs));
      const started = performance.now();
      const result = await autocannon({
        url: target.url,
        method: 'POST',
        connections: CONNECTIONS,
        // seconds; autocannon's 10 s turns a busy shared machine's slow answers into failures
        timeout: 30,
        ...('amount' in until ? { amount: until.amount } : { duration: until.seconds }),
        ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
        headers: { 'content-type': 'application/json', ...target.headers },
        body: JSON.stringify({ query }),
        requests: [
          {
            setupRequest: (req) => {
              req.headers = { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` };
              return req;
            },
          },
        ],
      });
      const seconds = (performance.now() - started) / 1000;
      const after = await Promise.all(pids.map(cpuMs));
      const delta = after.map((a, i) => a - before[i]!);
      const requests = Math.max(1, result.requests.total);
      const subgraphDelta = delta.slice(1).reduce((a, b) => a + b, 0);
      const subgraphCpuByName = Object.fromEntries(SUBGRAPHS.map((s, i) => [s, delta[i + 1]! / requests]));
      return {
        requests: result.requests.total,
        rps: result.requests.total / seconds,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        frontCpu: delta[0]! / requests,
        // a direct run's front is one of the subgraphs: in the sum once
        subgraphCpu: subgraphDelta / requests,
        subgraphCpuByName,
      };
    };

    /**
     * A and B (and C, the pass-through proxy, when given) alternating (A B C, B C A, C A B...),
     * each warmed up first; medians per side.
     */
    const pair = async (name: string, query: string, a: Target, b: Target, c?: Target): Promise<Pair> => {
      const sides = c ? (['a', 'b', 'c'] as const) : (['a', 'b'] as const);
      const targetOf = { a, b, c } as const;
      const warm = await Promise.all(sides.map((side) => load(targetOf[side]!, query, { seconds: WARMUP_S })));
      // as many requests per run as the slowest side answers in DURATION_S at warm-up speed: every side the same count
      const amount = Math.max(MIN_PER_RUN, Math.round(Math.min(...warm.map((w) => w.rps)) * DURATION_S));
      log(`${name}: ${sides.map((side) => targetOf[side]!.label).join(' vs ')}, ${ROUNDS} rounds of ${amount} requests each, ${CONNECTIONS} connections`);
      const runs: Pair['runs'] = { a: [], b: [], ...(c ? { c: [], bPaced: [] } : {}) };
      for (let round = 0; round < ROUNDS; round++) {
        const order = sides.map((_, i) => sides[(i + round) % sides.length]!);
        for (const side of order) runs[side]!.push(await load(targetOf[side]!, query, { amount }));
        if (c) runs.bPaced!.push(await load(b, query, { amount }, runs.a.at(-1)!.rps));
      }
      const med = (xs: RunFigures[]): RunFigures => ({
        requests: xs.reduce((s, x) => s + x.requests, 0),
        rps: median(xs.map((x) => x.rps)),
        p50: median(xs.map((x) => x.p50)),
        p99: median(xs.map((x) => x.p99)),
        errors: xs.reduce((s, x) => s + x.errors, 0),
        timeouts: xs.reduce((s, x) => s + x.timeouts, 0),
        non2xx: xs.reduce((s, x) => s + x.non2xx, 0),
        frontCpu: median(xs.map((x) => x.frontCpu)),
        subgraphCpu: median(xs.map((x) => x.subgraphCpu)),
        subgraphCpuByName: Object.fromEntries(SUBGRAPHS.map((s) => [s, median(xs.map((x) => x.subgraphCpuByName[s]!))])),
      });
      const out: Pair = { a: med(runs.a), b: med(runs.b), ...(runs.c ? { c: med(runs.c) } : {}), ...(runs.bPaced ? { bPaced: med(runs.bPaced) } : {}), runs };
      for (const [side, target] of [['a', a], ['b', b]] as const) {
        if (out[side].requests < MIN_REQUESTS) {
          log(`${name}: only ${out[side].requests} requests completed on ${target.label}: too few to judge (machine too busy?); its ratios are left out and fail`);
        }
      }
      return out;
    };

    if (flags.soak) {
      return await soak(Number(flags.soak), Number(flags.rate), gateway, targets.gateway, QUERIES.four, tokens);
    }

    const trivial = await pair('trivial', QUERIES.trivial, targets.gateway, targets.spaces, targets.spacesProxied);
    const page20 = await pair('page20', QUERIES.page20, targets.gateway, targets.cards, targets.cardsProxied);
    const four = await pair('four', QUERIES.four, targets.gateway, targets.apollo);
    const rssLoaded = { kyodo: await rssMb(gateway.pid), apollo: await rssMb(apollo.pid) };

    // ---------------------------------------------------------------- peer requests from cards
    const PEER_SAMPLES = 20;
    proxy.reset();
    for (let i = 0; i < PEER_SAMPLES; i++) await gql(gatewayUrl, QUERIES.page20, {}, { authorization: `Bearer ${tokens[i % tokens.length]}` });
    const peersPerPage = proxy.total() / PEER_SAMPLES;
    const pagePeerCounts = { ...proxy.counts };
    proxy.reset();
    const SCANS = 10;
    for (let i = 0; i < SCANS; i++) await gql(gatewayUrl, QUERIES.scan, { input: { cardId: cardIds[i], sides: 1 } });
    const peersPerScan = proxy.total() / SCANS;
    const scanPeerCounts = { ...proxy.counts };

    await stopAll();

    // ---------------------------------------------------------------- SQL statements per page
    log('statements per cards page (in-process stack from dist/, onQuery)');
    const statements = await statementsPerPage(cardIds.length);

    // a pair with too few completed requests gives no ratio: NaN, which the verdict counts as missing
    const judged = (p: Pair, ratio: number) => (p.a.requests >= MIN_REQUESTS && p.b.requests >= MIN_REQUESTS ? ratio : Number.NaN);
    const ratios: Record<string, number> = {
      'trivial.gateway_vs_direct.rps': judged(trivial, trivial.a.rps / trivial.b.rps),
      'page20.gateway_vs_direct.rps': judged(page20, page20.a.rps / page20.b.rps),
      'four.kyodo_vs_apollo.rps': judged(four, four.a.rps / four.b.rps),
      'four.kyodo_vs_apollo.p50': judged(four, four.a.p50 / four.b.p50),
      'four.kyodo_vs_apollo.gateway_cpu': judged(four, four.a.frontCpu / four.b.frontCpu),
      'trivial.gateway_vs_subgraph.cpu': judged(trivial, trivial.a.frontCpu / trivial.b.frontCpu),
      // the gateway's own CPU per request against one bare hop's (the pass-through proxy), and what
      // a subgraph spends on a request the gateway sends against the same request sent directly
      'trivial.gateway_vs_proxy.cpu': judged(trivial, trivial.a.frontCpu / trivial.c!.frontCpu),
      'page20.gateway_vs_proxy.cpu': judged(page20, page20.a.frontCpu / page20.c!.frontCpu),
      'trivial.spaces_via_gateway_vs_direct.cpu': judged(trivial, trivial.a.subgraphCpuByName.spaces! / trivial.bPaced!.subgraphCpuByName.spaces!),
      'page20.cards_via_gateway_vs_direct.cpu': judged(page20, page20.a.subgraphCpuByName.cards! / page20.bPaced!.subgraphCpuByName.cards!),
      'rss.idle.kyodo_vs_apollo': rssIdle.kyodo / rssIdle.apollo,
      'rss.loaded.kyodo_vs_apollo': rssLoaded.kyodo / rssLoaded.apollo,
      'ready.kyodo_vs_apollo': gateway.readyMs / apollo.readyMs,
      'statements.page1': statements[1]!,
      'statements.page20': statements[20]!,
      'statements.page100': statements[100]!,
      'peers.per_page': peersPerPage,
      'peers.per_scan': peersPerScan,
    };
    const errors = [trivial, page20, four].reduce((s, p) => s + p.a.errors + p.b.errors, 0);

    const result = {
      date: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      dialect,
      connections: CONNECTIONS,
      tokens: TOKENS,
      rounds: ROUNDS,
      durationSeconds: DURATION_S,
      ratios,
      scenarios: { trivial, page20, four },
      rssMb: { idle: rssIdle, loaded: rssLoaded },
      readyMs: { stack: stackReadyMs, gateway: gateway.readyMs, apollo: apollo.readyMs, subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s, subgraphs[s].readyMs])) },
      statements,
      peers: { perPage: peersPerPage, perScan: peersPerScan, page: pagePeerCounts, scan: scanPeerCounts },
      errors,
    };
    await writeFile(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    printFigures(result);

    const baseline = await readBaseline();
    const margin = flags.margin !== undefined ? Number(flags.margin) : (baseline?.margin ?? DEFAULT_MARGIN);
    if (errors > 0) {
      log(`FAIL: ${errors} requests failed under load (see results/logs/ and latest.json)`);
      return 1;
    }
    const unmeasured = Object.keys(RATIOS).filter((name) => !Number.isFinite(ratios[name]));
    if (flags['update-baseline'] && unmeasured.length > 0) {
      log(`FAIL: not writing a baseline without ${unmeasured.join(', ')}: rerun with a longer --duration or on a quieter machine`);
      return 1;
    }
    if (flags['update-baseline']) {
      const note = `${result.mode} run on ${dialect}, ${CONNECTIONS} connections, ${result.date.slice(0, 10)}`;
      await writeFile(BASELINE_PATH, `${JSON.stringify(baselineFrom(ratios, margin, note), null, 2)}\n`);
      log(`baseline written: ${BASELINE_PATH}`);
    }
    const comparisons = baseline ? compareWithBaseline(ratios, baseline, margin) : compareWithBaseline(ratios, { margin, ratios: {} });
    printComparisons(comparisons, margin, baseline !== undefined);
    log(`results: ${join(RESULTS_DIR, 'latest.json')}`);
    if (!flags['update-baseline'] && baseline && !passes(comparisons)) {
      log(`FAIL: a ratio is worse than the baseline by more than ${(margin * 100).toFixed(0)} % (or missing)`);
      return 1;
    }
    return 0;
  } finally {
    await stopAll();
    await proxyClose?.();
    await Promise.all(databases.map((db) => db.drop().catch(() => undefined)));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function readBaseline(): Promise<Baseline | undefined> {
  try {
    return JSON.parse(await readFile(BASELINE_PATH, 'utf8')) as Baseline;
  } catch {
    return undefined;
  }
}

/**
 * Statements per request for cards pages of 1, 20 and 100, summed over every subgraph the
 * request reaches: the in-process stack of the e2e tests (built packages, the testkit's onQuery
 * hook), since a built process has no hook to count its SQL.
 */
async function statementsPerPage(cards: number): Promise<Record<number, number>> {
  const { startFullStack } = await import('../e2e/full-stack.js');
  const { signInAs } = await import('@kyodo/testkit');
  let count = 0;
  // every follower's polls of the change feeds (cards' copies, every subgraph's copy of spaces' access
  // feed, spaces' of licensing's contracts and invoices), the owners' answers and the job leases run
  // on timers whatever the load: not per page (a poll landing inside a sample read as 6 to 8.7 statements)
  const background = /membership_changes|digitisation_changes|access_changes|contract_changes|invoice_issued_changes|invoice_mail_cursors|peer_feed_cursors|job_leases/;
  const stack = await startFullStack({ dialect, onQuery: (_subgraph, sql) => void (background.test(sql) || count++) });
  try {
    const token = await signInAs(stack.client, 'admin');
    for (let i = 0; i < cards; i++) await stack.client.data(QUERIES.createCard, { input: { name: `Bench Person ${i}` } }, { token });
    const out: Record<number, number> = {};
    const SAMPLES = 3;
    for (const n of [1, 20, 100]) {
      await stack.client.data(QUERIES.page(n), {}, { token }); // warm: caches that live across requests are the common case
      count = 0;
      for (let i = 0; i < SAMPLES; i++) await stack.client.data(QUERIES.page(n), {}, { token });
      out[n] = count / SAMPLES;
    }
    return out;
  } finally {
    await stack.close();
  }
}

async function soak(minutes: number, rate: number, gateway: Service, target: Target, query: string, tokens: string[]): Promise<number> {
  log(`soak: ${minutes} min at ${rate} requests/s, the four-subgraph query through the gateway`);
  const samples: Array<{ atS: number; rssMb: number }> = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    void rssMb(gateway.pid).then((rss) => samples.push({ atS: (performance.now() - started) / 1000, rssMb: rss }));
  }, 10_000);
  let next = 0;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections: CONNECTIONS,
    overallRate: rate,
    duration: minutes * 60,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    requests: [
      {
        setupRequest: (req) => {
          req.headers = { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` };
          return req;
        },
      },
    ],
  });
  clearInterval(sampler);
  // growth from warm (after the first minute, or the first fifth of a shorter soak) to the end: start-up allocation is not a leak
  const warmAt = Math.min(60, (minutes * 60) / 5);
  const warm = samples.find((s) => s.atS >= warmAt) ?? samples[0];
  const last = samples.at(-1);
  const growth = warm && last ? (last.rssMb - warm.rssMb) / warm.rssMb : Number.NaN;
  const errors = result.errors + result.timeouts + result.non2xx;
  const out = { date: new Date().toISOString(), minutes, rate, p50: result.latency.p50, p99: result.latency.p99, errors, rssGrowth: growth, samples };
  await writeFile(join(RESULTS_DIR, 'soak.json'), `${JSON.stringify(out, null, 2)}\n`);
  log(`soak: ${result.requests.total} requests, ${errors} errors, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  log(`soak: gateway RSS ${warm?.rssMb.toFixed(0)} MB at ${warm?.atS.toFixed(0)} s -> ${last?.rssMb.toFixed(0)} MB at the end (${(growth * 100).toFixed(1)} %; goal < 10 %)`);
  return errors === 0 && growth < 0.1 ? 0 : 1;
}

function printFigures(r: {
  scenarios: Record<'trivial' | 'page20' | 'four', Pair>;
  rssMb: { idle: { kyodo: number; apollo: number }; loaded: { kyodo: number; apollo: number } };
  readyMs: { stack: number; gateway: number; apollo: number };
  statements: Record<number, number>;
  peers: { perPage: number; perScan: number };
}): void {
  const f = (n: number, d = 0) => n.toFixed(d);
  const rows: string[][] = [['what', 'A', 'B', 'A/B']];
  const pairRow = (what: string, p: Pair) => {
    const rps = (n: number) => f(n, n < 10 ? 1 : 0);
    rows.push([`${what} RPS (requests)`, `${rps(p.a.rps)} (${p.a.requests})`, `${rps(p.b.rps)} (${p.b.requests})`, f(p.a.rps / p.b.rps, 2)]);
    rows.push([`${what} p50 / p99 ms`, `${f(p.a.p50)} / ${f(p.a.p99)}`, `${f(p.b.p50)} / ${f(p.b.p99)}`, f(p.a.p99 / p.b.p99, 2)]);
    rows.push([`${what} front CPU ms/req`, f(p.a.frontCpu, 2), f(p.b.frontCpu, 2), f(p.a.frontCpu / p.b.frontCpu, 2)]);
    rows.push([`${what} all-subgraph CPU ms/req`, f(p.a.subgraphCpu, 2), f(p.b.subgraphCpu, 2), '']);
  };
  const proxyRow = (what: string, p: Pair, subgraph: string) => {
    if (!p.c) return;
    rows.push([`${what} proxy RPS; proxy CPU ms/req`, `${f(p.c.rps)}; ${f(p.c.frontCpu, 2)}`, '', f(p.a.frontCpu / p.c.frontCpu, 2)]);
    const by = (x: RunFigures) => f(x.subgraphCpuByName[subgraph]!, 2);
    rows.push([`${what} ${subgraph} CPU ms/req via gateway / direct (proxy)`, by(p.a), `${by(p.b)} (${by(p.c)})`, f(p.a.subgraphCpuByName[subgraph]! / p.b.subgraphCpuByName[subgraph]!, 2)]);
    if (p.bPaced) {
      rows.push([
        `${what} ${subgraph} CPU ms/req via gateway / direct at the gateway's rate`,
        by(p.a),
        `${by(p.bPaced)} (${f(p.bPaced.rps)}/s)`,
        f(p.a.subgraphCpuByName[subgraph]! / p.bPaced.subgraphCpuByName[subgraph]!, 2),
      ]);
    }
  };
  pairRow('trivial, gateway vs spaces:', r.scenarios.trivial);
  proxyRow('trivial:', r.scenarios.trivial, 'spaces');
  pairRow('page20, gateway vs cards:', r.scenarios.page20);
  proxyRow('page20:', r.scenarios.page20, 'cards');
  pairRow('four, Kyodo vs Apollo:', r.scenarios.four);
  rows.push(['gateway RSS idle MB, Kyodo vs Apollo', f(r.rssMb.idle.kyodo), f(r.rssMb.idle.apollo), f(r.rssMb.idle.kyodo / r.rssMb.idle.apollo, 2)]);
  rows.push(['gateway RSS after load MB', f(r.rssMb.loaded.kyodo), f(r.rssMb.loaded.apollo), f(r.rssMb.loaded.kyodo / r.rssMb.loaded.apollo, 2)]);
  rows.push(['gateway start-to-ready s', f(r.readyMs.gateway / 1000, 1), f(r.readyMs.apollo / 1000, 1), f(r.readyMs.gateway / r.readyMs.apollo, 2)]);
  rows.push(['whole stack start-to-ready s (built)', f(r.readyMs.stack / 1000, 1), '', '']);
  rows.push(['SQL statements per page of 1 / 20 / 100', `${r.statements[1]} / ${r.statements[20]} / ${r.statements[100]}`, '', '']);
  rows.push(['cards -> other subgraphs per page / scan', `${f(r.peers.perPage, 2)} / ${f(r.peers.perScan, 2)}`, '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) process.stdout.write(`| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |\n`);
}

function printComparisons(comparisons: Comparison[], margin: number, haveBaseline: boolean): void {
  process.stdout.write(`\n${haveBaseline ? `against ${BASELINE_PATH} (margin ${(margin * 100).toFixed(0)} %)` : 'no baseline to compare with'}\n`);
  for (const c of comparisons) {
    const def = c.name in RATIOS ? RATIOS[c.name as keyof typeof RATIOS] : undefined;
    const num = (n?: number) => (n === undefined ? '-' : n.toFixed(3));
    const mark = c.verdict === 'regressed' || c.verdict === 'missing' ? 'FAIL' : c.verdict;
    process.stdout.write(`  ${mark.padEnd(8)} ${c.name.padEnd(34)} ${num(c.current).padStart(8)}  (baseline ${num(c.baseline)}, ${def?.better ?? '?'} is better)\n`);
  }
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await stopAll();
    process.stderr.write(`[bench] error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
