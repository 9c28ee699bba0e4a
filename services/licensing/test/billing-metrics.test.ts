import { METRIC_NAMES } from '@kyodo/subgraph-kit';
import { startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensingSubgraph } from '../src/index.js';

function jobRuns(text: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${METRIC_NAMES.jobRuns}{`) && l.includes('job="billing-run"') && l.includes('outcome="ok"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe.each(testDialects())('licensing /metrics: L16 billing runs and the database pool (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    // 0.001 minutes: the schedule ticks every 60 ms
    stack = await startStack({ subgraphs: [licensingSubgraph], dialect, env: { BILLING_EVERY_MINUTES: '0.001' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('each scheduled billing run is counted as a job run of this replica', async () => {
    const metricsUrl = new URL('/metrics', stack.subgraphUrls.licensing).href;
    let runs = 0;
    for (let attempt = 0; attempt < 50 && runs === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = jobRuns(await (await fetch(metricsUrl)).text());
    }
    expect(runs).toBeGreaterThanOrEqual(1);
  });

  it('shows the database pool on MariaDB (open connections), and no pool on SQLite', async () => {
    await stack.clientFor('licensing').request('{ __typename }');
    const text = await (await fetch(new URL('/metrics', stack.subgraphUrls.licensing))).text();
    const open = text.split('\n').find((l) => l.startsWith(`${METRIC_NAMES.dbPoolConnections}{`) && l.includes('state="open"'));
    if (dialect === 'mariadb') expect(Number(open?.split(' ').at(-1))).toBeGreaterThanOrEqual(1);
    else expect(open).toBeUndefined();
  });
});
