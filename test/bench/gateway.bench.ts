import { signInAs } from '@kyodo/testkit';
import { afterAll, bench, describe } from 'vitest';
import { startFullStack } from '../e2e/full-stack.js';

/**
 * Throughput of the gateway on a query that crosses all four subgraphs. Speed lives here, not
 * in timed unit tests: `npm run bench` (MYSQL_URL set: the subgraphs use MariaDB).
 */
// top-level await, not beforeAll: vitest runs a bench's setup hooks per iteration batch, and the stack is costly
const stack = await startFullStack({ dialect: process.env.MYSQL_URL ? 'mariadb' : 'sqlite' });
const token = await signInAs(stack.client, 'admin');

const CROSS_SUBGRAPH = '{ viewer { id name tenant { subdomain contract { course billingCycle } } cardCount isSupportRegistrant } }';

describe('gateway', () => {
  afterAll(() => stack.close());

  bench(
    'viewer across four subgraphs',
    async () => {
      const r = await stack.client.request(CROSS_SUBGRAPH, {}, { token });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    },
    { time: 3000, warmupTime: 500 },
  );

  bench(
    'anonymous { __typename }',
    async () => {
      const r = await stack.client.request('{ __typename }');
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    },
    { time: 2000, warmupTime: 300 },
  );
});
