import { CreateJobLeasesMigration } from '@kyodo/subgraph-kit';

/** Leases of spaces' background jobs (the invoice mail, Q1), so N replicas share them; the table is subgraph-kit's job-lease.ts. */
export class CreateJobLeases1769400000002 extends CreateJobLeasesMigration {
  name = 'CreateJobLeases1769400000002';
}
