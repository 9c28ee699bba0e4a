import { readFile } from 'node:fs/promises';
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
  beforeAll(async () => {
    gw = await startTinyGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('is valid JSON with panels that each query Prometheus', async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as { uid: string; panels: { type: string; targets?: unknown[] }[] };
    expect(dashboard.uid).toBe('kyodo-overview');
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(graphs.length).toBeGreaterThan(10);
    for (const panel of graphs) expect(exprsOf(panel).length).toBeGreaterThan(0);
  });

  it('queries only metrics that /metrics exposes (the gateway serves every family a subgraph does, plus its own)', async () => {
    const exprs = exprsOf(JSON.parse(await readFile(DASHBOARD, 'utf8')));
    const exposed = exposedNames(await (await fetch(new URL('/metrics', gw.url))).text());
    const queried = new Set(exprs.flatMap(metricNamesOf));
    for (const expr of exprs) expect(metricNamesOf(expr), expr).not.toEqual([]);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
    // the checks above see something: the dashboard's key families are among those queried
    expect([...queried]).toEqual(expect.arrayContaining(['kyodo_graphql_requests_total', 'kyodo_gateway_subgraph_requests_total', 'kyodo_job_runs_total']));
  });
});
