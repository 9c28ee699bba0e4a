import { signInAs, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { startFullStack } from '../e2e/full-stack.js';

/**
 * Throughput of the gateway on a query that crosses all four subgraphs. Speed lives here, not
 * in timed unit tests: `npm run bench` (MYSQL_URL set: the subgraphs use MariaDB).
 */
let stack: Stack;
let token: string;

const CROSS_SUBGRAPH = '{ viewer { id name tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }';

describe('gateway', () => {
  beforeAll(async () => {
    stack = await startFullStack({ dialect: process.env.MYSQL_URL ? 'mariadb' : 'sqlite' });
    token = await signInAs(stack.client, 'admin');
  });
  afterAll(() => stack?.close());

  bench('viewer across four subgraphs', async () => {
    const r = await stack.client.request(CROSS_SUBGRAPH, {}, { token });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }, { time: 3000, warmupTime: 500 });

  bench('anonymous { __typename }', async () => {
    await stack.client.request('{ __typename }');
  }, { time: 2000, warmupTime: 300 });
});
