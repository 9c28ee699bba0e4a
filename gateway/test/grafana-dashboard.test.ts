import { readFile } from 'node:fs/promises';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier, generateSigningKeys } from '@kyodo/auth';
import { createSubgraphServer, silentLogger, type SubgraphServer } from '@kyodo/subgraph-kit';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './support/tiny-gateway.js';

const DASHBOARD = new URL('../../deploy/grafana/kyodo.json', import.meta.url);

function exprsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(exprsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'expr' && typeof inner === 'string' ? [inner] : exprsOf(inner)));
}

/** Metric names in a PromQL expression: identifiers followed by a selector `{` or a range `[`. */
function metricNamesOf(expr: string): string[] {
  return [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?=\{|\[)/g)].map((m) => m[1]!);
}

/** Every series name a scrape can hold, from its TYPE lines (histograms add _bucket, _sum, _count). */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)$/gm)) {
    names.add(name!);
    if (type === 'histogram' || type === 'summary') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

describe('Grafana dashboard deploy/grafana/kyodo.json', () => {
  let gw: TinyGateway;
  let subgraph: SubgraphServer;
  let subgraphUrl: string;
  beforeAll(async () => {
    gw = await startTinyGateway();
    // a Kyodo subgraph server (subgraph-kit), for the families only subgraphs serve (database pool)
    const verifier = createTokenVerifier(await generateSigningKeys());
    subgraph = createSubgraphServer({
      name: 'tiny',
      schema: buildSubgraphSchema({ typeDefs: parse('type Query { ok: Boolean }'), resolvers: { Query: { ok: () => true } } }),
      // never queried: /health is not called
      dataSource: {} as Parameters<typeof createSubgraphServer>[0]['dataSource'],
      verifier,
      logger: silentLogger,
      createLoaders: () => ({}),
      deps: { databaseUrl: 'sqlite::memory:', verifier },
    });
    subgraphUrl = await subgraph.listen(0);
  });
  afterAll(async () => {
    await gw.close();
    await subgraph.close();
  });

  it('is valid JSON with panels that each query Prometheus', async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as { uid: string; panels: { type: string; targets?: unknown[] }[] };
    expect(dashboard.uid).toBe('kyodo-overview');
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(graphs.length).toBeGreaterThan(10);
    for (const panel of graphs) expect(exprsOf(panel).length).toBeGreaterThan(0);
  });

  it('queries only metrics that the gateway’s or a subgraph’s /metrics exposes', async () => {
    const exprs = exprsOf(JSON.parse(await readFile(DASHBOARD, 'utf8')));
    const scrapes = await Promise.all([gw.url, subgraphUrl].map(async (url) => (await fetch(new URL('/metrics', url))).text()));
    const exposed = new Set(scrapes.flatMap((text) => [...exposedNames(text)]));
    const queried = new Set(exprs.flatMap(metricNamesOf));
    for (const expr of exprs) expect(metricNamesOf(expr), expr).not.toEqual([]);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
    // the checks above see something: the dashboard's key families are among those queried
    expect([...queried]).toEqual(expect.arrayContaining(['kyodo_graphql_requests_total', 'kyodo_gateway_subgraph_requests_total', 'kyodo_job_runs_total']));
  });
});
